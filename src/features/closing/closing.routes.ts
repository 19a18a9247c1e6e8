// The staff pages for the end of a case: the case's follow-up schedule and check-ins (and entering one from a call),
// sending the check-in links now, entering feedback from paper or a call, the feedback figures, and testimonials.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { can } from '#src/access/permissions.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { caseHeader } from '#src/features/cases/case-pages.present.ts';
import { caseTypeNamer } from '#src/domain/case-words.ts';
import {
  CHECK_IN_ANSWER_LABELS,
  CHECK_IN_ANSWERS,
  type CheckInAnswer,
  OVERALL_QUESTION,
  SOURCE_LABELS,
  STAFF_SOURCES,
  TERM_ANSWER_LABELS,
} from './closing-words.ts';
import { ZStaffCheckIn } from './follow-up/check-in.schemas.ts';
import { answersFromForm, termFormErrors, termQuestions, termsInForm } from './follow-up/term-answers.ts';
import { ZFeedbackQuery, ZStaffFeedback } from './feedback/feedback.schemas.ts';
import { TESTIMONIAL_STATUSES, type TestimonialStatus } from './testimonials/testimonials.service.ts';
import { z } from 'zod';
import { doneOf, queryOf, queryText, uuidParam } from '#src/http/page-input.ts';

const t = translator('en');
type Body = Record<string, unknown>;
type State = { values: Body; fields: FieldErrors };
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const yesNo = (v: unknown) => (v === 'yes' ? true : v === 'no' ? false : undefined);
const opt = (v: unknown) => text(v) || undefined;
const DONE: Record<string, string> = {
  checkIn: msg('Check-in recorded.'),
  links: msg('Check-in links sent to the parties with an email address.'),
  feedback: msg('Feedback recorded.'),
  saved: msg('Wording saved. It needs an admin’s approval before it can be published.'),
  approved: msg('Testimonial approved.'),
  rejected: msg('Testimonial rejected.'),
  published: msg('Testimonial published on the service’s public page.'),
  unpublished: msg('Testimonial taken off the public page.'),
};

const testimonialId = (req: FastifyRequest) => uuidParam(req, 'testimonialId', msg('That testimonial was not found'));
/** The feedback page's filters as typed (each read as text; the form's schema then checks them). */
const ZFeedbackFilters = z.object({ caseType: queryText, from: queryText, to: queryText });
const ZTestimonialsQuery = z.object({ status: queryText, done: queryText });

const rating = (values: Body, name: string) => [1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: String(n), checked: values[name] === String(n) }));
const yesNo2 = (values: Body, name: string) => [
  { value: 'yes', text: t('Yes'), checked: values[name] === 'yes' },
  { value: 'no', text: t('No'), checked: values[name] === 'no' },
];

const zodToFields = (issues: { path: PropertyKey[]; message: string }[]) => {
  const fields: FieldErrors = {};
  // i18n-dynamic: the schemas' messages are msg() literals
  for (const i of issues) fields[String(i.path.at(-1))] ??= t(i.message);
  return fields;
};

