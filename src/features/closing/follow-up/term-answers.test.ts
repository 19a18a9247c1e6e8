import { describe, expect, it } from 'vitest';
import { translator } from '#src/i18n/i18n.ts';
import { answersFromForm, orderedAnswers, refuseUnknownTerms, termFormErrors, termsInForm } from './term-answers.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const terms = [
  { id: A, text: 'Sam keeps music down after 10pm' },
  { id: B, text: 'Alex parks on the street side' },
];

describe('per-term check-in answers', () => {
  it('reads the overall answer and each term answered or commented on, skipping the rest', () => {
    expect(answersFromForm({ answer: 'partly', note: '', [`term_${A}`]: 'kept', [`termNote_${B}`]: ' not yet ' }, terms)).toEqual([
      { termId: null, answer: 'partly', note: '' },
      { termId: A, answer: 'kept', note: '' },
      { termId: B, answer: undefined, note: 'not yet' },
    ]);
    expect(termsInForm({ answer: 'kept', [`termNote_${B}`]: 'x', [`term_${A}`]: 'kept', term_bad: 'kept' }).map((t) => t.id)).toEqual([B, A]);
  });

  it('names a term’s own field when its answer is missing', () => {
    const answers = [
      { termId: null, answer: 'kept' },
      { termId: B, answer: undefined },
    ];
    const fields = termFormErrors([{ path: ['answers', 1, 'answer'], message: 'Say whether the agreement is being kept' }], answers, translator('en'));
    expect(fields).toEqual({ [`term_${B}`]: 'Say whether this term is being kept, or clear its comment' });
  });

  it('accepts only the signed terms, once each', () => {
    expect(() => refuseUnknownTerms([{ answer: 'kept' }, { termId: A, answer: 'kept' }], terms)).not.toThrow();
    expect(() => refuseUnknownTerms([{ termId: '33333333-3333-4333-8333-333333333333', answer: 'kept' }], terms)).toThrow(/signed agreement/);
    expect(() =>
      refuseUnknownTerms(
        [
          { termId: A, answer: 'kept' },
          { termId: A, answer: 'partly' },
        ],
        terms,
      ),
    ).toThrow(/once each/);
  });

  it('puts the overall answer first, then the terms in the agreement’s order', () => {
    const out = orderedAnswers(
      [
        { termId: B, answer: 'kept' },
        { termId: 'old', answer: 'kept' },
        { termId: null, answer: 'partly' },
        { termId: A, answer: 'kept' },
      ],
      terms,
    );
    expect(out.map((a) => a.termId)).toEqual([null, A, B, 'old']);
  });
});
