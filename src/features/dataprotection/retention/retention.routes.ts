// The retention page for admins: each case type's period and what the next run would anonymise ("312 cases closed
// before 6 December 2022"), legal holds, running it now, and the destruction log.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { attempt, keepValues, parseForm } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { doneOf, uuidParam } from '#src/http/page-input.ts';
import { caseTypeNamer } from '#src/domain/case-words.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { ZHoldInput, ZSchedules } from './retention.schemas.ts';

const DONE: Record<string, string> = {
  schedules: msg('Retention periods saved.'),
  hold: msg('Legal hold placed. The case will be kept until the hold is lifted.'),
  lifted: msg('Legal hold lifted. The case will be anonymised when its time is up.'),
  run: msg('The retention run has been asked for. It anonymises the cases due in the next few minutes; the destruction log shows what went.'),
};

type State = { form: 'schedules' | 'hold'; values: Record<string, string>; fields: FieldErrors };

export function registerRetentionPages(app: FastifyInstance, deps: Pick<Deps, 'retention'>) {
  const { retention } = deps;

  async function page(req: FastifyRequest, reply: FastifyReply, state?: State) {
    const actor = req.actor!;
    const t = req.t;
    const [preview, holds, log] = await Promise.all([retention.preview(actor), retention.holds(actor), retention.destructionLog(actor)]);
    const done = doneOf(req);
    const typeName = caseTypeNamer(t, preview.types);
    const dateOf = (d: Date) => longDate(londonParts(d).date, req.locale);
    return reply.page('dataprotection/views/retention.njk', {
      pageTitle: t('Retention'),
      // i18n-dynamic: the msg() literals of DONE above
      done: DONE[done] ? t(DONE[done] as string) : undefined,
      rules: preview.rules.map((r) => ({
        caseType: r.caseType,
        name: typeName(r.caseType),
        years: state?.form === 'schedules' ? (state.values[r.caseType] ?? '') : String(r.years),
        error: state?.form === 'schedules' ? state.fields[r.caseType] : undefined,
        rule: r.isDefault
          ? t('{years, plural, one {# year} other {# years}} after closure (the default)', { years: r.years })
          : t('{years, plural, one {# year} other {# years}} after closure', { years: r.years }),
        due: t('{count, plural, =0 {No cases} one {# case} other {# cases}} closed before {date}', {
          count: r.due,
          date: longDate(r.closedBefore, req.locale),
        }),
      })),
      anyDue: preview.rules.some((r) => r.due > 0),
      heldCount: preview.held,
      holds: holds.map((h) => ({
        id: h.id,
        reference: h.reference,
        caseId: h.caseId,
        reason: h.reason,
        placedBy: h.placedBy ?? '',
        placedOn: dateOf(h.placedAt),
      })),
      log: log.map((l) => ({
        when: dateOf(l.runAt),
        caseType: typeName(l.caseType),
        rule: t('{years, plural, one {# year} other {# years}} after closure: closed before {date}', { years: l.years, date: dateOf(l.closedBefore) }),
        count: l.caseCount,
        references: l.references.join(', '),
        ranBy: l.ranBy ?? '',
      })),
      hold: state?.form === 'hold' ? state.values : {},
      holdErrors: state?.form === 'hold' ? state.fields : {},
      errors: state ? errorList(state.fields, state.form === 'hold' ? ['caseReference', 'reason'] : preview.rules.map((r) => r.caseType)) : undefined,
    });
  }

  const permission = { config: { permission: 'retention.manage' as const } };

  app.get('/data-protection/retention', permission, (req, reply) => page(req, reply));

  app.post('/data-protection/retention/schedules', permission, async (req, reply) => {
    // The form's fields are named by the case types' codes (keepValues leaves out the CSRF token).
    const typed = keepValues(req.body);
    const parsed = parseForm(ZSchedules, typed, req.locale);
    if (!parsed.ok) return page(req, reply.status(422), { form: 'schedules', values: typed, fields: parsed.fields });
    const saved = await attempt(reply, () => retention.setSchedules(req.actor!, parsed.data));
    if (!saved.ok) return page(req, reply, { form: 'schedules', values: typed, fields: saved.fields });
    return reply.redirect('/data-protection/retention?done=schedules', 303);
  });

  app.post('/data-protection/retention/holds', permission, async (req, reply) => {
    const parsed = parseForm(ZHoldInput, req.body, req.locale);
    if (!parsed.ok) return page(req, reply.status(422), { form: 'hold', values: keepValues(req.body), fields: parsed.fields });
    const placed = await attempt(reply, () => retention.placeHold(req.actor!, parsed.data));
    if (!placed.ok) return page(req, reply, { form: 'hold', values: keepValues(req.body), fields: placed.fields });
    return reply.redirect('/data-protection/retention?done=hold', 303);
  });

  app.post('/data-protection/retention/holds/:holdId/lift', permission, async (req, reply) => {
    await retention.liftHold(req.actor!, uuidParam(req, 'holdId', msg('That legal hold was not found')));
    return reply.redirect('/data-protection/retention?done=lifted', 303);
  });

  app.post('/data-protection/retention/run', permission, async (req, reply) => {
    await retention.runNow(req.actor!);
    return reply.redirect('/data-protection/retention?done=run', 303);
  });
}
