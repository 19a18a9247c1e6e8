// The register of people's requests (subject access, erasure, rectification): the list with due dates, recording a
// request, and a request's page: for subject access, finding the person across the service's cases and downloading
// their data; for every kind, extending once with the reason, completing it with what was done, or refusing it
// (erasure: with the lawful reason).
import { type CaseStatus, caseTypeNamer, PARTY_ROLE_LABELS, type PartyRole, STATUS_LABELS } from '#src/domain/case-words.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { attempt, keepValues, parseForm } from '#src/http/forms.ts';
import { asBody, listOf, textOf } from '#src/http/page-form.ts';
import { errorList } from '#src/http/views.ts';
import { doneOf, queryField, uuidParam } from '#src/http/page-input.ts';
import { z } from 'zod';
import { longDate } from '#src/domain/dates-in-words.ts';
import { ERASURE_REFUSAL_REASONS, REQUEST_KINDS, type RequestKind } from './request-rules.ts';
import { REFUSAL_REASON_LABELS, REQUEST_KIND_LABELS } from './request-words.ts';
import { newRequestInput, requestUpdateInput } from './request-forms.ts';
import { ZNewRequest, ZRequestUpdate } from './requests.schemas.ts';

type State = { values: Record<string, string>; fields: FieldErrors };
const DONE: Record<string, string> = {
  recorded: msg('Request recorded. The due date is one calendar month from when it was received, on a working day.'),
  extend: msg('Request extended by two months. Tell the person why, within the first month.'),
  complete: msg('Request answered.'),
  refuse: msg('Request refused, with the reason recorded.'),
};
const requestId = (req: FastifyRequest) => uuidParam(req, 'dataRequestId', msg('That request was not found'));
const view = { config: { permission: 'dataprotection.view' as const } };
const STATUS = { open: msg('Open'), completed: msg('Answered'), refused: msg('Refused') } as const;

