// Two pages under the case's Mediators tab: "End an assignment" (coordinators and admins, with a reason) and "Sign off
// a trainee" (the trainee's supervisor, once the case has had its joint meeting or shuttle sessions). Each posts, then
// redirects back to the tab, or shows its page again with the problem and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { caseIdParam } from '#src/features/cases/case-page.routes.ts';
import type { CasePagesService } from '#src/features/cases/case-pages.service.ts';
import { asBody, optionalText, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { refusalError } from '#src/access/decision.ts';
import { textParam } from '#src/http/page-input.ts';
import { ZEndAssignment, ZSignOff } from './assignments.schemas.ts';
import { pairWords } from './case-mediators.present.ts';
import { loadMediators, mediatorPage, type PageExtra, problemsOf } from './mediator-pages.ts';

const t = translator('en');

function assignmentIdParam(req: FastifyRequest) {
  const id = textParam(req, 'assignmentId');
  if (!isUuid(id)) throw new AppError('NOT_FOUND', msg('That assignment was not found'));
  return id;
}

export function registerAssignmentChangePages(app: FastifyInstance, deps: Pick<Deps, 'assignments'>, pages: CasePagesService) {
  async function renderEnd(req: FastifyRequest, reply: FastifyReply, extra: PageExtra = {}) {
    const loaded = await loadMediators(deps, pages, req, { assign: true });
    if (!loaded.mediators.team.length) throw new AppError('CONFLICT', msg('Nobody is assigned to this case'), { reason: 'NOT_ASSIGNED' });
    return mediatorPage(reply, loaded, 'mediators-end.njk', t('End an assignment'), { current: pairWords(loaded.mediators.team.map((a) => a.name)) }, extra);
  }

  /** `check`: refuse the page to someone who may not sign it off now (left out when showing a refused form again). */
  async function renderSignOff(req: FastifyRequest, reply: FastifyReply, extra: PageExtra = {}, check = true) {
    const loaded = await loadMediators(deps, pages, req);
    const id = assignmentIdParam(req);
    const a = [...loaded.mediators.team, ...loaded.mediators.ended].find((x) => x.id === id);
    if (!a) throw new AppError('NOT_FOUND', msg('That assignment was not found'));
    if (check && !a.signOff.allowed) throw refusalError(a.signOff);
    return mediatorPage(reply, loaded, 'mediators-sign-off.njk', t('Sign off a trainee'), { trainee: a.name, assignmentId: a.id }, extra);
  }

  app.get('/cases/:id/mediators/end', (req, reply) => renderEnd(req, reply));

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
      reply.status((err as AppError).status ?? 422);
      return renderEnd(req, reply, { ...problemsOf({ reason: fields.reason ?? fields._ ?? '' }), values: keepValues(req.body) });
    }
  });

  app.get('/cases/:id/mediators/:assignmentId/sign-off', (req, reply) => renderSignOff(req, reply));

  app.post('/cases/:id/mediators/:assignmentId/sign-off', async (req, reply) => {
    const caseId = caseIdParam(req);
    const assignmentId = assignmentIdParam(req);
    const parsed = parseForm(ZSignOff, { notes: optionalText(asBody(req.body), 'notes') });
    try {
      if (!parsed.ok) throw new AppError('UNPROCESSABLE', msg('Check the notes'), { fields: parsed.fields });
      await deps.assignments.signOff(req.actor!, assignmentId, parsed.data, { caseId });
      return reply.redirect(`/cases/${caseId}/mediators?done=signedOff`, 303);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      reply.status((err as AppError).status ?? 422);
      return renderSignOff(req, reply, { ...problemsOf({ notes: fields.notes ?? fields._ ?? '' }), values: keepValues(req.body) }, false);
    }
  });
}
