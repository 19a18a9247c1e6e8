import { describe, expect, it } from 'vitest';
import { firstUnanswered, nextAfter, pageAnswers, pageProblems, previousOf, proPages, readProDraft } from './professional-referral.journey.ts';

const send = { code: 'send', kind: 'send' as const };
const pages = proPages('send');
const page = (slug: string) => pages.find((p) => p.slug === slug)!;
const TODAY = '2026-03-10';

describe('the professional referral, page by page', () => {
  it('asks the same pages for every kind of case, only the case type’s questions differ', () => {
    expect(pages.map((p) => p.slug)).toEqual(['about-you', 'agreement', 'person', 'others', 'situation', 'details', 'risks']);
    expect(proPages('community').map((p) => p.slug)).toEqual(pages.map((p) => p.slug));
    expect(page('details').fields).toContain('decisionType');
    expect(proPages('restorative_justice').find((p) => p.slug === 'details')!.fields).toContain('establishment');
  });

  it('refuses only the problems on the page being answered', () => {
    const problems = pageProblems(page('about-you'), send, { referrerOrganisation: 'A school (fictional)', referrerEmail: 'not-an-email' }, TODAY);
    expect(Object.keys(problems).sort()).toEqual(['referrerEmail', 'referrerName', 'referrerRole']);
    expect(pageProblems(page('others'), send, { person3Phone: '01632 960 444' }, TODAY)).toMatchObject({
      person3Name: 'Enter the name of person 3, or clear their details',
      person3Role: 'Select the role of person 3',
    });
    expect(pageProblems(page('agreement'), send, { personAgreed: 'yes' }, TODAY)).toEqual({});
  });

  it('takes only the page’s own fields from a form, an unticked checkbox as nothing', () => {
    expect(pageAnswers(page('risks'), { risks: 'mental_health', description: 'not this page', safetyDetails: 'x' })).toEqual({
      risks: ['mental_health'],
      safetyDetails: 'x',
      bestTimes: '',
    });
    expect(pageAnswers(page('agreement'), {})).toEqual({ personAgreed: '', lineManagerAware: '' });
  });

  it('goes on in order, back to check your answers when changing one, and starts again for another case type', () => {
    const draft = { caseType: 'send', answers: {}, done: ['about-you', 'agreement'] };
    expect(firstUnanswered(pages, draft)).toBe('person');
    expect(nextAfter(pages, 'agreement', draft, false)).toBe('person');
    expect(nextAfter(pages, 'risks', draft, false)).toBe('check');
    expect(nextAfter(pages, 'about-you', { ...draft, done: pages.map((p) => p.slug) }, true)).toBe('check');
    expect(nextAfter(pages, 'about-you', draft, true)).toBe('person');
    expect(previousOf(pages, 'about-you')).toBeUndefined();
    expect(previousOf(pages, 'check')).toBe('risks');
    expect(readProDraft(draft, 'send')).toEqual(draft);
    expect(readProDraft(draft, 'community')).toEqual({ caseType: 'community', answers: {}, done: [] });
    expect(readProDraft({ nonsense: true }, 'send')).toEqual({ caseType: 'send', answers: {}, done: [] });
  });
});