export function registerRequestPages(app: FastifyInstance, deps: Pick<Deps, 'dataRequests' | 'subjectAccess'>) {
  const { dataRequests, subjectAccess } = deps;
  type Row = Awaited<ReturnType<typeof dataRequests.get>>;

  const present = (req: FastifyRequest, r: Row) => {
    const left = r.daysLeft ?? 0;
    return {
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      kindText: req.t(REQUEST_KIND_LABELS[r.kind as RequestKind] ?? r.kind),
      name: r.requesterName,
      contact: r.requesterContact ?? '',
      received: longDate(r.receivedOn, req.locale),
      starts: longDate(r.startsOn, req.locale),
      due: longDate(r.dueOn, req.locale),
      open: r.status === 'open',
      status: req.t(STATUS[r.status as keyof typeof STATUS] ?? r.status),
      left:
        r.daysLeft === null
          ? ''
          : left < 0
            ? req.t('Overdue by {days, plural, one {# day} other {# days}}', { days: -left })
            : req.t('{days, plural, =0 {Due today} one {# day left} other {# days left}}', { days: left }),
      colour: left < 7 ? 'red' : 'yellow',
      extensionReason: r.extensionReason ?? '',
      outcome: r.outcome ?? '',
      refusalReason: r.refusalReason ? req.t(REFUSAL_REASON_LABELS[r.refusalReason as keyof typeof REFUSAL_REASON_LABELS] ?? r.refusalReason) : '',
      closed: r.closedOn ? longDate(r.closedOn, req.locale) : '',
    };
  };

  const summaryRows = (req: FastifyRequest, r: ReturnType<typeof present>) =>
    (
      [
        [req.t('Kind'), r.kindText],
        [req.t('From'), r.name],
        [req.t('How to reach them'), r.contact || req.t('Not recorded')],
        [req.t('Received'), r.received],
        [req.t('The month runs from'), r.starts],
        [req.t('Due'), r.due],
        [req.t('Why it was extended'), r.extensionReason || req.t('Not extended')],
        [req.t('Status'), r.status],
        ...(r.open
          ? []
          : [
              [req.t('What was done'), r.outcome],
              [req.t('Lawful reason for refusing'), r.refusalReason || req.t('None given')],
              [req.t('Closed'), r.closed],
            ]),
      ] as [string, string][]
    ).map(([key, value]) => ({ key: { text: key }, value: { text: value } }));

  app.get('/data-protection/requests', view, async (req, reply) => {
    const rows = await dataRequests.list(req.actor!);
    return reply.page('dataprotection/views/requests.njk', { pageTitle: req.t('People’s requests'), requests: rows.map((r) => present(req, r)) });
  });

  function newPage(req: FastifyRequest, reply: FastifyReply, state?: State) {
    return reply.page('dataprotection/views/request-new.njk', {
      pageTitle: req.t('Record a request'),
      values: state?.values ?? {},
      fields: state?.fields ?? {},
      kindItems: REQUEST_KINDS.map((k) => ({ value: k, text: req.t(REQUEST_KIND_LABELS[k]), checked: state?.values.kind === k })),
      errors: state ? errorList(state.fields, ['kind', 'requesterName', 'requesterContact', 'receivedOn', 'startsOn']) : undefined,
    });
  }

  app.get('/data-protection/requests/new', view, (req, reply) => newPage(req, reply));

  app.post('/data-protection/requests', view, async (req, reply) => {
    const body = asBody(req.body);
    const read = newRequestInput(body, req.t);
    const parsed = parseForm(ZNewRequest, read.input, req.locale);
    const fields = { ...(parsed.ok ? {} : parsed.fields), ...read.fields };
    if (!parsed.ok || Object.keys(read.fields).length) return newPage(req, reply.status(422), { values: keepValues(body), fields });
    const made = await attempt(reply, () => dataRequests.record(req.actor!, parsed.data));
    if (!made.ok) return newPage(req, reply, { values: keepValues(body), fields: made.fields });
    return reply.redirect(`/data-protection/requests/${made.value.id}?done=recorded`, 303);
  });

  async function requestPage(req: FastifyRequest, reply: FastifyReply, state?: State) {
    const r = await dataRequests.get(req.actor!, requestId(req));
    const values = state?.values ?? {};
    const q = (state ? values.q : queryField(req, 'q'))?.trim() ?? '';
    const fields: FieldErrors = { ...(state?.fields ?? {}) };
    let found: Awaited<ReturnType<typeof dataRequests.findPersonWithTypes>> = { rows: [], types: [] };
    if (r.kind === 'access' && q) {
      if (q.length < 2 || q.length > 200) {
        fields.q = req.t('Search for between 2 and 200 characters');
        reply.status(422);
      } else found = await dataRequests.findPersonWithTypes(req.actor!, q);
    }
    const typeName = caseTypeNamer(req.t, found.types);
    const done = doneOf(req);
    const shown = present(req, r);
    const chosen = new Set(state ? (values.partyId ?? '').split(',') : []);
    return reply.page('dataprotection/views/request.njk', {
      pageTitle: req.t('Request {reference}', { reference: r.reference }),
      // i18n-dynamic: the msg() literals of DONE above
      done: DONE[done] ? req.t(DONE[done] as string) : undefined,
      request: shown,
      summaryRows: summaryRows(req, shown),
      q,
      people: found.rows.map((p) => ({
        ...p,
        caseType: typeName(p.caseType),
        // i18n-dynamic: the msg() labels of the domain's word lists
        role: PARTY_ROLE_LABELS[p.role as PartyRole] ? req.t(PARTY_ROLE_LABELS[p.role as PartyRole]) : p.role,
        // i18n-dynamic: the msg() labels of the domain's word lists
        status: STATUS_LABELS[p.status as CaseStatus] ? req.t(STATUS_LABELS[p.status as CaseStatus]) : p.status,
        checked: chosen.has(p.partyId),
      })),
      values,
      fields,
      reasonItems: ERASURE_REFUSAL_REASONS.map((k) => ({ value: k, text: req.t(REFUSAL_REASON_LABELS[k]), checked: values.refusalReason === k })),
      errors: Object.keys(fields).length ? errorList(fields, ['q', 'partyId', 'reason', 'action', 'outcome', 'refusalReason']) : undefined,
    });
  }

  app.get('/data-protection/requests/:dataRequestId', view, (req, reply) => requestPage(req, reply));

  app.post('/data-protection/requests/:dataRequestId', view, async (req, reply) => {
    const id = requestId(req);
    const body = asBody(req.body);
    const parsed = parseForm(ZRequestUpdate, requestUpdateInput(body), req.locale);
    if (!parsed.ok) return requestPage(req, reply.status(422), { values: keepValues(body), fields: parsed.fields });
    const done = await attempt(reply, () => dataRequests.update(req.actor!, id, parsed.data));
    if (!done.ok) return requestPage(req, reply, { values: keepValues(body), fields: done.fields });
    return reply.redirect(`/data-protection/requests/${id}?done=${parsed.data.action}`, 303);
  });

  /** The person's data as a ZIP, from the party records ticked in the search results. */
  app.post('/data-protection/requests/:dataRequestId/archive', view, async (req, reply) => {
    const id = requestId(req);
    const body = asBody(req.body);
    const partyIds = listOf(body, 'partyId').filter((p) => z.string().uuid().safeParse(p).success);
    const made = await attempt(reply, () => subjectAccess.archive(req.actor!, id, partyIds, req.locale));
    if (!made.ok) return requestPage(req, reply, { values: { q: textOf(body, 'q'), partyId: partyIds.join(',') }, fields: made.fields });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${made.value.filename}"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(made.value.bytes));
  });
}
