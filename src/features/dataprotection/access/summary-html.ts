// The readable half of a subject access archive: one self-contained HTML page (no script, no outside files) with the
// person's records case by case, in the words of the message catalogue; data.json beside it holds the same.
import { type Locale, msg, type Translate } from '#src/i18n/i18n.ts';
import { caseTypeNamer, STATUS_LABELS } from '#src/domain/case-words.ts';
import { MEETING_KIND_LABELS, MEETING_MODE_LABELS, MEETING_STATUS_LABELS, RESPONSE_LABELS, SHARE_PERMISSION_LABELS } from '#src/domain/meeting-words.ts';
import type { SubjectData } from './gather.ts';
import { esc, summaryKit } from './summary-kit.ts';
import { consentInWords, personDetails, feedbackPart, lettersPart, otherReferralsPart, referralsPart, sendPart } from './summary-parts.ts';

const LETTER_STATUS_LABELS: Record<string, string> = { to_post: msg('To post'), posted: msg('Posted'), withdrawn: msg('Withdrawn, not posted') };

export type ArchiveMeta = { reference: string; receivedOn: string; dueOn: string; producedAt: Date };

/** The summary page; `types` are the service's case types, for their names. */
export function summaryHtml(
  data: SubjectData,
  meta: ArchiveMeta,
  t: Translate,
  locale: Locale,
  types: readonly { code: string; name: string | null; kind: string }[] = [],
): string {
  const caseTypeName = caseTypeNamer(t, types);
  const kit = summaryKit(t, locale, caseTypeName);
  const { when, rows, table, word, yesNo } = kit;
  const sections = data.cases.map((c) => {
    const p = c.party;
    return `<section>
<h2>${esc(t('Case {reference}', { reference: c.case.reference }))}</h2>
${rows([
  [t('Kind of case'), caseTypeName(c.case.caseType)],
  [t('Status'), word(STATUS_LABELS, c.case.status)],
  [t('Opened'), when(c.case.openedAt)],
  [t('Closed'), when(c.case.closedAt)],
  [t('What the case is about'), c.case.summary],
])}
<h3>${esc(t('Your details'))}</h3>
${rows([
  ...personDetails(kit, p),
  [t('Consent'), consentInWords(kit, p.consent, p.consentRecordedAt)],
  [t('Prison'), p.establishment],
  [t('Prison number'), p.prisonNumber],
])}
<h3>${esc(t('What you told us'))}</h3>
${
  c.intake
    ? rows([
        [t('The situation now'), c.intake.situationNow],
        [t('What you would like in future'), c.intake.wantedFuture],
        [t('Your ideas'), c.intake.ideas],
        [t('Your concerns'), c.intake.concerns],
        [t('When you can meet'), c.intake.availability],
      ])
    : `<p>${esc(t('None.'))}</p>`
}
${table(
  [t('Recorded'), t('What you said'), t('May it be passed on')],
  c.statements.map((s) => [when(s.recordedAt), s.statement, word(SHARE_PERMISSION_LABELS, s.permission)]),
)}
${referralsPart(kit, c.referrals)}
<h3>${esc(t('Appointments'))}</h3>
${table(
  [t('When'), t('Kind'), t('How'), t('Status'), t('Your answer'), t('Attended'), t('Notes')],
  c.appointments.map((a) => [
    when(a.startsAt),
    word(MEETING_KIND_LABELS, a.kind),
    word(MEETING_MODE_LABELS, a.mode),
    word(MEETING_STATUS_LABELS, a.status),
    word(RESPONSE_LABELS, a.response),
    yesNo(a.attended),
    a.notes ?? '',
  ]),
)}
<h3>${esc(t('Agreements'))}</h3>
${table(
  [t('Version'), t('Your signature'), t('When'), t('Terms')],
  c.agreements.map((a) => [a.version, a.signerStatus, when(a.at), a.terms.map((x) => x.what).join(' · ')]),
)}
${c.letters.length ? lettersPart(kit, c.letters) : ''}
${c.send ? sendPart(kit, c.send) : ''}
${feedbackPart(kit, c.feedback, c.checkIns)}
<h3>${esc(t('Messages we sent you'))}</h3>
${table(
  [t('When'), t('To'), t('Subject')],
  c.messages.map((m) => [when(m.createdAt), m.to, m.subject]),
)}
${
  c.lettersToPost.length
    ? `<h3>${esc(t('Letters we wrote to you by post'))}</h3>${table(
        [t('When'), t('Subject'), t('Status')],
        c.lettersToPost.map((m) => [when(m.createdAt), m.subject, word(LETTER_STATUS_LABELS, m.status)]),
      )}`
    : ''
}
<h3>${esc(t('The case record about you'))}</h3>
${table(
  [t('When'), t('Kind'), t('Entry')],
  c.timeline.map((e) => [when(e.at), e.kind, [e.summary, e.body].filter(Boolean).join(': ')]),
)}
<p>${esc(
      t(
        '{entries, plural, =0 {No entry} one {# entry} other {# entries}} about other people or restricted to safeguarding staff, and {records, plural, =0 {no safeguarding record} one {# safeguarding record} other {# safeguarding records}}, were not included.',
        { entries: c.withheld.timelineEntries, records: c.withheld.safeguardingRecords },
      ),
    )}</p>
${
  c.withheld.aboutOtherPeople
    ? `<p>${esc(
        t(
          '{count, plural, one {# note that staff marked as about other people was left out.} other {# notes that staff marked as about other people were left out.}}',
          {
            count: c.withheld.aboutOtherPeople,
          },
        ),
      )}</p>`
    : ''
}
</section>`;
  });

  return `<!doctype html>
<html lang="${esc(locale)}"><head><meta charset="utf-8"><title>${esc(t('Your data: request {reference}', { reference: meta.reference }))}</title>
<style>body{font-family:Arial,sans-serif;max-width:60em;margin:2em auto;line-height:1.4}dt{font-weight:bold}dd{margin:0 0 .5em}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;text-align:left;padding:.3em;vertical-align:top}</style></head>
<body><main>
<h1>${esc(t('Your data: request {reference}', { reference: meta.reference }))}</h1>
<p>${esc(t('Received {received}; produced {produced}.', { received: when(meta.receivedOn), produced: when(meta.producedAt) }))}</p>
<p>${esc(t('Other people’s names, contact details and what they said have been replaced with [redacted]. The file data.json holds the same records for a computer to read.'))}</p>
${sections.join('\n')}
${otherReferralsPart(kit, data.otherReferrals)}
${
  data.otherMessages.length
    ? `<h2>${esc(t('Other messages we sent you'))}</h2>${table(
        [t('When'), t('To'), t('Subject')],
        data.otherMessages.map((m) => [when(m.createdAt), m.to, m.subject]),
      )}`
    : ''
}
</main></body></html>
`;
}
