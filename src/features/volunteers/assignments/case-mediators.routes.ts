// The case's Mediators page: who is on the case (mediators see their co-mediator), and for coordinators and
// admins the suggestions, choosing any two, ending the assignment; supervisors sign off supervised cases.
// Every form posts and redirects back, or shows the page again with the reasons and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import { caseHeader } from '#src/features/cases/case-pages.present.ts';
import { type CasePagesService, createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { asBody, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { ZAssign, ZEndAssignment, ZSignOff } from './assignments.schemas.ts';
import { caseEndedReason, mediatorsModel } from './case-mediators.present.ts';
import { doneOf, textParam } from '#src/http/page-input.ts';

const t = translator('en');

const DONE: Record<string, string> = {
  assigned: msg('Mediators assigned. The change is on the case timeline.'),
  override: msg('Mediators assigned although the pair breaks the pairing rules. The justification is on the case timeline.'),
  ended: msg('Assignment ended. The mediators no longer see this case.'),
  signedOff: msg('Supervised case signed off.'),
};

type Problems = { fields: FieldErrors; errors: { text: string; href: string }[] };

async function renderMediators(
  deps: Pick<Deps, 'assignments'>,
  pages: CasePagesService,
  req: FastifyRequest,
  reply: FastifyReply,
  extra: Partial<Problems> & { values?: Record<string, string> } = {},
) {
  const actor = req.actor!;
  const caseId = caseIdParam(req);
  const view = await pages.casePage(actor, caseId);
  const mediators = await deps.assignments.forCase(actor, caseId);
  const caseEnded = caseEndedReason(view.case.status);
  const suggestions = mediators.canAssign && !caseEnded ? await deps.assignments.suggest(actor, caseId) : undefined;
  const header = caseHeader(view, 'mediators');
  const done = doneOf(req);
  return reply.page('volunteers/assignments/views/case-mediators.njk', {
    pageTitle: `${header.reference} – ${t('Mediators')}`,
    header,
    ...mediatorsModel(mediators, suggestions, extra.values ?? {}, caseEnded),
    fields: extra.fields ?? {},
    errors: extra.errors,
    flash: done ? DONE[done] : undefined,
  });
}

/** A refused pair's reasons, one error summary line each, pointing at the form that was used. */
function problemsOf(fields: FieldErrors, form: 'suggested' | 'any' | 'end' | 'signoff', canOverride: boolean): Problems {
  const first = form === 'suggested' ? 'suggested-pair' : form === 'any' ? 'any-mediatorA' : form === 'end' ? 'end-reason' : 'sign-off';
  const reasons = Object.entries(fields).filter(([k]) => k.startsWith('reasons.'));
  const shown: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('reasons.')) continue;
    const id =
      k === 'mediatorIds.1' && form === 'any'
        ? 'any-mediatorB'
        : k === 'overrideJustification'
          ? 'any-overrideJustification'
          : k === 'reason'
            ? 'end-reason'
            : first;
    shown[id] = reasons.length && k === 'mediatorIds' ? t('This pair breaks the pairing rules') : v;
  }
  const errors = reasons.length
    ? reasons.map(([, text]) => ({ text, href: `#${first}` }))
    : Object.entries(shown).map(([id, text]) => ({ text, href: `#${id}` }));
  if (reasons.length && form === 'any' && canOverride)
    errors.push({ text: t('To assign this pair anyway, give a justification'), href: '#any-overrideJustification' });
  return { fields: shown, errors };
}

/** The pair chosen on either form: a suggested pair ("idA,idB") or any two volunteers from the lists. */
function assignInput(b: FormBody) {
  if (textOf(b, 'choice') === 'suggested') {
    const pair = textOf(b, 'pair');
    if (!pair) return { form: 'suggested' as const, missing: { 'suggested-pair': t('Choose a suggested pair') } };
    return { form: 'suggested' as const, input: { mediatorIds: pair.split(',') } };
  }
  const a = textOf(b, 'mediatorA');
  const c = textOf(b, 'mediatorB');
  const missing: FieldErrors = {};
  if (!a) missing['any-mediatorA'] = t('Choose the first volunteer');
  if (!c) missing['any-mediatorB'] = t('Choose the second volunteer');
  if (Object.keys(missing).length) return { form: 'any' as const, missing };
  return { form: 'any' as const, input: { mediatorIds: [a, c], overrideJustification: optionalText(b, 'overrideJustification') } };
}

export function registerCaseMediatorPages(app: FastifyInstance, deps: Pick<Deps, 'assignments' | 'cases' | 'clock' | 'db'>) {
  const pages = createCasePagesService(deps);
  const again = (req: FastifyRequest, reply: FastifyReply, status: number, problems: Problems) =>
    renderMediators(deps, pages, req, reply.status(status), { ...problems, values: keepValues(req.body) });

  app.get('/cases/:id/mediators', (req, reply) => renderMediators(deps, pages, req, reply));

  app.post('/cases/:id/mediators', async (req, reply) => {
    const caseId = caseIdParam(req);
    const body = asBody(req.body);
    const chosen = assignInput(body);
    const canOverride = req.actor!.role === 'admin';
    if (chosen.missing) {
      const fields = chosen.missing;
      return again(req, reply, 422, { fields, errors: Object.entries(fields).map(([id, text]) => ({ text, href: `#${id}` })) });
    }
    const parsed = parseForm(ZAssign, chosen.input);
    if (!parsed.ok) return again(req, reply, 422, problemsOf(parsed.fields, chosen.form, canOverride));
    try {
      const result = await deps.assignments.assign(req.actor!, caseId, parsed.data);
      return reply.redirect(`/cases/${caseId}/mediators?done=${result.override ? 'override' : 'assigned'}`, 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      // The case ended while the form was open: the page now says so in place of the forms.
      if (err instanceof AppError && err.reason === 'CASE_ENDED')
        return again(req, reply, err.status, { fields: {}, errors: [{ text: err.message, href: '#case-ended' }] });
      return again(req, reply, (err as AppError).status ?? 422, problemsOf(fields, chosen.form, canOverride));
    }
  });

  app.post('/cases/:id/mediators/end', async (req, reply) => {
    const caseId = caseIdParam(req);
    const parsed = parseForm(ZEndAssignment, { reason: textOf(asBody(req.body), 'reason') });
    try {
      if (!parsed.ok) throw new AppError('UNPROCESSABLE', msg('Say why the assignment is ending'), { fields: parsed.fields });
      await deps.assignments.end(req.actor!, caseId, parsed.data);
      return reply.redirect(`/cases/${caseId}/mediators?done=ended`, 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return again(req, reply, (err as AppError).status ?? 422, problemsOf(fields._ ? { reason: fields._ } : fields, 'end', false));
    }
  });

  app.post('/cases/:id/mediators/:assignmentId/sign-off', async (req, reply) => {
    const caseId = caseIdParam(req);
    const assignmentId = textParam(req, 'assignmentId');
    if (!isUuid(assignmentId)) throw new AppError('NOT_FOUND', msg('That assignment was not found'));
    const parsed = parseForm(ZSignOff, { notes: optionalText(asBody(req.body), 'notes') });
    try {
      if (!parsed.ok) throw new AppError('UNPROCESSABLE', msg('Check the notes'), { fields: parsed.fields });
      await deps.assignments.signOff(req.actor!, assignmentId, parsed.data, { caseId });
      return reply.redirect(`/cases/${caseId}/mediators?done=signedOff`, 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return again(req, reply, (err as AppError).status ?? 422, problemsOf(fields._ ? { notes: fields._ } : fields, 'signoff', false));
    }
  });
}
