// The case's Restorative justice tab: the contact gates (what may happen and, when not, whose assessment is missing or
// says no), the offence category and a senior's decision, suitability, risk assessments and sign-off, custody and the
// prison-visit checklist, and letters with their vetting; and the recipient's copy of a letter, to print.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { msg } from '#src/i18n/i18n.ts';
import { attempt, parseForm } from '#src/http/forms.ts';
import { asBody, dateOf, type FormBody, linesOf, optionalText, textOf } from '#src/http/page-form.ts';
import { doneOf, uuidParam } from '#src/http/page-input.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { caseHeader } from '#src/features/cases/case-pages.present.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { type FormState, rjModel } from './rj.present.ts';
import { RISK_AREAS, ZAssessment, ZChecklistStep, ZCustody, ZOffence, ZSeniorDecision, ZSuitability, ZVictimsCode, ZCourt } from './rj.schemas.ts';
import { ZLetter, ZReview, ZRevision } from './letters/letters.schemas.ts';

const DONE: Record<string, string> = {
  offence: msg('Offence recorded.'),
  victims: msg('Victims’ Code details recorded.'),
  court: msg('Court details recorded.'),
  senior: msg('Senior decision recorded.'),
  suitability: msg('Suitability recorded.'),
  assessment: msg('Risk assessment recorded. It counts once a supervisor signs it off.'),
  signedOff: msg('Risk assessment signed off.'),
  custody: msg('Custody details recorded.'),
  checklist: msg('Prison visit checklist updated.'),
  letter: msg('Letter recorded. Both facilitators need to vet it before it is passed on.'),
  review: msg('Your vetting is recorded.'),
  revised: msg('Letter revised. It is vetted again from the start.'),
  passed: msg('Letter passed on.'),
};

const yes = (v: string) => (v === 'yes' ? true : v === 'no' ? false : undefined);
const letterIdParam = (req: FastifyRequest) => uuidParam(req, 'letterId', msg('That letter was not found'));
const partyIdParam = (req: FastifyRequest) => caseIdParam(req, 'partyId');

/** Each form's body read into its schema's shape (dates from GOV.UK date inputs, yes/no radios to booleans). */
const READ: Record<string, (b: FormBody) => { input: unknown; dateError?: string; dateErrors?: FieldErrors }> = {
  offence: (b) => ({ input: { category: optionalText(b, 'category') } }),
  court: (b) => {
    const deferred = dateOf(b, 'sentenceDeferredTo', msg('Date sentence is deferred to'), { required: true });
    const sent = dateOf(b, 'courtReportSentOn', msg('Date the report was sent'));
    const dateErrors: FieldErrors = {};
    if (deferred.error) dateErrors.sentenceDeferredTo = deferred.error;
    if (sent.error) dateErrors.courtReportSentOn = sent.error;
    return { input: { court: textOf(b, 'court'), sentenceDeferredTo: deferred.value ?? '', courtReportSentOn: sent.value }, dateErrors };
  },
  victims: (b) => {
    const first = yes(textOf(b, 'firstContact'));
    const contact = dateOf(b, 'firstContactOn', msg('Date of the first contact'), { required: first === true });
    const given = dateOf(b, 'informationGivenOn', msg('Date the information was given'));
    const dateErrors: FieldErrors = {};
    if (first && contact.error) dateErrors.firstContactOn = contact.error;
    if (first && given.error) dateErrors.informationGivenOn = given.error;
    return {
      input: {
        firstContact: first,
        firstContactOn: first ? contact.value : undefined,
        enhancedRights: first ? textOf(b, 'enhancedRights') === 'yes' : false,
        informationGivenOn: first ? given.value : undefined,
      },
      dateErrors,
    };
  },
  senior: (b) => ({ input: { decision: optionalText(b, 'decision'), note: textOf(b, 'note') } }),
  suitability: (b) => {
    const d = dateOf(b, 'assessedOn', msg('Date assessed'), { required: true });
    return {
      input: {
        partyId: optionalText(b, 'partyId'),
        acknowledgesFacts: yes(textOf(b, 'acknowledgesFacts')),
        acceptsResponsibility: yes(textOf(b, 'acceptsResponsibility')),
        willing: yes(textOf(b, 'willing')),
        assessedOn: d.value ?? '',
        notes: optionalText(b, 'notes'),
      },
      dateError: d.error,
    };
  },
  assessment: (b) => {
    const d = dateOf(b, 'assessedOn', msg('Date assessed'), { required: true });
    return {
      input: {
        partyId: optionalText(b, 'partyId'),
        areas: Object.fromEntries(RISK_AREAS.map((a) => [a, optionalText(b, a)])),
        rating: optionalText(b, 'rating'),
        decision: optionalText(b, 'decision'),
        assessedOn: d.value ?? '',
      },
      dateError: d.error,
    };
  },
  custody: (b) => ({
    input: {
      establishment: textOf(b, 'establishment'),
      prisonNumber: textOf(b, 'prisonNumber'),
      offenderManagerName: textOf(b, 'offenderManagerName'),
      offenderManagerContact: textOf(b, 'offenderManagerContact'),
    },
  }),
  checklist: (b) => ({ input: { step: textOf(b, 'step'), done: textOf(b, 'done') === 'yes' } }),
  letter: (b) => ({
    input: {
      fromPartyId: optionalText(b, 'fromPartyId'),
      toPartyId: optionalText(b, 'toPartyId'),
      form: optionalText(b, 'form') ?? 'letter',
      body: textOf(b, 'body'),
    },
  }),
  review: (b) => ({ input: { decision: optionalText(b, 'decision'), note: optionalText(b, 'note'), redactions: linesOf(b, 'redactions') } }),
  revise: (b) => ({ input: { body: textOf(b, 'body') } }),
};

