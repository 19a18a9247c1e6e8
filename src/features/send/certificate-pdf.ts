// The mediation certificate as a PDF (rules.md #21, with the appeal deadline of #20): who, the local authority, the
// decision and its letter's date, when the adviser was contacted, the kind and outcome, the issues, the issue date,
// the adviser and their organisation, and the date to appeal by. English; the layout and fonts are the agreement's.
import { newPdfDocument } from '#src/lib/pdf/pdf-document.ts';
import { Flow } from '#src/lib/pdf/pdf-layout.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { translator } from '#src/i18n/i18n.ts';
import {
  CERTIFICATE_KIND_LABELS,
  CERTIFICATE_OUTCOME_LABELS,
  ISSUE_OUTCOME_LABELS,
  SEND_DECISION_LABELS,
  SEND_ISSUE_LABELS,
  type CertificateKind,
  type CertificateOutcome,
  type IssueOutcome,
  type SendDecision,
  type SendIssue,
} from './send-words.ts';

const t = translator('en');

export type CertificatePdfInput = {
  number: number;
  caseReference: string;
  serviceName: string;
  parentNames: string[];
  childName: string | null;
  localAuthority: string | null;
  decisionType: string | null;
  decisionLetterOn: string;
  miasOn: string | null;
  kind: string;
  outcome: string | null;
  issues: { issue: string; outcome: string | null }[];
  issuedOn: string;
  appealDeadline: string;
  adviserName: string;
  adviserOrganisation: string;
  replacesNumber: number | null;
  reissueReason: string | null;
};

const notRecorded = t('Not recorded');

export async function renderCertificatePdf(c: CertificatePdfInput): Promise<Uint8Array> {
  const { doc, fonts } = await newPdfDocument();
  const title = t('Mediation certificate {number}', { number: c.number });
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(c.caseReference);
  doc.setAuthor(c.serviceName);
  doc.setProducer('Parley');
  doc.setCreator('Parley');
  doc.setLanguage('en-GB');
  const flow = new Flow(doc, fonts, (n) => t('{reference} · certificate {number} · page {page}', { reference: c.caseReference, number: c.number, page: n }));
  flow.heading(title, 20);
  flow.paragraph(t('Children and Families Act 2014, section 55: special educational needs and disability mediation'), { bold: true });
  flow.gap();
  flow.labelled(t('Parent or young person'), c.parentNames.join(', ') || notRecorded);
  flow.labelled(t('Child'), c.childName ?? notRecorded);
  flow.labelled(t('Local authority'), c.localAuthority ?? notRecorded);
  flow.labelled(t('Decision'), c.decisionType ? t(SEND_DECISION_LABELS[c.decisionType as SendDecision] ?? c.decisionType) : notRecorded);
  flow.labelled(t('Date of the decision letter'), longDate(c.decisionLetterOn));
  flow.labelled(t('Mediation adviser contacted'), c.miasOn ? longDate(c.miasOn) : notRecorded);
  flow.labelled(t('Certificate'), t(CERTIFICATE_KIND_LABELS[c.kind as CertificateKind] ?? c.kind));
  if (c.outcome) flow.labelled(t('Outcome'), t(CERTIFICATE_OUTCOME_LABELS[c.outcome as CertificateOutcome] ?? c.outcome));
  flow.gap();
  flow.heading(t('Mediation issues'));
  for (const i of c.issues) {
    const issue = t(SEND_ISSUE_LABELS[i.issue as SendIssue] ?? i.issue);
    flow.paragraph(i.outcome ? `${issue}: ${t(ISSUE_OUTCOME_LABELS[i.outcome as IssueOutcome] ?? i.outcome)}` : issue, { indent: 12 });
  }
  flow.gap();
  flow.labelled(t('Date of issue'), longDate(c.issuedOn));
  flow.labelled(t('Issued by'), `${c.adviserName}, ${c.adviserOrganisation}`);
  if (c.replacesNumber !== null) flow.labelled(t('Replaces certificate'), `${c.replacesNumber}${c.reissueReason ? ` (${c.reissueReason})` : ''}`);
  flow.gap(16);
  flow.paragraph(t('Appeal to the First-tier Tribunal (SEND) by {date}', { date: longDate(c.appealDeadline) }), { bold: true, size: 14 });
  flow.paragraph(
    t(
      'That is the later of two months from the date of the decision letter and one month from the date of this certificate. Keep this certificate: the tribunal asks for it with the appeal.',
    ),
  );
  return doc.save();
}
