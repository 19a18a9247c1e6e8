// The final PDF of a signed agreement (pdf-lib, DejaVu Sans embedded and subset, so Welsh ŵ ŷ â print): the
// statements, issues, terms, the signatures (drawn ones from their SVG path data) with dates, and an evidence page.
// It never holds anyone's contact details: the input has none. pdf-lib cannot write a structure tree, so headings are
// not tagged; the document's title, subject (the reference) and language are set.
import type { AgreementIssue, AgreementStatements, TermWho } from '#src/db/schema/agreements.ts';
import { ISSUE_OUTCOME_LABELS } from '#src/features/cases/lifecycle.ts';
import { translator } from '#src/i18n/i18n.ts';
import { CHANNEL_LABELS, type Channel, DUE_LABELS, type DueKind, STATEMENT_KEYS, STATEMENT_LABELS } from '../agreement-words.ts';
import { Flow } from '#src/lib/pdf/pdf-layout.ts';
import { dayInWords } from '#src/domain/dates-in-words.ts';
import { newPdfDocument } from '#src/lib/pdf/pdf-document.ts';

const t = translator('en');

export type PdfTerm = { who: TermWho[]; what: string; dueKind: string; dueOn: string | null; checkHow: string; appealable: boolean | null };
export type PdfSigner = {
  name: string;
  kind: string;
  status: string;
  method: string | null;
  channel: string | null;
  typedName: string | null;
  drawing: string | null;
  declineReason: string | null;
  at: Date | null;
  versionHash: string | null;
  witnessName: string | null;
  addressHash: string | null;
  browser: string | null;
};
export type AgreementPdfInput = {
  serviceName: string;
  caseReference: string;
  caseTypeLabel: string;
  reference: string;
  version: number;
  hash: string;
  frozenAt: Date;
  signedAt: Date;
  statements: AgreementStatements;
  issues: AgreementIssue[];
  terms: PdfTerm[];
  signers: PdfSigner[];
  verifyUrl: string;
};

const day = (d: Date) => dayInWords(d);
const moment = (d: Date) =>
  `${day(d)}, ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })} (${d.toISOString()})`;
const dueWords = (term: PdfTerm) =>
  term.dueKind === 'date' && term.dueOn ? day(new Date(`${term.dueOn}T12:00:00Z`)) : t(DUE_LABELS[term.dueKind as DueKind] ?? term.dueKind);

export async function renderAgreementPdf(a: AgreementPdfInput): Promise<Uint8Array> {
  const { doc, fonts: f } = await newPdfDocument();
  doc.setTitle(t('Agreement {reference}', { reference: a.reference }), { showInWindowTitleBar: true });
  doc.setSubject(a.reference);
  doc.setAuthor(a.serviceName);
  doc.setProducer('Parley');
  doc.setCreator('Parley');
  doc.setLanguage('en-GB');
  doc.setCreationDate(a.signedAt);
  doc.setModificationDate(a.signedAt);
  const flow = new Flow(doc, f, (n) => t('{reference} · version {version} · page {page}', { reference: a.reference, version: a.version, page: n }));

  flow.heading(t('Agreement'), 20);
  flow.paragraph(`${a.serviceName} · ${a.caseTypeLabel}`, { bold: true });
  flow.labelled(t('Case'), a.caseReference);
  flow.labelled(t('Agreement reference'), a.reference);
  flow.labelled(t('Version'), String(a.version));
  flow.labelled(t('Signed'), day(a.signedAt));
  for (const key of STATEMENT_KEYS) {
    flow.heading(t(STATEMENT_LABELS[key]), 12);
    flow.paragraph(a.statements[key]);
  }
  if (a.issues.length) {
    flow.heading(t('The issues'), 14);
    for (const issue of a.issues) flow.labelled(issue.outcome ? t(ISSUE_OUTCOME_LABELS[issue.outcome]) : t('Not marked'), issue.issue);
  }
  flow.heading(t('What was agreed'), 14);
  a.terms.forEach((term, i) => {
    flow.room(80);
    flow.paragraph(t('Term {n}', { n: i + 1 }), { bold: true, size: 11 });
    flow.labelled(t('Who'), term.who.map((w) => w.name).join(', '), 12);
    flow.labelled(t('What'), term.what, 12);
    flow.labelled(t('By when'), dueWords(term), 12);
    flow.labelled(t('How it will be checked'), term.checkHow, 12);
    if (term.appealable !== null) flow.labelled(t('Could be appealed'), term.appealable ? t('Yes') : t('No'), 12);
    flow.gap();
  });

  flow.heading(t('Signatures'), 14);
  for (const s of a.signers) {
    flow.room(120);
    flow.paragraph(s.kind === 'mediator' ? t('{name}, mediator (witness)', { name: s.name }) : s.name, { bold: true, size: 11 });
    if (s.status === 'declined') flow.paragraph(t('Did not sign: {reason}', { reason: s.declineReason ?? '' }));
    else if (s.method === 'drawn' && s.drawing) flow.drawing(s.drawing);
    else flow.paragraph(t('Signed by typing their name: “{name}”, and ticking “I agree”', { name: s.typedName ?? s.name }));
    if (s.at) flow.labelled(t('Date'), day(s.at));
    flow.gap();
  }

  flow.newPage();
  flow.heading(t('Evidence'), 16);
  flow.paragraph(
    t(
      'This page records how each signature was given. Each signature is on the version whose text has the SHA-256 fingerprint below: the hash of the agreement’s canonical form (RFC 8785 JSON of its statements, issues, terms and signers). Any change to the text makes a new version with a new fingerprint, and earlier signatures do not carry over. To check a copy of this document, go to {url} and upload it or type its reference.',
      { url: a.verifyUrl },
    ),
  );
  flow.labelled(t('Reference'), a.reference);
  flow.labelled(t('Version'), String(a.version));
  flow.labelled(t('Made ready to sign'), moment(a.frozenAt));
  flow.labelled(t('Version fingerprint'), a.hash);
  for (const s of a.signers) {
    flow.gap();
    flow.paragraph(s.kind === 'mediator' ? t('{name}, mediator (witness)', { name: s.name }) : s.name, { bold: true });
    const how = [
      s.channel ? t(CHANNEL_LABELS[s.channel as Channel] ?? s.channel) : null,
      s.method ? (s.method === 'drawn' ? t('drawn') : t('typed name with “I agree”')) : null,
    ]
      .filter(Boolean)
      .join(' · ');
    flow.labelled(s.status === 'declined' ? t('Declined') : t('Signed'), [s.at ? s.at.toISOString() : null, how].filter(Boolean).join(' · '), 12);
    if (s.versionHash) flow.labelled(t('Version signed'), s.versionHash === a.hash ? t('this version (the fingerprint above)') : s.versionHash, 12);
    if (s.witnessName) flow.labelled(t('Witness'), s.witnessName, 12);
    if (s.addressHash) flow.labelled(t('Address fingerprint'), s.addressHash, 12);
    if (s.browser) flow.labelled(t('Browser'), s.browser, 12);
  }
  return doc.save();
}
