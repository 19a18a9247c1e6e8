// Agreements in tests: a drafted, frozen agreement on the meetings world's case, and the PDF read back as text.
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import type { OrgActor } from '#src/access/actor.ts';
import type { Harness } from './harness.ts';
import { holdSession, type MeetingsWorld } from './meetings.ts';

export const DRAWN = 'M 20 150 L 80 40 L 140 150 L 200 60 L 260 140';

export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number; fonts: string }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    // The fonts embedded: every font dictionary's BaseFont (object streams hide them from a plain text search).
    const doc = await PDFDocument.load(bytes);
    const fonts = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o instanceof PDFDict && o.get(PDFName.of('Type'))?.toString() === '/Font' ? o.get(PDFName.of('BaseFont'))?.toString() : undefined))
      .filter(Boolean)
      .join(' ');
    return { text: result.text, pages: result.pages.length, fonts };
  } finally {
    await parser.destroy();
  }
}

/** A held joint meeting with issues, an agreement drafted from it with terms, frozen: ready to sign. */
export async function readyAgreement(h: Harness, w: MeetingsWorld, opts: { terms?: number } = {}) {
  const meetingId = await holdSession(h.deps, w.orgId, w.caseId, {
    issues: 'Noise late at night\nParking across the drive',
    outcome: 'Sam keeps music down after 10pm',
  });
  const ag = h.deps.agreements;
  const created = await ag.drafting.create(w.coordinator, w.caseId, { from: 'meeting', meetingId });
  const first = await ag.drafting.version(w.coordinator, w.caseId, created.id);
  await ag.drafting.updateTerm(w.coordinator, w.caseId, created.id, first.terms[0]!.id, {
    who: [`party:${w.parties.sam}`],
    what: 'Sam keeps music down after 10pm on weeknights',
    dueKind: 'ongoing',
    checkHow: 'Ask Alex at the two-week check-in',
  });
  for (let i = 1; i < (opts.terms ?? 2); i++)
    await ag.drafting.addTerm(w.coordinator, w.caseId, created.id, {
      who: [`party:${w.parties.alex}`, 'service'],
      what: `Alex parks on the street side, term ${i + 1}, ŵ ŷ â`,
      dueKind: 'date',
      dueOn: '2027-01-31',
      checkHow: 'A call from the service',
    });
  await ag.drafting.saveIssues(w.coordinator, w.caseId, created.id, {
    issues: [
      { issue: 'Noise late at night', outcome: 'agreed' },
      { issue: 'Parking across the drive', outcome: 'partly_agreed' },
    ],
  });
  const frozen = await ag.drafting.readyToSign(w.coordinator, w.caseId, created.id);
  const v = await ag.drafting.version(w.coordinator, w.caseId, created.id);
  return { agreementId: created.id, meetingId, ...frozen, signers: v.signers };
}

type Term = Parameters<Harness['deps']['agreements']['drafting']['addTerm']>[3];
const SERVICE_CALLS: Term = { who: ['service'], what: 'Call both households in two weeks', dueKind: 'ongoing', checkHow: 'A call' };

/**
 * A one-term agreement on the case, signed in person by every party and mediator: what Outcome needs for a full or
 * partial agreement. The term is the service's follow-up call unless one is given (a SEND duty of the local authority).
 */
export async function signAgreementOnCase(h: Harness, actor: OrgActor, caseId: string, term: Term = SERVICE_CALLS) {
  const ag = h.deps.agreements;
  const { id } = await ag.drafting.create(actor, caseId, { from: 'scratch' });
  await ag.drafting.addTerm(actor, caseId, id, term);
  const ready = await ag.drafting.readyToSign(actor, caseId, id);
  for (const s of (await ag.drafting.version(actor, caseId, id)).signers)
    await ag.signing.signInPerson(actor, caseId, id, ready.versionId, s.id, {
      method: 'typed',
      typedName: s.name,
      confirmName: true,
      agree: true,
      seenHash: ready.hash,
    });
  return { agreementId: id, versionId: ready.versionId };
}
