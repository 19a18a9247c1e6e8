// The data-protection queue (open breaches with their 72-hour clocks) and the breach log's pages: recording a
// breach, and then its report to the ICO, telling the people affected, what was done, and closing it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { attempt, keepValues, parseForm } from '#src/http/forms.ts';
import { asBody, dateParts } from '#src/http/page-form.ts';
import { errorList } from '#src/http/views.ts';
import { doneOf, uuidParam } from '#src/http/page-input.ts';
import { can } from '#src/access/permissions.ts';
import { londonParts, momentInWords } from '#src/domain/meeting-times.ts';
import { BREACH_RISKS, type BreachRisk } from './breach-rules.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import type { RequestKind } from '../requests/request-rules.ts';
import { REQUEST_KIND_LABELS } from '../requests/request-words.ts';
import { BREACH_RISK_LABELS, clockInWords } from './breach-words.ts';
import { breachUpdateInput, newBreachInput } from './breach-forms.ts';
import { ZBreachUpdate, ZNewBreach } from './breaches.schemas.ts';

type State = { values: Record<string, string>; fields: FieldErrors };
const DONE: Record<string, string> = {
  recorded: msg('Breach recorded. The 72 hours to report it to the ICO run from when the service became aware of it.'),
  updated: msg('Breach updated.'),
};
const breachId = (req: FastifyRequest) => uuidParam(req, 'breachId', msg('That breach was not found'));
const view = { config: { permission: 'dataprotection.view' as const } };

