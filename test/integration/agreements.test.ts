// Agreements end to end through the services: draft from a joint meeting's record, freeze, a change after freezing
// makes a new version whose signatures start again, signing in person, the final PDF read back, verify, and outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '#src/lib/app-error.ts';
import { DRAWN, pdfText, readyAgreement } from '../support/agreements.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type MeetingsWorld, meetingsWorld } from '../support/meetings.ts';

let h: Harness;
let w: MeetingsWorld;
beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'agree');
});
afterAll(() => h?.close());

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('an agreement', () => {
  it('is drafted from the meeting record, frozen with a hash, replaced by a change, and signed in person with a PDF that reads back', async () => {
    const ag = h.deps.agreements;
    const first = await readyAgreement(h, w);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.signers.map((s) => `${s.kind}:${s.name}`)).toEqual([
      'party:Sam Example',
      'party:Alex Example',
      'mediator:Vera Volunteer',
      'mediator:Leo Volunteer',
    ]);

    // Sam signs version 1, then a term changes: version 2, and Sam's signature does not carry over.
    const sam1 = first.signers[0]!;
    await ag.signing.signInPerson(w.mediator, w.caseId, first.agreementId, first.versionId, sam1.id, {
      method: 'typed',
      typedName: 'sam example',
      confirmName: true,
      agree: true,
      seenHash: first.hash,
    });
    const v1 = await ag.drafting.version(w.coordinator, w.caseId, first.agreementId);
    await ag.drafting.updateTerm(w.coordinator, w.caseId, first.agreementId, v1.terms[0]!.id, {
      who: [`party:${w.parties.sam}`],
      what: 'Sam keeps music down after 9pm on weeknights',
      dueKind: 'ongoing',
      checkHow: 'Ask Alex at the two-week check-in',
    });
    const old = await refusal(
      ag.signing.signInPerson(w.mediator, w.caseId, first.agreementId, first.versionId, first.signers[1]!.id, {
        method: 'typed',
        typedName: 'Alex Example',
        confirmName: true,
        agree: true,
        seenHash: first.hash,
      }),
    );
    expect(old.reason).toBe('VERSION_REPLACED');
    expect(old.message).toContain('version 2 replaces it');

    const second = await ag.drafting.readyToSign(w.coordinator, w.caseId, first.agreementId);
    expect(second.number).toBe(2);
    expect(second.hash).not.toBe(first.hash);
    const v2 = await ag.drafting.version(w.coordinator, w.caseId, first.agreementId);
    expect(v2.signers.every((s) => s.status === 'pending')).toBe(true);

    const wrongName = await refusal(
      ag.signing.signInPerson(w.mediator, w.caseId, first.agreementId, second.versionId, v2.signers[0]!.id, {
        method: 'typed',
        typedName: 'Someone Else',
        confirmName: true,
        agree: true,
        seenHash: second.hash,
      }),
    );
    expect(wrongName.fields?.typedName).toContain('Sam Example');
    const stale = await refusal(
      ag.signing.signInPerson(w.mediator, w.caseId, first.agreementId, second.versionId, v2.signers[0]!.id, {
        method: 'typed',
        typedName: 'Sam Example',
        confirmName: true,
        agree: true,
        seenHash: first.hash,
      }),
    );
    expect(stale.reason).toBe('SIGNATURE_REFUSED');

    for (const [i, s] of v2.signers.entries()) {
      const done = await ag.signing.signInPerson(
        w.mediator,
        w.caseId,
        first.agreementId,
        second.versionId,
        s.id,
        i === 1
          ? { method: 'drawn', drawing: DRAWN, confirmName: true, agree: true, seenHash: second.hash }
          : { method: 'typed', typedName: s.name, confirmName: true, agree: true, seenHash: second.hash },
      );
      expect(done.complete).toBe(i === v2.signers.length - 1);
    }
    const pdf = await ag.signing.pdf(w.coordinator, w.caseId, first.agreementId, second.versionId);
    const read = await pdfText(pdf.bytes);
    expect(read.text.replace(/\s+/g, '')).toContain(second.hash);
    for (const words of [
      'Sam keeps music down after 9pm on weeknights',
      'Alex parks on the street side, term 2, ŵ ŷ â',
      'Evidence',
      second.reference,
      'Sam Example',
      'Alex Example',
      'Vera Volunteer, mediator (witness)',
      'Leo Volunteer, mediator (witness)',
      'not legally binding',
    ])
      expect(read.text.replace(/\s+/g, ' ')).toContain(words);
    expect(read.fonts).toMatch(/DejaVuSans/);
    // Never anyone's contact details.
    for (const contact of ['sam@example.org', 'alex@example.org']) expect(read.text).not.toContain(contact);

    // The verify page's service: the PDF and its reference match; a changed PDF does not.
    expect((await ag.verify.byPdf('agree', pdf.bytes)).matches).toBe(true);
    expect((await ag.verify.byReference('agree', second.reference.toLowerCase())).matches).toBe(true);
    const changed = Buffer.from(pdf.bytes);
    changed[changed.length - 20] = (changed[changed.length - 20]! + 1) % 256;
    expect((await ag.verify.byPdf('agree', changed)).matches).toBe(false);
    expect((await ag.verify.byReference('agree', first.reference)).matches).toBe(false);
  });
});
