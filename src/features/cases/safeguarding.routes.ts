// Safeguarding (leads and admins): disclosures of risk of serious harm, open ones first, and the decision on
// each: what was decided, who it was referred to and when, on what legal basis, and whether it is closed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { caseIdParam } from './case-page.routes.ts';
import { ZSafeguardingDecision } from './cases.schemas.ts';
import { asBody, dateOf, optionalText, textOf } from '#src/http/page-form.ts';
import { doneOf } from '#src/http/page-input.ts';

const t = translator('en');
const ORDER = ['decision', 'referredTo', 'referredAt', 'legalBasis', 'close'];

type Problem = { recordId: string; values: Record<string, string>; fields: FieldErrors };

export function registerSafeguardingPages(app: FastifyInstance, deps: Pick<Deps, 'caseActivity'>) {
  async function listPage(req: FastifyRequest, reply: FastifyReply, problem?: Problem) {
    const rows = await deps.caseActivity.listSafeguarding(req.actor!);
    const open = rows.filter((r) => r.record.status === 'open');
    const decided = rows.filter((r) => r.record.status !== 'open');
    const present = (r: (typeof rows)[number]) => {
      const mine = problem?.recordId === r.record.id;
      return {
        id: r.record.id,
        caseId: r.record.caseId,
        reference: r.reference,
        disclosed: r.record.disclosed,
        createdAt: r.record.createdAt,
        createdBy: r.record.createdBy,
        decision: r.record.decision,
        referredTo: r.record.referredTo,
        referredAt: r.record.referredAt,
        legalBasis: r.record.legalBasis,
        decidedBy: r.record.decidedBy,
        decidedAt: r.record.decidedAt,
        values: mine ? problem.values : {},
        fields: mine ? problem.fields : {},
      };
    };
    const errors = problem
      ? [...ORDER.filter((k) => problem.fields[k]), ...Object.keys(problem.fields).filter((k) => !ORDER.includes(k))].map((k) => ({
          text: problem.fields[k]!,
          href: `#${problem.recordId}-${k === 'referredAt' ? 'referredAt-day' : k === '_' ? 'decision' : k}`,
        }))
      : undefined;
    const done = doneOf(req);
    return reply.page('cases/views/safeguarding.njk', {
      pageTitle: t('Safeguarding'),
      open: open.map(present),
      decided: decided.map(present),
      errors,
      flash: done === 'decided' ? msg('Decision recorded.') : undefined,
    });
  }

  app.get('/safeguarding', (req, reply) => listPage(req, reply));

  app.post('/safeguarding/:recordId/decide', async (req, reply) => {
    const recordId = caseIdParam(req, 'recordId');
    const body = asBody(req.body);
    const referredAt = dateOf(body, 'referredAt', 'Date referred');
    const close = textOf(body, 'close');
    const form = parseForm(ZSafeguardingDecision, {
      decision: textOf(body, 'decision'),
      referredTo: optionalText(body, 'referredTo'),
      referredAt: referredAt.value,
      legalBasis: optionalText(body, 'legalBasis'),
      close: close === 'no' ? false : close === 'yes' ? true : undefined,
    });
    let fields: FieldErrors | undefined = form.ok ? undefined : form.fields;
    if (referredAt.error) fields = { ...fields, referredAt: referredAt.error };
    if (!close) fields = { ...fields, close: t('Say whether the record can be closed') };
    if (!fields && form.ok) {
      try {
        await deps.caseActivity.decideSafeguarding(req.actor!, recordId, form.data);
        return reply.redirect('/safeguarding?done=decided', 303);
      } catch (err) {
        fields = fieldErrorsOf(err);
        if (!fields) throw err;
      }
    }
    return listPage(req, reply.status(422), { recordId, values: keepValues(body), fields: fields ?? {} });
  });
}