/** Field names of nested inputs as the form names them (areas.feelings → feelings). */
const flat = (fields: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^areas\./, '').replace(/^redactions\.\d+$/, 'redactions'), v]));

/** The id prefix of each form's fields on the page (several people's and letters' forms are on one page). */
export const prefixOf = (s: Pick<FormState, 'form' | 'partyId' | 'letterId'>) =>
  s.form === 'custody' || s.form === 'checklist'
    ? `custody-${s.partyId}-`
    : s.form === 'review' || s.form === 'revise' || s.form === 'pass'
      ? `${s.form}-${s.letterId}-`
      : ['letter', 'suitability', 'assessment', 'senior', 'offence', 'victims', 'court'].includes(s.form)
        ? `${s.form}-`
        : '';

const errorsOf = (s: FormState) => Object.entries(s.fields).map(([k, text]) => ({ text, href: `#${prefixOf(s)}${k === '_' ? 'form' : k}` }));

export function registerRjPages(app: FastifyInstance, deps: Pick<Deps, 'cases' | 'clock' | 'rj' | 'db'>) {
  const pages = createCasePagesService(deps);
  const { rj } = deps;

  async function rjPage(req: FastifyRequest, reply: FastifyReply, state?: FormState) {
    const caseId = caseIdParam(req);
    const view = await pages.casePage(req.actor!, caseId);
    const header = caseHeader(req.t, view, 'rj');
    const overview = await rj.overview(req.actor!, caseId);
    const letters = await rj.letters.list(req.actor!, caseId);
    const done = doneOf(req);
    return reply.page('rj/views/case-rj.njk', {
      pageTitle: `${header.reference} – ${req.t('Restorative justice')}`,
      header,
      // i18n-dynamic: the msg() literals of DONE above
      done: done && DONE[done] ? req.t(DONE[done] as string) : undefined,
      canDecide: ['admin', 'supervisor'].includes(req.actor!.role),
      state,
      errors: state ? errorsOf(state) : undefined,
      ...rjModel(req.t, overview, letters, state),
    });
  }

  app.get('/cases/:id/rj', (req, reply) => rjPage(req, reply));

  /** A form post: read, check, call the service; on a refusal the page again with what was typed and each problem. */
  function form<S extends z.ZodType>(path: string, name: string, schema: S, run: (req: FastifyRequest, data: z.infer<S>) => Promise<unknown>, anchor: string) {
    app.post(path, async (req, reply) => {
      const caseId = caseIdParam(req);
      const partyId = path.includes(':partyId') ? partyIdParam(req) : undefined;
      const letterId = path.includes(':letterId') ? letterIdParam(req) : undefined;
      const body = asBody(req.body);
      const { input, dateError, dateErrors = {} } = READ[name]!(body);
      const parsed = parseForm(schema, input, req.locale);
      const fail = (fields: FieldErrors) => {
        reply.status(reply.statusCode >= 400 ? reply.statusCode : 422);
        return rjPage(req, reply, { form: name, values: body, fields, ...(partyId ? { partyId } : {}), ...(letterId ? { letterId } : {}) });
      };
      if (!parsed.ok || dateError || Object.keys(dateErrors).length) {
        const fields = parsed.ok ? {} : flat(parsed.fields);
        if (dateError) fields.assessedOn = dateError;
        else delete fields.assessedOn;
        for (const k of Object.keys(dateErrors)) delete fields[k];
        return fail({ ...fields, ...dateErrors });
      }
      const result = await attempt(reply, () => run(req, parsed.data), flat);
      if (!result.ok) return fail(result.fields);
      const doneKey = name === 'senior' ? 'senior' : name === 'revise' ? 'revised' : name;
      return reply.redirect(`/cases/${caseId}/rj?done=${doneKey}#${anchor}`, 303);
    });
  }

  form('/cases/:id/rj/offence', 'offence', ZOffence, (req, d) => rj.setOffence(req.actor!, caseIdParam(req), d), 'offence');
  form('/cases/:id/rj/court', 'court', ZCourt, (req, d) => rj.recordCourt(req.actor!, caseIdParam(req), d), 'court');
  form('/cases/:id/rj/victims-code', 'victims', ZVictimsCode, (req, d) => rj.setVictimsCode(req.actor!, caseIdParam(req), d), 'victims-code');
  form('/cases/:id/rj/senior-decision', 'senior', ZSeniorDecision, (req, d) => rj.seniorDecision(req.actor!, caseIdParam(req), d), 'offence');
  form('/cases/:id/rj/suitability', 'suitability', ZSuitability, (req, d) => rj.recordSuitability(req.actor!, caseIdParam(req), d), 'suitability-form');
  form('/cases/:id/rj/assessments', 'assessment', ZAssessment, (req, d) => rj.recordAssessment(req.actor!, caseIdParam(req), d), 'assessment-form');
  form('/cases/:id/rj/custody/:partyId', 'custody', ZCustody, (req, d) => rj.recordCustody(req.actor!, caseIdParam(req), partyIdParam(req), d), 'participants');
  form(
    '/cases/:id/rj/custody/:partyId/checklist',
    'checklist',
    ZChecklistStep,
    (req, d) => rj.checklistStep(req.actor!, caseIdParam(req), partyIdParam(req), d),
    'participants',
  );
  form('/cases/:id/rj/letters', 'letter', ZLetter, (req, d) => rj.letters.write(req.actor!, caseIdParam(req), d), 'letters');
  form(
    '/cases/:id/rj/letters/:letterId/reviews',
    'review',
    ZReview,
    (req, d) => rj.letters.review(req.actor!, caseIdParam(req), letterIdParam(req), d),
    'letters',
  );
  form(
    '/cases/:id/rj/letters/:letterId/revise',
    'revise',
    ZRevision,
    (req, d) => rj.letters.revise(req.actor!, caseIdParam(req), letterIdParam(req), d),
    'letters',
  );

  app.post('/cases/:id/rj/assessments/:assessmentId/sign-off', async (req, reply) => {
    const caseId = caseIdParam(req);
    const assessmentId = uuidParam(req, 'assessmentId', msg('That risk assessment was not found'));
    const result = await attempt(reply, () => rj.signOff(req.actor!, caseId, assessmentId));
    if (!result.ok) return rjPage(req, reply, { form: 'signOff', values: {}, fields: result.fields });
    return reply.redirect(`/cases/${caseId}/rj?done=signedOff#participants`, 303);
  });

  app.post('/cases/:id/rj/letters/:letterId/pass', async (req, reply) => {
    const caseId = caseIdParam(req);
    const letterId = letterIdParam(req);
    const result = await attempt(reply, () => rj.letters.pass(req.actor!, caseId, letterId));
    if (!result.ok) return rjPage(req, reply, { form: 'pass', values: {}, fields: result.fields, letterId });
    return reply.redirect(`/cases/${caseId}/rj?done=passed#letters`, 303);
  });

  app.get('/cases/:id/rj/letters/:letterId/copy', async (req, reply) => {
    const caseId = caseIdParam(req);
    const copy = await rj.letters.copy(req.actor!, caseId, letterIdParam(req));
    const view = await pages.casePage(req.actor!, caseId);
    return reply.page('rj/views/letter-copy.njk', {
      pageTitle: req.t('Letter for {name}', { name: copy.toName }),
      header: caseHeader(req.t, view, 'rj'),
      copy,
    });
  });
}