export function registerBreachPages(app: FastifyInstance, deps: Pick<Deps, 'breaches' | 'dataProtectionPages'>) {
  const { breaches, dataProtectionPages } = deps;
  type Row = Awaited<ReturnType<typeof breaches.get>>;

  const present = (req: FastifyRequest, b: Row) => ({
    id: b.id,
    reference: b.reference,
    summary: b.summary,
    risk: req.t(BREACH_RISK_LABELS[b.risk as BreachRisk] ?? b.risk),
    aware: momentInWords(b.awareAt, { locale: req.locale }),
    clock: clockInWords(b.standing, req.t, req.locale),
    tellPeople: b.standing.tellPeople,
    closed: Boolean(b.closedAt),
  });

  const riskItems = (req: FastifyRequest, chosen: string | undefined) =>
    BREACH_RISKS.map((r) => ({ value: r, text: req.t(BREACH_RISK_LABELS[r]), checked: chosen === r }));

  app.get('/data-protection', view, async (req, reply) => {
    const { breaches: rows, openRequests: requests } = await dataProtectionPages.queuePage(req.actor!);
    return reply.page('dataprotection/views/queue.njk', {
      pageTitle: req.t('Data protection'),
      requests: requests.map((r) => ({
        id: r.id,
        reference: r.reference,
        kind: req.t(REQUEST_KIND_LABELS[r.kind as RequestKind] ?? r.kind),
        name: r.requesterName,
        due: longDate(r.dueOn, req.locale),
        left:
          (r.daysLeft ?? 0) < 0
            ? req.t('Overdue by {days, plural, one {# day} other {# days}}', { days: -(r.daysLeft ?? 0) })
            : req.t('{days, plural, =0 {Due today} one {# day left} other {# days left}}', { days: r.daysLeft ?? 0 }),
        colour: (r.daysLeft ?? 0) < 7 ? 'red' : 'yellow',
        extended: Boolean(r.extensionReason),
      })),
      open: rows.filter((b) => !b.closedAt).map((b) => present(req, b)),
      closedCount: rows.filter((b) => b.closedAt).length,
      canRetain: can(req.actor!.role, 'retention.manage'),
    });
  });

  app.get('/data-protection/breaches', view, async (req, reply) => {
    const rows = await breaches.list(req.actor!);
    return reply.page('dataprotection/views/breaches.njk', { pageTitle: req.t('Breach log'), breaches: rows.map((b) => present(req, b)) });
  });

  function newPage(req: FastifyRequest, reply: FastifyReply, state?: State) {
    return reply.page('dataprotection/views/breach-new.njk', {
      pageTitle: req.t('Record a breach'),
      values: state?.values ?? {},
      fields: state?.fields ?? {},
      riskItems: riskItems(req, state?.values.risk),
      errors: state ? errorList(state.fields, ['summary', 'awareAt', 'occurredAt', 'risk', 'peopleAffected', 'actionsTaken']) : undefined,
    });
  }

  app.get('/data-protection/breaches/new', view, (req, reply) => newPage(req, reply));

  app.post('/data-protection/breaches', view, async (req, reply) => {
    const body = asBody(req.body);
    const read = newBreachInput(body, req.t);
    const parsed = parseForm(ZNewBreach, read.input, req.locale);
    const fields = { ...(parsed.ok ? {} : parsed.fields), ...read.fields };
    if (!parsed.ok || Object.keys(read.fields).length) return newPage(req, reply.status(422), { values: keepValues(body), fields });
    const made = await attempt(reply, () => breaches.record(req.actor!, parsed.data));
    if (!made.ok) return newPage(req, reply, { values: keepValues(body), fields: made.fields });
    return reply.redirect(`/data-protection/breaches/${made.value.id}?done=recorded`, 303);
  });

  async function breachPage(req: FastifyRequest, reply: FastifyReply, state?: State) {
    const b = await breaches.get(req.actor!, breachId(req));
    const part = (d: Date | null) => (d ? { ...dateParts(londonParts(d).date), time: londonParts(d).time } : { day: '', month: '', year: '', time: '' });
    const reported = part(b.reportedToIcoAt);
    const told = part(b.peopleToldAt);
    const values = state?.values ?? {
      'reportedToIcoAt-day': reported.day,
      'reportedToIcoAt-month': reported.month,
      'reportedToIcoAt-year': reported.year,
      reportedToIcoAtTime: reported.time,
      icoReference: b.icoReference ?? '',
      notReportedReason: b.notReportedReason ?? '',
      'peopleToldAt-day': told.day,
      'peopleToldAt-month': told.month,
      'peopleToldAt-year': told.year,
      peopleToldAtTime: told.time,
      actionsTaken: b.actionsTaken ?? '',
      risk: b.risk,
      closed: b.closedAt ? 'yes' : '',
    };
    const done = doneOf(req);
    return reply.page('dataprotection/views/breach.njk', {
      pageTitle: req.t('Breach {reference}', { reference: b.reference }),
      // i18n-dynamic: the msg() literals of DONE above
      done: DONE[done] ? req.t(DONE[done] as string) : undefined,
      breach: {
        ...present(req, b),
        occurred: b.occurredAt ? momentInWords(b.occurredAt, { locale: req.locale }) : '',
        peopleAffected: b.peopleAffected,
        recordedBy: b.recordedBy ?? '',
      },
      values,
      fields: state?.fields ?? {},
      riskItems: riskItems(req, values.risk),
      errors: state ? errorList(state.fields, ['risk', 'reportedToIcoAt', 'icoReference', 'notReportedReason', 'peopleToldAt', 'actionsTaken']) : undefined,
    });
  }

  app.get('/data-protection/breaches/:breachId', view, (req, reply) => breachPage(req, reply));

  app.post('/data-protection/breaches/:breachId', view, async (req, reply) => {
    const id = breachId(req);
    const body = asBody(req.body);
    const read = breachUpdateInput(body, req.t);
    const parsed = parseForm(ZBreachUpdate, read.input, req.locale);
    const fields = { ...(parsed.ok ? {} : parsed.fields), ...read.fields };
    if (!parsed.ok || Object.keys(read.fields).length) return breachPage(req, reply.status(422), { values: keepValues(body), fields });
    const done = await attempt(reply, () => breaches.update(req.actor!, id, parsed.data));
    if (!done.ok) return breachPage(req, reply, { values: keepValues(body), fields: done.fields });
    return reply.redirect(`/data-protection/breaches/${id}?done=updated`, 303);
  });
}
