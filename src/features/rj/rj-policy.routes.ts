// The service's restorative justice policy page (/settings/restorative-justice): which offence categories need extra
// care and which are taken only when the person harmed asks (#32), how many days a risk assessment stays current
// (#33), and the prison-visit checklist (#36). Admins change it; others with case access read it. Saved through the
// same service call as PUT /api/v1/rj/policy, which checks it against the same schema and audits it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { asBody, type FormBody, linesOf, listOf, textOf } from '#src/http/page-form.ts';
import { doneOf } from '#src/http/page-input.ts';
import { errorList } from '#src/http/views.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { OFFENCE_CATEGORIES, OFFENCE_CATEGORY_LABELS, type OffenceCategory, type RjPolicy } from './rj-policy.ts';

const ORDER = ['extraCare', 'victimInitiatedOnly', 'assessmentValidDays', 'prisonChecklist'];
const MAX_STEPS = 20;
const isCategory = (c: string): c is OffenceCategory => (OFFENCE_CATEGORIES as readonly string[]).includes(c);

/** The form as a policy, and the problems found in what was typed (keyed by field). */
export function readRjPolicyForm(b: FormBody, t: Translate): { policy: RjPolicy | null; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const extraCare = listOf(b, 'extraCare').filter(isCategory);
  const victimInitiatedOnly = listOf(b, 'victimInitiatedOnly').filter(isCategory);
  const days = textOf(b, 'assessmentValidDays').trim();
  if (!days) fields.assessmentValidDays = t('Enter how many days a risk assessment stays current');
  else if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 730)
    fields.assessmentValidDays = t('How many days a risk assessment stays current must be a whole number from 1 to 730');
  const steps = linesOf(b, 'prisonChecklist');
  if (steps.length > MAX_STEPS) fields.prisonChecklist = t('The prison visit checklist can have up to {max} steps', { max: MAX_STEPS });
  else if (steps.some((s) => s.length > 200)) fields.prisonChecklist = t('Each step of the prison visit checklist must be 200 characters or fewer');
  else if (new Set(steps.map((s) => s.toLowerCase())).size !== steps.length)
    fields.prisonChecklist = t('Each step of the prison visit checklist must be different');
  if (Object.keys(fields).length) return { policy: null, fields };
  return { policy: { extraCare, victimInitiatedOnly, assessmentValidDays: Number(days), prisonChecklist: steps }, fields };
}

export function registerRjPolicyPages(app: FastifyInstance, deps: Pick<Deps, 'rj'>) {
  async function render(req: FastifyRequest, reply: FastifyReply, typed?: { body: FormBody; fields: FieldErrors }) {
    const t = req.t;
    const saved = await deps.rj.policy(req.actor!);
    const chosen = (name: 'extraCare' | 'victimInitiatedOnly') => (typed ? listOf(typed.body, name) : saved[name]);
    const items = (name: 'extraCare' | 'victimInitiatedOnly') =>
      // i18n-dynamic: OFFENCE_CATEGORY_LABELS are msg() literals
      OFFENCE_CATEGORIES.map((c) => ({ value: c, text: t(OFFENCE_CATEGORY_LABELS[c]), checked: chosen(name).includes(c) }));
    const fields = typed?.fields ?? {};
    const errors = errorList(fields, ORDER);
    return reply.page('rj/views/rj-policy.njk', {
      pageTitle: t('Restorative justice policy'),
      canChange: can(req.actor!.role, 'settings.manage'),
      extraCareItems: items('extraCare'),
      victimOnlyItems: items('victimInitiatedOnly'),
      // i18n-dynamic: OFFENCE_CATEGORY_LABELS are msg() literals
      extraCareText: saved.extraCare.map((c) => t(OFFENCE_CATEGORY_LABELS[c])).join(', ') || t('None'),
      // i18n-dynamic: OFFENCE_CATEGORY_LABELS are msg() literals
      victimOnlyText: saved.victimInitiatedOnly.map((c) => t(OFFENCE_CATEGORY_LABELS[c])).join(', ') || t('None'),
      values: {
        assessmentValidDays: typed ? textOf(typed.body, 'assessmentValidDays') : String(saved.assessmentValidDays),
        prisonChecklist: typed ? textOf(typed.body, 'prisonChecklist') : saved.prisonChecklist.join('\n'),
      },
      saved,
      fields,
      errors: errors.length ? errors : undefined,
      flash: doneOf(req) === 'saved' && !errors.length ? t('Restorative justice policy saved.') : undefined,
    });
  }

  app.get('/settings/restorative-justice', (req, reply) => render(req, reply));

  app.post('/settings/restorative-justice', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    const body = asBody(req.body);
    const { policy, fields } = readRjPolicyForm(body, req.t);
    if (!policy) return render(req, reply.status(422), { body, fields });
    await deps.rj.savePolicy(req.actor!, policy);
    return reply.redirect('/settings/restorative-justice?done=saved', 303);
  });
}
