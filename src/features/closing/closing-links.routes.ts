// The parties' personal link pages, public (the token in the address is the credential): the follow-up check-in and
// the feedback survey at closing. They work without JavaScript, refuse bad input with the reason and keep what was
// typed, and are rate-limited by address (a wrong or guessed token gets the same limit).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { translator } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { LINK_REFUSAL_TEXT } from './party-links.ts';
import { anonymous, formValues, serviceChrome, withErrors } from '#src/http/public-page.ts';
import { CHECK_IN_ANSWER_LABELS, CHECK_IN_ANSWERS, OVERALL_QUESTION } from './closing-words.ts';
import { ZPartyCheckIn } from './follow-up/check-in.schemas.ts';
import { answersFromForm, termFormErrors, termQuestions } from './follow-up/term-answers.ts';
import { ZFeedback } from './feedback/feedback.schemas.ts';

type Params = { Params: { service: string; token: string } };
const t = translator('en');

/** Opening or answering a link: 20 a minute from one address, so tokens cannot be guessed by trying. */
export const LINK_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };

const CHECK_IN_FIELDS = ['answer', 'note', 'wantsMeeting'];
const FEEDBACK_FIELDS = ['satisfaction', 'feltHeard', 'wouldRecommend', 'copeBefore', 'copeAfter', 'whatHelped', 'mayQuote'];

const yesNo = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : undefined);
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const number = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function ratingItems(values: Record<string, unknown>, name: string) {
  return [1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: String(n), checked: values[name] === String(n) }));
}
const yesNoItems = (values: Record<string, unknown>, name: string) => [
  { value: 'yes', text: t('Yes'), checked: values[name] === 'yes' },
  { value: 'no', text: t('No'), checked: values[name] === 'no' },
];

/** A link opens only under its own service's address. */
function sameService(req: FastifyRequest<Params>, slug: string) {
  if (req.params.service !== slug) throw new AppError('NOT_FOUND', LINK_REFUSAL_TEXT.NOT_FOUND, { reason: 'LINK_NOT_FOUND' });
}

export function registerClosingLinkPages(app: FastifyInstance, deps: Pick<Deps, 'closing'>) {
  const { followUp, feedback } = deps.closing;

  async function checkInPage(
    req: FastifyRequest<Params>,
    reply: FastifyReply,
    state: { values: Record<string, unknown>; fields: FieldErrors } = { values: {}, fields: {} },
  ) {
    const view = await followUp.linkQuestions(req.params.token, anonymous(req));
    sameService(req, view.service.slug);
    const { values, fields, errors } = withErrors(formValues(state.values), state.fields, CHECK_IN_FIELDS);
    return reply.page('closing/views/check-in-link.njk', {
      ...serviceChrome(view.service),
      pageTitle: t('How is the agreement going?'),
      action: `/s/${view.service.slug}/check-in/${req.params.token}`,
      // i18n-dynamic: OVERALL_QUESTION is a msg() literal (closing-words.ts)
      question: t(OVERALL_QUESTION),
      answerItems: CHECK_IN_ANSWERS.map((a) => ({ value: a, text: t(CHECK_IN_ANSWER_LABELS[a]), checked: values.answer === a })),
      termQuestions: termQuestions(view.terms, values, fields, t),
      values,
      fields,
      errors,
    });
  }

  app.get<Params>('/s/:service/check-in/:token', { config: LINK_LIMIT }, (req, reply) => checkInPage(req, reply));

  app.post<Params>('/s/:service/check-in/:token', { config: LINK_LIMIT }, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const view = await followUp.linkQuestions(req.params.token, anonymous(req));
    sameService(req, view.service.slug);
    const answers = answersFromForm(b, view.terms);
    const parsed = ZPartyCheckIn.safeParse({ answers, wantsMeeting: b.wantsMeeting === 'yes' });
    if (!parsed.success) return checkInPage(req, reply.status(422), { values: b, fields: termFormErrors(parsed.error.issues, answers, t) });
    const saved = await followUp.answerByLink(req.params.token, anonymous(req), parsed.data);
    return reply.page('closing/views/link-thanks.njk', {
      ...serviceChrome(saved.service),
      pageTitle: t('Thank you'),
      heading: t('Thank you: we have your answers'),
      next: saved.requestId
        ? t('You asked for another joint meeting. The service will contact you to arrange it.')
        : t('The mediators will read your answers. If something has changed, you can contact the service at any time.'),
    });
  });

  async function feedbackPage(
    req: FastifyRequest<Params>,
    reply: FastifyReply,
    state: { values: Record<string, unknown>; fields: FieldErrors } = { values: {}, fields: {} },
  ) {
    const view = await feedback.linkSurvey(req.params.token, anonymous(req));
    sameService(req, view.service.slug);
    const { values, fields, errors } = withErrors(formValues(state.values), state.fields, FEEDBACK_FIELDS);
    return reply.page('closing/views/feedback-link.njk', {
      ...serviceChrome(view.service),
      pageTitle: t('Tell us how it went'),
      action: `/s/${view.service.slug}/feedback/${req.params.token}`,
      askCope: view.askCope,
      satisfactionItems: ratingItems(values, 'satisfaction'),
      copeBeforeItems: ratingItems(values, 'copeBefore'),
      copeAfterItems: ratingItems(values, 'copeAfter'),
      feltHeardItems: yesNoItems(values, 'feltHeard'),
      wouldRecommendItems: yesNoItems(values, 'wouldRecommend'),
      values,
      fields,
      errors,
    });
  }

  app.get<Params>('/s/:service/feedback/:token', { config: LINK_LIMIT }, (req, reply) => feedbackPage(req, reply));

  app.post<Params>('/s/:service/feedback/:token', { config: LINK_LIMIT }, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const view = await feedback.linkSurvey(req.params.token, anonymous(req));
    sameService(req, view.service.slug);
    const parsed = ZFeedback.safeParse({
      satisfaction: number(b.satisfaction),
      feltHeard: yesNo(b.feltHeard),
      wouldRecommend: yesNo(b.wouldRecommend),
      whatHelped: text(b.whatHelped),
      copeBefore: view.askCope ? number(b.copeBefore) : undefined,
      copeAfter: view.askCope ? number(b.copeAfter) : undefined,
      mayQuote: b.mayQuote === 'yes',
    });
    const fields: FieldErrors = {};
    // i18n-dynamic: the schemas' messages are msg() literals
    if (!parsed.success) for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= t(issue.message);
    if (view.askCope && parsed.success && (parsed.data.copeBefore === undefined) !== (parsed.data.copeAfter === undefined))
      fields[parsed.data.copeBefore === undefined ? 'copeBefore' : 'copeAfter'] = t('Answer both questions about coping, or neither');
    if (!parsed.success || Object.keys(fields).length) return feedbackPage(req, reply.status(422), { values: b, fields });
    const saved = await feedback.answerByLink(req.params.token, anonymous(req), parsed.data);
    return reply.page('closing/views/link-thanks.njk', {
      ...serviceChrome(saved.service),
      pageTitle: t('Thank you'),
      heading: t('Thank you for your feedback'),
      next: parsed.data.mayQuote
        ? t('You said we may quote you. We will remove anything that could identify you before anyone else sees it.')
        : t('Your answers help us improve the service and show others what mediation can do.'),
    });
  });
}
