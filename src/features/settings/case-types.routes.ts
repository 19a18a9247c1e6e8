// The case types pages (admins): the service's case types as a summary list with change links, a form to add one
// (its name, the rules it follows, its reference prefix), and a form to change one. Work without JavaScript.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '#src/deps.ts';
import { CASE_KINDS, CASE_TYPE_LABELS, caseTypeName, type ServiceCaseType } from '#src/domain/case-words.ts';
import { attempt, keepValues, parseForm } from '#src/http/forms.ts';
import { doneOf, paramsOf } from '#src/http/page-input.ts';
import { asBody, listOf } from '#src/http/page-form.ts';
import { errorList } from '#src/http/views.ts';
import { AppError, type FieldErrors } from '#src/lib/app-error.ts';
import { msg } from '#src/i18n/i18n.ts';
import { KIND_HINTS, ZCaseTypeChange, ZNewCaseType } from './case-types.ts';

const DONE: Record<string, string> = {
  added: msg('Case type added. People can be referred for it now.'),
  changed: msg('Case type changed.'),
  offered: msg('Case types offered saved.'),
};
const ORDER = ['name', 'kind', 'referencePrefix'];
const ZCodeParams = z.object({ code: z.string().max(40) });
type FormState = { values?: Record<string, string>; fields?: FieldErrors };

export function registerCaseTypePages(app: FastifyInstance, deps: Pick<Deps, 'settings'>) {
  const manage = { config: { permission: 'settings.manage' as const } };

  async function typeOf(req: FastifyRequest): Promise<ServiceCaseType> {
    const { code } = paramsOf(req, ZCodeParams);
    const found = (await deps.settings.caseTypes(req.actor!.orgId)).find((c) => c.code === code);
    if (!found) throw new AppError('NOT_FOUND', msg('That case type was not found'));
    return found;
  }

  function renderForm(req: FastifyRequest, reply: FastifyReply, type: ServiceCaseType | undefined, state: FormState = {}) {
    const fields = state.fields ?? {};
    const values = state.values ?? (type ? { name: type.name ?? '', referencePrefix: type.referencePrefix ?? '' } : {});
    const name = type ? caseTypeName(req.t, type, type.code) : undefined;
    return reply.page('settings/views/case-type-form.njk', {
      pageTitle: name ? req.t('Change {name}', { name }) : req.t('Add a case type'),
      backLink: '/settings/case-types',
      type: type ? { code: type.code, name, builtIn: type.name === null, kind: req.t(CASE_TYPE_LABELS[type.kind]) } : undefined,
      values,
      kindItems: CASE_KINDS.map((k) => ({ value: k, text: req.t(CASE_TYPE_LABELS[k]), hint: { text: req.t(KIND_HINTS[k]) }, checked: values.kind === k })),
      fields,
      errors: Object.keys(fields).length ? errorList(fields, ORDER) : undefined,
    });
  }

  async function renderList(req: FastifyRequest, reply: FastifyReply, state: { offered?: string[]; fields?: FieldErrors } = {}) {
    const types = await deps.settings.caseTypes(req.actor!.orgId);
    const offered = state.offered ?? types.filter((c) => c.offered).map((c) => c.code);
    const fields = state.fields ?? {};
    return reply.page('settings/views/case-types.njk', {
      pageTitle: req.t('Case types'),
      backLink: '/settings',
      flash: DONE[doneOf(req)],
      offeredItems: types.map((c) => ({ value: c.code, text: caseTypeName(req.t, c, c.code), checked: offered.includes(c.code) })),
      fields,
      errors: Object.keys(fields).length ? errorList(fields, ['caseTypes']) : undefined,
      types: types.map((c) => ({
        code: c.code,
        name: caseTypeName(req.t, c, c.code),
        kind: req.t(CASE_TYPE_LABELS[c.kind]),
        prefix: c.referencePrefix,
        offered: c.offered,
        builtIn: c.name === null,
      })),
    });
  }

  app.get('/settings/case-types', manage, (req, reply) => renderList(req, reply));

  /** Which of the service's case types are offered: the settings' caseTypes, in the order the types are listed. */
  app.post('/settings/case-types', manage, async (req, reply) => {
    const ticked = listOf(asBody(req.body), 'caseTypes');
    const codes = (await deps.settings.caseTypes(req.actor!.orgId)).map((c) => c.code).filter((c) => ticked.includes(c));
    if (!codes.length) return renderList(req, reply.status(422), { offered: [], fields: { caseTypes: 'Select at least one case type to offer' } });
    const result = await attempt(reply, () => deps.settings.update(req.actor!, { caseTypes: codes }));
    if (result.ok) return reply.redirect('/settings/case-types?done=offered', 303);
    return renderList(req, reply, { offered: codes, fields: { caseTypes: 'Select at least one case type to offer' } });
  });

  app.get('/settings/case-types/new', manage, (req, reply) => renderForm(req, reply, undefined));

  app.post('/settings/case-types/new', manage, async (req, reply) => {
    const parsed = parseForm(ZNewCaseType, keepValues(req.body));
    if (!parsed.ok) return renderForm(req, reply.status(422), undefined, { values: keepValues(req.body), fields: parsed.fields });
    const result = await attempt(reply, () => deps.settings.addCaseType(req.actor!, parsed.data));
    if (result.ok) return reply.redirect('/settings/case-types?done=added', 303);
    return renderForm(req, reply, undefined, { values: keepValues(req.body), fields: result.fields });
  });

  app.get('/settings/case-types/:code', manage, async (req, reply) => renderForm(req, reply, await typeOf(req)));

  app.post('/settings/case-types/:code', manage, async (req, reply) => {
    const type = await typeOf(req);
    const body = keepValues(req.body);
    const change =
      type.name === null ? { referencePrefix: body.referencePrefix ?? '' } : { name: body.name ?? '', referencePrefix: body.referencePrefix ?? '' };
    const parsed = parseForm(ZCaseTypeChange, change);
    if (!parsed.ok) return renderForm(req, reply.status(422), type, { values: body, fields: parsed.fields });
    const result = await attempt(reply, () => deps.settings.changeCaseType(req.actor!, type.code, parsed.data));
    if (result.ok) return reply.redirect('/settings/case-types?done=changed', 303);
    return renderForm(req, reply, type, { values: body, fields: result.fields });
  });
}
