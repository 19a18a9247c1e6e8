import { describe, expect, it } from 'vitest';
import { type LetterReview, letterStatus, passRefusal, recipientCopy, REMOVED, reviewRefusal, vetterRefusal } from './letter-rules.ts';

const letter = (version = 1, passedAt: Date | null = null) => ({ version, passedAt });
const r = (reviewerId: string, decision: string, version = 1): LetterReview => ({ version, reviewerId, decision });

describe('vetting a letter', () => {
  it('is approved only when two different facilitators approve the same version', () => {
    expect(letterStatus(letter(), [])).toBe('awaiting_vetting');
    expect(letterStatus(letter(), [r('a', 'approve')])).toBe('awaiting_vetting');
    expect(letterStatus(letter(), [r('a', 'approve'), r('a', 'approve')])).toBe('awaiting_vetting');
    expect(letterStatus(letter(), [r('a', 'approve'), r('b', 'approve')])).toBe('approved');
    // Approvals of an earlier version do not count for the revised one.
    expect(letterStatus(letter(2), [r('a', 'approve', 1), r('b', 'approve', 1)])).toBe('awaiting_vetting');
    expect(letterStatus(letter(2), [r('a', 'approve', 1), r('b', 'approve', 2), r('a', 'approve', 2)])).toBe('approved');
  });

  it('waits for a revision when changes are asked, and a withheld letter stays withheld', () => {
    expect(letterStatus(letter(), [r('a', 'approve'), r('b', 'changes')])).toBe('changes_asked');
    expect(letterStatus(letter(2), [r('b', 'changes', 1)])).toBe('awaiting_vetting');
    expect(letterStatus(letter(2), [r('b', 'withhold', 1)])).toBe('withheld');
    expect(letterStatus(letter(1, new Date()), [r('a', 'approve'), r('b', 'approve')])).toBe('passed');
  });

  it('lets only the two facilitators assigned to the case vet, and only once it has two', () => {
    const pair = [{ userId: 'vera' }, { userId: 'leo' }];
    expect(vetterRefusal(pair, 'vera')).toBeUndefined();
    expect(vetterRefusal(pair, 'leo')).toBeUndefined();
    expect(vetterRefusal(pair, 'cora')).toBe('Only the two facilitators assigned to this case vet its letters');
    expect(vetterRefusal(pair, null)).toBe('Only the two facilitators assigned to this case vet its letters');
    // A facilitator without a sign-in cannot vet, and nobody matches a missing sign-in.
    expect(vetterRefusal([{ userId: null }, { userId: 'leo' }], null)).toMatch(/Only the two facilitators/);
    expect(vetterRefusal([{ userId: 'vera' }], 'vera')).toBe('Two facilitators must be assigned to this case before its letters are vetted');
    expect(vetterRefusal([], 'vera')).toMatch(/Two facilitators must be assigned/);
  });

  it('refuses a second approval by the same person, and vetting after a decision', () => {
    expect(reviewRefusal('awaiting_vetting', [r('a', 'approve')], 1, 'a')).toMatch(/already approved/);
    expect(reviewRefusal('awaiting_vetting', [r('a', 'approve')], 1, 'b')).toBeUndefined();
    expect(reviewRefusal('withheld', [], 1, 'b')).toBe('This letter has been withheld');
    expect(reviewRefusal('changes_asked', [], 1, 'b')).toMatch(/revised/);
  });

  it('is passed on only once approved, and only once', () => {
    expect(passRefusal('approved')).toBeUndefined();
    for (const s of ['awaiting_vetting', 'changes_asked', 'withheld'] as const) expect(passRefusal(s)).toMatch(/both facilitators/);
    expect(passRefusal('passed')).toMatch(/already/);
  });
});

describe('the recipient’s copy', () => {
  it('removes what the facilitators redacted, wherever it appears and whatever its case', () => {
    expect(recipientCopy('I still think about Tom at the Red Lion. The Red Lion was my local.', ['red lion'])).toBe(
      `I still think about Tom at the ${REMOVED}. The ${REMOVED} was my local.`,
    );
  });

  it('never shows an address, postcode, email or phone number, nor the sender’s own details', () => {
    const body = 'Write to me at 14 Example Road, Testville TE1 2ST or vera@example.org, or ring 07700 900123. I live on Quill Row.';
    const copy = recipientCopy(body, [], ['Quill Row', null, '']);
    expect(copy).not.toMatch(/14 Example Road|TE1 2ST|vera@example\.org|07700 900123|Quill Row/);
    expect(copy).toBe(`Write to me at ${REMOVED}, Testville ${REMOVED} or ${REMOVED}, or ring ${REMOVED}. I live on ${REMOVED}.`);
  });

  it('leaves an ordinary letter as it was written', () => {
    const body = 'I am sorry for what I did on 3 May. I have thought about it every day for 2 years.';
    expect(recipientCopy(body, [])).toBe(body);
  });
});
