// Hours pages: the volunteer's own (/my/hours), a volunteer's hours for staff (/volunteers/:volunteerId/hours)
// and the service-wide report with its CSV (/volunteers/hours). Forms work without JavaScript; a problem shows
// the page again with the messages and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { asBody, type DateAnswer, dateOf, dateParts, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { type HoursEntryInput, ZHoursEntry } from './hours.schemas.ts';
import type { HoursOverview } from './hours.service.ts';
import { errorSummary, hoursFormFields, hoursFormModel, hoursModel, readHoursForm, reportCsv, reportModel } from './hours.present.ts';
import { doneOf, textParam } from '#src/http/page-input.ts';

const t = translator('en');

type FormState = { values?: Record<string, string>; fields?: FieldErrors };

const DONE: Record<string, string> = { logged: msg('Hours logged.'), deleted: msg('Entry deleted.') };
const flashOf = (req: FastifyRequest) => DONE[doneOf(req)];
const volunteerIdOf = (req: FastifyRequest) => textParam(req, 'volunteerId');
const entryIdOf = (req: FastifyRequest) => textParam(req, 'entryId');

/** Reads the form, calls `save` when it is complete; on a problem returns the fields to show (and sets 422). */
async function submitHours(req: FastifyRequest, reply: FastifyReply, save: (input: HoursEntryInput) => Promise<unknown>): Promise<FormState | undefined> {
  const { input, problems, typed } = readHoursForm(req.body);
  const parsed = parseForm(ZHoursEntry, input);
  let fields: FieldErrors = { ...(parsed.ok ? {} : hoursFormFields(parsed.fields)), ...problems };
  if (parsed.ok && !Object.keys(problems).length) {
    try {
      await save(parsed.data);
      return undefined;
    } catch (err) {
      const found = fieldErrorsOf(err);
      if (!found) throw err;
      fields = hoursFormFields(found);
      reply.status((err as { status?: number }).status ?? 422);
      return { values: keepValues(typed), fields };
    }
  }
  reply.status(422);
  return { values: keepValues(typed), fields };
}

function pageModel(o: HoursOverview, state: FormState, deleteBase: string, formAction: string) {
  const fields = state.fields ?? {};
  const errors = errorSummary(fields);
  return {
    ...hoursFormModel(o, state.values ?? {}),
    hours: hoursModel(o, deleteBase),
    formAction,
    fields,
    errors: errors.length ? errors : undefined,
  };
}

export function registerHoursPages(app: FastifyInstance, deps: Pick<Deps, 'hours'>) {
  async function renderMine(req: FastifyRequest, reply: FastifyReply, state: FormState = {}) {
    const o = await deps.hours.mine(req.actor!);
    return reply.page('volunteers/hours/views/my-hours.njk', {
      pageTitle: t('My hours'),
      ...pageModel(o, state, '/my/hours', '/my/hours'),
      flash: state.fields ? undefined : flashOf(req),
    });
  }

  async function renderVolunteer(req: FastifyRequest, reply: FastifyReply, state: FormState = {}) {
    const o = await deps.hours.ofVolunteer(req.actor!, volunteerIdOf(req));
    const base = `/volunteers/${o.volunteer.id}/hours`;
    return reply.page('volunteers/hours/views/volunteer-hours.njk', {
      pageTitle: t('Hours of {name}', { name: o.volunteer.name }),
      volunteerId: o.volunteer.id,
      volunteerName: o.volunteer.name,
      canAdd: can(req.actor!.role, 'volunteers.manage'),
      showRecordedBy: true,
      ...pageModel(o, state, base, base),
      flash: state.fields ? undefined : flashOf(req),
    });
  }

  app.get('/my/hours', (req, reply) => renderMine(req, reply));

  app.post('/my/hours', async (req, reply) => {
    const problem = await submitHours(req, reply, (input) => deps.hours.addMine(req.actor!, input));
    return problem ? renderMine(req, reply, problem) : reply.redirect('/my/hours?done=logged', 303);
  });

  app.post('/my/hours/:entryId/delete', async (req, reply) => {
    await deps.hours.removeMine(req.actor!, entryIdOf(req));
    return reply.redirect('/my/hours?done=deleted', 303);
  });

  app.get('/volunteers/hours', async (req, reply) => {
    const q = asBody(req.query);
    // The page's date inputs (from-day, from-month, from-year), or ISO dates (?from=2026-01-01) from a link.
    const readDate = (key: 'from' | 'to', label: string): DateAnswer =>
      ['day', 'month', 'year'].some((part) => textOf(q, `${key}-${part}`)) ? dateOf(q, key, label) : { value: textOf(q, key) || undefined };
    const from = readDate('from', 'From');
    const to = readDate('to', 'To');
    let fields: FieldErrors = {};
    if (from.error) fields.from = from.error;
    if (to.error) fields.to = to.error;
    let report: ReturnType<typeof reportModel> | undefined;
    if (!Object.keys(fields).length) {
      try {
        report = reportModel(await deps.hours.report(req.actor!, { from: from.value, to: to.value }));
      } catch (err) {
        fields = fieldErrorsOf(err) ?? {};
        if (!Object.keys(fields).length) throw err;
      }
    }
    if (Object.keys(fields).length) reply.status(422);
    const errors = Object.entries(fields).map(([k, v]) => ({ text: v, href: `#${k}-day` }));
    return reply.page('volunteers/hours/views/hours-report.njk', {
      pageTitle: t('Volunteer hours report'),
      report,
      fromParts: report ? dateParts(report.from) : { day: textOf(q, 'from-day'), month: textOf(q, 'from-month'), year: textOf(q, 'from-year') },
      toParts: report ? dateParts(report.to) : { day: textOf(q, 'to-day'), month: textOf(q, 'to-month'), year: textOf(q, 'to-year') },
      fields,
      errors: errors.length ? errors : undefined,
    });
  });

  app.get('/volunteers/hours/download', async (req, reply) => {
    const q = asBody(req.query);
    const report = await deps.hours.report(req.actor!, { from: textOf(q, 'from') || undefined, to: textOf(q, 'to') || undefined });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="volunteer-hours-${report.from}-to-${report.to}.csv"`)
      .send(reportCsv(report));
  });

  app.get('/volunteers/:volunteerId/hours', (req, reply) => renderVolunteer(req, reply));

  app.post('/volunteers/:volunteerId/hours', async (req, reply) => {
    const problem = await submitHours(req, reply, (input) => deps.hours.addFor(req.actor!, volunteerIdOf(req), input));
    return problem ? renderVolunteer(req, reply, problem) : reply.redirect(`/volunteers/${volunteerIdOf(req)}/hours?done=logged`, 303);
  });

  app.post('/volunteers/:volunteerId/hours/:entryId/delete', async (req, reply) => {
    await deps.hours.removeFor(req.actor!, volunteerIdOf(req), entryIdOf(req));
    return reply.redirect(`/volunteers/${volunteerIdOf(req)}/hours?done=deleted`, 303);
  });
}