export function registerClosingPages(app: FastifyInstance, deps: Pick<Deps, 'cases' | 'clock' | 'closing' | 'db'>) {
  const pages = createCasePagesService(deps);
  const { followUp, feedback, testimonials } = deps.closing;

  async function followUpPage(req: FastifyRequest, reply: FastifyReply, state?: State & { form: 'checkIn' | 'feedback' }) {
    const caseId = caseIdParam(req);
    const view = await pages.casePage(req.actor!, caseId);
    const header = caseHeader(req.t, view, 'follow_up');
    const data = await followUp.ofCase(req.actor!, caseId);
    const values = state?.values ?? {};
    const fields = state?.fields ?? {};
    const partyItems = (selected: unknown) => [
      { value: '', text: t('Choose a person') },
      ...data.parties.map((p) => ({ value: p.id, text: p.name, selected: p.id === selected })),
    ];
    const sourceItems = (selected: unknown) => STAFF_SOURCES.map((s) => ({ value: s, text: t(SOURCE_LABELS[s]), checked: s === selected }));
    const done = doneOf(req);
    const feedbackForm = state?.form === 'feedback' || (req.routeOptions.url ?? '').endsWith('/feedback/new');
    return reply.page(feedbackForm ? 'closing/views/case-feedback-new.njk' : 'closing/views/case-follow-up.njk', {
      pageTitle: `${header.reference} – ${feedbackForm ? t('Enter feedback') : t('Follow-up and feedback')}`,
      header,
      // i18n-dynamic: the msg() literals of DONE above
      done: done && DONE[done] ? t(DONE[done] as string) : undefined,
      points: data.points.map((p) => ({
        id: p.id,
        weeks: p.weeks,
        dueOn: p.dueOn,
        linksSent: p.linksSentAt !== null,
        checkIns: data.checkIns
          .filter((c) => c.pointId === p.id)
          .map((c) => ({
            who: c.partyName ?? t('Someone no longer on the case'),
            source: t(SOURCE_LABELS[c.source as keyof typeof SOURCE_LABELS] ?? c.source),
            answers: c.answers.map((a) => ({
              // i18n-dynamic: OVERALL_QUESTION is a msg() literal (closing-words.ts)
              question: a.termId ? (a.term ?? t('A term of an earlier version of the agreement')) : t(OVERALL_QUESTION),
              // i18n-dynamic: the answer labels are msg() literals (closing-words.ts)
              answer: t((a.termId ? TERM_ANSWER_LABELS : CHECK_IN_ANSWER_LABELS)[a.answer as CheckInAnswer] ?? a.answer),
              note: a.note,
            })),
            askedForMeeting: c.requestId !== null,
          })),
      })),
      isFollowUp: data.case.status === 'follow_up',
      // i18n-dynamic: OVERALL_QUESTION is a msg() literal (closing-words.ts)
      question: t(OVERALL_QUESTION),
      pointItems: [
        { value: '', text: t('Choose a follow-up point') },
        ...data.points.map((p) => ({
          value: p.id,
          text: t('{weeks} weeks (due {date})', { weeks: p.weeks, date: p.dueOn }),
          selected: p.id === values.pointId,
        })),
      ],
      partyItems: partyItems(values.partyId),
      sourceItems: sourceItems(values.source),
      answerItems: CHECK_IN_ANSWERS.map((a) => ({ value: a, text: t(CHECK_IN_ANSWER_LABELS[a]), checked: values.answer === a })),
      termQuestions: termQuestions(data.terms, values, fields, t),
      satisfactionItems: rating(values, 'satisfaction'),
      copeBeforeItems: rating(values, 'copeBefore'),
      copeAfterItems: rating(values, 'copeAfter'),
      feltHeardItems: yesNo2(values, 'feltHeard'),
      wouldRecommendItems: yesNo2(values, 'wouldRecommend'),
      askCope: data.case.caseKind === 'restorative_justice',
      form: state?.form,
      values,
      fields,
      errors: Object.keys(fields).length
        ? errorList(fields, [
            'pointId',
            'partyId',
            'source',
            'answer',
            'note',
            'satisfaction',
            'feltHeard',
            'wouldRecommend',
            'copeBefore',
            'copeAfter',
            'whatHelped',
            '_',
          ])
        : undefined,
    });
  }

  app.get('/cases/:id/follow-up', (req, reply) => followUpPage(req, reply));

  app.post('/cases/:id/follow-up/check-ins', async (req, reply) => {
    const caseId = caseIdParam(req);
    const b = (req.body ?? {}) as Body;
    const answers = answersFromForm(b, termsInForm(b));
    const parsed = ZStaffCheckIn.safeParse({
      pointId: opt(b.pointId),
      partyId: opt(b.partyId),
      source: opt(b.source),
      answers,
      wantsMeeting: b.wantsMeeting === 'yes',
    });
    if (!parsed.success) return followUpPage(req, reply.status(422), { form: 'checkIn', values: b, fields: termFormErrors(parsed.error.issues, answers, t) });
    try {
      await followUp.recordCheckIn(req.actor!, caseId, parsed.data);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return followUpPage(req, reply.status(422), { form: 'checkIn', values: b, fields });
    }
    return reply.redirect(`/cases/${caseId}/follow-up?done=checkIn`, 303);
  });

  app.post('/cases/:id/follow-up/send-links', async (req, reply) => {
    const caseId = caseIdParam(req);
    await followUp.sendLinksNow(req.actor!, caseId);
    return reply.redirect(`/cases/${caseId}/follow-up?done=links`, 303);
  });

  app.get('/cases/:id/feedback/new', (req, reply) => followUpPage(req, reply));

  app.post('/cases/:id/feedback/new', async (req, reply) => {
    const caseId = caseIdParam(req);
    const b = (req.body ?? {}) as Body;
    const parsed = ZStaffFeedback.safeParse({
      partyId: opt(b.partyId),
      source: opt(b.source),
      satisfaction: opt(b.satisfaction),
      feltHeard: yesNo(b.feltHeard),
      wouldRecommend: yesNo(b.wouldRecommend),
      whatHelped: text(b.whatHelped),
      copeBefore: opt(b.copeBefore),
      copeAfter: opt(b.copeAfter),
      mayQuote: b.mayQuote === 'yes',
    });
    if (!parsed.success) return followUpPage(req, reply.status(422), { form: 'feedback', values: b, fields: zodToFields(parsed.error.issues) });
    try {
      await feedback.record(req.actor!, caseId, parsed.data);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return followUpPage(req, reply.status(422), { form: 'feedback', values: b, fields });
    }
    return reply.redirect(`/cases/${caseId}/follow-up?done=feedback`, 303);
  });

  app.get('/feedback', { config: { permission: 'feedback.view' } }, async (req, reply) => {
    const raw = queryOf(req, ZFeedbackFilters);
    const values = { caseType: text(raw.caseType), from: text(raw.from), to: text(raw.to) };
    const parsed = ZFeedbackQuery.safeParse({ caseType: opt(values.caseType), from: opt(values.from), to: opt(values.to) });
    let fields: FieldErrors = parsed.success ? {} : zodToFields(parsed.error.issues);
    let figures: Awaited<ReturnType<typeof feedback.aggregate>> | undefined;
    if (parsed.success)
      try {
        figures = await feedback.aggregate(req.actor!, parsed.data);
      } catch (err) {
        const f = fieldErrorsOf(err);
        if (!f) throw err;
        fields = f;
      }
    const shown = (n: number | null, suffix = '') => (n === null ? t('Too few to show') : `${n}${suffix}`);
    const choices = figures?.choices ?? (await feedback.caseTypeChoices(req.actor!));
    const typeName = caseTypeNamer(t, choices);
    return reply.status(Object.keys(fields).length ? 422 : 200).page('closing/views/feedback.njk', {
      pageTitle: t('Feedback'),
      caseTypeItems: [
        { value: '', text: t('All case types') },
        ...choices.map((c) => ({ value: c.code, text: typeName(c.code), selected: values.caseType === c.code })),
      ],
      values,
      fields,
      errors: Object.keys(fields).length ? errorList(fields, ['caseType', 'from', 'to']) : undefined,
      figures: figures && {
        responses: figures.responses,
        meanSatisfaction: shown(figures.meanSatisfaction),
        feltHeard: shown(figures.feltHeardPercent, '%'),
        wouldRecommend: shown(figures.wouldRecommendPercent, '%'),
        rows: figures.byCaseType.map((r) => ({
          caseType: typeName(r.caseType),
          responses: r.responses,
          meanSatisfaction: shown(r.meanSatisfaction),
          feltHeard: shown(r.feltHeardPercent, '%'),
          wouldRecommend: shown(r.wouldRecommendPercent, '%'),
          cope:
            r.meanCopeBefore !== null && r.meanCopeAfter !== null
              ? t('{before} before, {after} after', { before: r.meanCopeBefore, after: r.meanCopeAfter })
              : '',
        })),
      },
      canSeeTestimonials: can(req.actor!.role, 'feedback.view'),
    });
  });

  async function testimonialsPage(req: FastifyRequest, reply: FastifyReply, state?: State & { id: string }) {
    const q = queryOf(req, ZTestimonialsQuery);
    const status = TESTIMONIAL_STATUSES.find((s) => s === q.status) as TestimonialStatus | undefined;
    const { rows, types } = await testimonials.listWithTypes(req.actor!, status);
    const typeName = caseTypeNamer(t, types);
    return reply.page('closing/views/testimonials.njk', {
      pageTitle: t('Testimonials'),
      // i18n-dynamic: the msg() literals of DONE above
      done: q.done && DONE[q.done] ? t(DONE[q.done] as string) : undefined,
      canApprove: can(req.actor!.role, 'testimonials.approve'),
      testimonials: rows.map((r) => ({
        id: r.id,
        caseType: typeName(r.caseType),
        original: r.originalText,
        text: state?.id === r.id ? text(state.values.text) : r.text,
        error: state?.id === r.id ? state.fields.text : undefined,
        status: r.status,
        statusText:
          r.status === 'approved'
            ? r.published
              ? t('Approved and published')
              : t('Approved')
            : r.status === 'rejected'
              ? t('Rejected')
              : t('Waiting for approval'),
        published: r.published,
      })),
      errors: state ? errorList(state.fields, ['text']).map((e) => ({ ...e, href: `#text-${state.id}` })) : undefined,
    });
  }

  app.get('/testimonials', { config: { permission: 'feedback.view' } }, (req, reply) => testimonialsPage(req, reply));

  app.post('/testimonials/:testimonialId', { config: { permission: 'feedback.view' } }, async (req, reply) => {
    const id = testimonialId(req);
    const b = (req.body ?? {}) as Body;
    const wording = text(b.text);
    if (!wording || wording.length > 1000)
      return testimonialsPage(req, reply.status(422), {
        id,
        values: b,
        fields: { text: wording ? t('The wording must be 1000 characters or fewer') : t('Write the wording to show, or reject the testimonial') },
      });
    await testimonials.edit(req.actor!, id, { text: wording });
    return reply.redirect('/testimonials?done=saved', 303);
  });

  app.post('/testimonials/:testimonialId/decision', { config: { permission: 'testimonials.approve' } }, async (req, reply) => {
    const id = testimonialId(req);
    const b = (req.body ?? {}) as Body;
    const decision = text(b.decision);
    if (decision === 'publish' || decision === 'unpublish') {
      await testimonials.setPublished(req.actor!, id, decision === 'publish');
      return reply.redirect(`/testimonials?done=${decision}ed`, 303);
    }
    if (decision !== 'approve' && decision !== 'reject' && decision !== 'approve_publish')
      throw new AppError('UNPROCESSABLE', t('Choose approve or reject'), { reason: 'VALIDATION_FAILED', fields: { decision: t('Choose approve or reject') } });
    const result = await testimonials.decide(req.actor!, id, {
      decision: decision === 'reject' ? 'reject' : 'approve',
      publish: decision === 'approve_publish',
    });
    return reply.redirect(`/testimonials?done=${result.published ? 'published' : result.status}`, 303);
  });
}
