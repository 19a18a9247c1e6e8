// The staff case pages: the case list (filter, sort, search, pages); the case itself, its forms and the
// safeguarding pages are registered from their own files.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { zodFields } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { CASE_STATUSES, type CaseStatus, caseTypeName, STATUS_LABELS } from '#src/domain/case-words.ts';
import { STATUS_BADGE_CLASSES } from './case-page-words.ts';
import { registerCaseFormRoutes } from './case-forms.routes.ts';
import { registerCasePageRoutes } from './case-page.routes.ts';
import { registerPartyPages } from './party-pages.routes.ts';
import { registerRecordPages } from './record-pages.routes.ts';
import { createCasePagesService } from './case-pages.service.ts';
import { type CaseQuery, ZCaseQuery } from './cases.schemas.ts';
import { registerSafeguardingPages } from './safeguarding.routes.ts';

/** The query string without blank answers (a form's "any" choices), as ZCaseQuery expects it. */
function withoutBlanks(query: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string' && v.trim() !== '') out[k] = v;
    else if (Array.isArray(v)) {
      const kept = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
      if (kept.length) out[k] = kept;
    }
  }
  return out;
}

/** A /cases link with the given query, dropping blanks. */
function casesHref(query: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const value of [v ?? []].flat()) if (value) params.append(k, value);
  const qs = params.toString();
  return qs ? `/cases?${qs}` : '/cases';
}

type SortKey = NonNullable<CaseQuery['sort']>;

function sortHeader(query: Record<string, string | string[]>, current: SortKey, column: 'reference' | 'status' | 'opened') {
  const ascending: SortKey = column === 'opened' ? 'opened_asc' : column;
  const isCurrent = column === 'opened' ? current.startsWith('opened') : current === column;
  const ariaSort = !isCurrent ? 'none' : current === 'opened_desc' ? 'descending' : 'ascending';
  const next: SortKey = column === 'opened' ? (current === 'opened_desc' ? 'opened_asc' : 'opened_desc') : ascending;
  return { ariaSort, href: casesHref({ ...query, sort: next, page: undefined }) };
}

function listModel(
  req: FastifyRequest,
  raw: Record<string, string | string[]>,
  query: CaseQuery,
  result: Awaited<ReturnType<ReturnType<typeof createCasePagesService>['listPage']>> | undefined,
) {
  const statuses = new Set([query.status ?? []].flat());
  const sort: SortKey = query.sort ?? 'opened_desc';
  const directory = result?.directory ?? { coordinators: [], names: {}, areas: [], types: [] };
  const typeName = (code: string) =>
    caseTypeName(
      req.t,
      directory.types.find((c) => c.code === code),
      code,
    );
  const without = (key: string, value?: string) => {
    const next: Record<string, string | string[] | undefined> = { ...raw, page: undefined };
    const current = raw[key];
    next[key] = value && Array.isArray(current) ? current.filter((v) => v !== value) : undefined;
    return casesHref(next);
  };
  const categories = [
    statuses.size && {
      heading: { text: req.t('Status') },
      items: [...statuses].map((s) => ({ href: without('status', s), text: req.t(STATUS_LABELS[s]) })),
    },
    query.type && { heading: { text: req.t('Case type') }, items: [{ href: without('type'), text: typeName(query.type) }] },
    query.coordinator && {
      heading: { text: req.t('Coordinator') },
      items: [{ href: without('coordinator'), text: directory.names[query.coordinator] ?? req.t('Unknown coordinator') }],
    },
    query.area && { heading: { text: req.t('Area') }, items: [{ href: without('area'), text: query.area }] },
    query.overdue && { heading: { text: req.t('Tasks') }, items: [{ href: without('overdue'), text: req.t('Has overdue tasks') }] },
  ].filter(Boolean);
  const page = result?.page ?? query.page ?? 1;
  return {
    pageTitle: req.t('Cases'),
    q: typeof raw.q === 'string' ? raw.q : '',
    sort,
    selectedFilters: categories.length
      ? { heading: { text: req.t('Selected filters') }, clearLink: { text: req.t('Clear filters'), href: casesHref({ q: query.q }) }, categories }
      : undefined,
    statusItems: CASE_STATUSES.map((s) => ({ value: s, text: req.t(STATUS_LABELS[s]), checked: statuses.has(s) })),
    typeItems: [
      { value: '', text: req.t('Any case type') },
      ...directory.types.map((c) => ({ value: c.code, text: typeName(c.code), selected: query.type === c.code })),
    ],
    coordinatorItems: [
      { value: '', text: req.t('Any coordinator') },
      ...directory.coordinators.map((c) => ({ value: c.id, text: c.name, selected: query.coordinator === c.id })),
    ],
    areaItems: [{ value: '', text: req.t('Any area') }, ...directory.areas.map((a) => ({ value: a, text: a, selected: query.area === a }))],
    overdueChecked: query.overdue === 'yes',
    headers: {
      reference: sortHeader(raw, sort, 'reference'),
      status: sortHeader(raw, sort, 'status'),
      opened: sortHeader(raw, sort, 'opened'),
    },
    cases: (result?.rows ?? []).map((r) => ({
      id: r.id,
      reference: r.reference,
      urgent: r.urgent,
      people: r.partyNames,
      type: typeName(r.caseType),
      status: req.t(STATUS_LABELS[r.status as CaseStatus] ?? r.status),
      statusClass: STATUS_BADGE_CLASSES[r.status as CaseStatus] ?? 'moj-badge--grey',
      openedAt: r.openedAt,
      coordinator: r.coordinatorId ? directory.names[r.coordinatorId] : undefined,
    })),
    pagination: {
      previous: page > 1 ? { href: casesHref({ ...raw, page: String(page - 1) }) } : undefined,
      next: result?.hasMore ? { href: casesHref({ ...raw, page: String(page + 1) }) } : undefined,
    },
    page,
    isFiltered: Boolean(categories.length || query.q),
    canSeeAll: req.actor!.role !== 'mediator',
  };
}

export function registerCasePages(app: FastifyInstance, deps: Pick<Deps, 'caseActivity' | 'cases' | 'clock' | 'db' | 'parties'>) {
  const pages = createCasePagesService(deps);

  app.get('/cases', async (req, reply) => {
    const raw = withoutBlanks(req.query);
    const parsed = ZCaseQuery.safeParse(raw);
    if (!parsed.success) {
      const fields = Object.fromEntries(
        Object.keys(zodFields(parsed.error)).map((k) => [k, k === 'q' ? req.t('Search for 120 characters or fewer') : req.t('Choose a filter from the list')]),
      );
      return reply.status(422).page('cases/views/cases.njk', { ...listModel(req, raw, {}, undefined), fields, errors: errorList(fields, ['q']) });
    }
    const result = await pages.listPage(req.actor!, parsed.data);
    return reply.page('cases/views/cases.njk', listModel(req, raw, parsed.data, result));
  });

  registerCasePageRoutes(app, deps, pages);
  registerCaseFormRoutes(app, deps, pages);
  registerPartyPages(app, deps, pages);
  registerRecordPages(app, pages);
  registerSafeguardingPages(app, deps);
}
