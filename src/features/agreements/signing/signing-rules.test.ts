import { describe, expect, it } from 'vitest';
import {
  afterCodeAttempt,
  codeExpired,
  drawingRefusal,
  freezeReasons,
  linkState,
  SIGNING_POLICY,
  signatureRefusal,
  typedNameRefusal,
} from './signing-rules.ts';
import { sendDefaultDueOn } from '../agreement-words.ts';

const term = { what: 'Do it', checkHow: 'Ask', dueKind: 'ongoing', dueOn: null, who: [{}], appealable: null };
const sign = { versionStatus: 'ready', versionNumber: 1, versionHash: 'a'.repeat(64), latestNumber: 1, signerStatus: 'pending' };

describe('freezing a version', () => {
  it('needs complete terms, a party and a witness; SEND terms say whether they could be appealed', () => {
    expect(freezeReasons({ status: 'draft', caseKind: 'community', terms: [term], partySigners: 2, mediatorSigners: 2 })).toEqual([]);
    expect(freezeReasons({ status: 'draft', caseKind: 'community', terms: [], partySigners: 0, mediatorSigners: 0 })).toEqual([
      'An agreement needs at least one term: who does what by when',
      'An agreement needs at least one party taking part to sign it',
      'An agreement needs a mediator on the case to witness the signatures',
    ]);
    expect(
      freezeReasons({
        status: 'draft',
        caseKind: 'send',
        terms: [{ ...term, who: [], what: ' ', dueKind: 'date', checkHow: '' }],
        partySigners: 1,
        mediatorSigners: 1,
      }),
    ).toEqual([
      'Term 1 needs to say who will do it',
      'Term 1 needs to say what will be done',
      'Term 1 needs the date it is due by',
      'Term 1 needs to say how it will be checked at follow-up',
      'Term 1 needs to say whether it could be appealed to the tribunal',
    ]);
    expect(freezeReasons({ status: 'ready', caseKind: 'community', terms: [term], partySigners: 1, mediatorSigners: 1 })).toEqual([
      'Only a draft can be made ready to sign',
    ]);
  });
});

describe('a signature', () => {
  it('is accepted only on the current frozen version, once, on the text the signer read', () => {
    expect(signatureRefusal(sign, sign.versionHash)).toBeNull();
    expect(signatureRefusal({ ...sign, versionStatus: 'replaced', latestNumber: 3 }, sign.versionHash)).toBe(
      'This is version 1 of the agreement, which was changed after it was made ready to sign: version 3 replaces it and signatures on version 1 no longer count. Sign version 3 instead.',
    );
    expect(signatureRefusal({ ...sign, versionStatus: 'draft' }, undefined)).toContain('still a draft');
    expect(signatureRefusal({ ...sign, signerStatus: 'signed' }, sign.versionHash)).toContain('already signed');
    expect(signatureRefusal({ ...sign, versionStatus: 'signed' }, sign.versionHash)).toContain('already signed');
    expect(signatureRefusal(sign, 'b'.repeat(64))).toContain('changed after this page was opened');
  });

  it('typed: the signer’s own name, case and spaces aside', () => {
    expect(typedNameRefusal('  sam   EXAMPLE ', 'Sam Example')).toBeNull();
    expect(typedNameRefusal('', 'Sam Example')).toBe('Type your full name to sign');
    expect(typedNameRefusal('Alex', 'Sam Example')).toBe('Type your name exactly as it is on the agreement: Sam Example');
  });

  it('drawn: moves and lines inside the pad only', () => {
    expect(drawingRefusal('M 10 10 L 20.5 30 L 599 199')).toBeNull();
    expect(drawingRefusal('')).toContain('Draw your signature');
    expect(drawingRefusal('M 10 10 C 1 2 3 4 5 6')).toContain('could not be read');
    expect(drawingRefusal('M 10 10 L 700 10')).toContain('outside the box');
    expect(drawingRefusal('<script>')).toContain('could not be read');
    expect(drawingRefusal(`M 1 1 ${'L 2 2 '.repeat(5000)}`)).toContain('too long');
  });
});

describe('a signing link', () => {
  const now = new Date('2026-12-03T09:00:00Z');
  const open = { expiresAt: new Date(now.getTime() + 1000), usedAt: null, revokedAt: null, lockedAt: null };
  it('is open until it expires, is used, withdrawn or locked', () => {
    expect(linkState(open, now)).toBe('open');
    expect(linkState({ ...open, expiresAt: now }, now)).toBe('expired');
    expect(linkState({ ...open, usedAt: now }, now)).toBe('used');
    expect(linkState({ ...open, revokedAt: now, lockedAt: now }, now)).toBe('revoked');
    expect(linkState({ ...open, lockedAt: now }, now)).toBe('locked');
  });
  it('locks at the fifth wrong code', () => {
    let failed = 0;
    for (let i = 1; i < SIGNING_POLICY.maxWrongCodes; i++) {
      const a = afterCodeAttempt(failed, false);
      expect(a.locks).toBe(false);
      failed = a.failedCodes;
    }
    expect(afterCodeAttempt(failed, false)).toEqual({ failedCodes: 5, locks: true });
    expect(afterCodeAttempt(2, true)).toEqual({ failedCodes: 2, locks: false });
  });
  it('has a code that lasts 30 minutes', () => {
    expect(codeExpired(null, now)).toBe(true);
    expect(codeExpired(new Date(now.getTime() - 29 * 60_000), now)).toBe(false);
    expect(codeExpired(new Date(now.getTime() - 31 * 60_000), now)).toBe(true);
  });
});

describe('SEND default due dates (rules.md #18–19)', () => {
  it('gives 2 weeks for what cannot be appealed, and the reg 44 limit for what can', () => {
    expect(sendDefaultDueOn('2027-01-04', false)).toBe('2027-01-18');
    expect(sendDefaultDueOn('2027-01-04', true)).toBe('2027-02-08');
    expect(sendDefaultDueOn('2027-01-04', true, 'change_school')).toBe('2027-01-18');
    expect(sendDefaultDueOn('2027-01-04', true, 'continue_plan')).toBe('2027-01-04');
  });
});
