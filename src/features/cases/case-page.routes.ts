// The pages of one case, under MOJ sub navigation: overview (and moving the case), people (consent, contact),
// timeline (notes), tasks, and a party's intake record. Every view is audited by the case service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { CasePagesService } from './case-pages.service.ts';
import { type CaseTab, caseHeader, intakeModel, overviewModel, peopleModel, tasksModel, timelineModel } from './case-pages.present.ts';
import { EVENT_KINDS, type EventKind } from './timeline.repo.ts';
import { doneOf, queryOf, uuidParam } from '#src/http/page-input.ts';
import { z } from 'zod';

/** What a form did, shown after the redirect back to the page. Keys only: nothing typed travels in the URL. */
const DONE: Record<string, string> = {
  accepted: msg('Referral accepted. This is the new case.'),
  linked: msg('Referral linked to this case.'),
  moved: msg('The case has moved.'),
  pathway: msg('How the case is worked has changed.'),
  consent: msg('Consent recorded.'),
  partyWithdrew:
    'Consent withdrawn: that person no longer takes part. Decide whether the case goes on with the other parties (group mediation), or move it to on hold or withdrawn.',
  contact: msg('Contact attempt recorded.'),
  partyAdded: msg('Person added to the case.'),
  partyChanged: msg('Details saved.'),
  lettersWithdrawn: msg('Details saved. Their letters still to post have been withdrawn, so none will be posted to them.'),
  partyRemoved: msg('Person removed from the case.'),
  note: msg('Note added.'),
  disclosure: msg('Note added. The safeguarding lead has been told about the disclosure.'),
  intake: msg('Intake record saved.'),
  task: msg('Task added.'),
  taskDone: msg('Task marked as done.'),
};

const NOT_FOUND: Record<string, string> = {
  id: 'That case was not found',
  partyId: 'That person was not found on this case',
  taskId: 'That task was not found',
  recordId: 'That safeguarding record was not found',
};

/** A uuid route parameter (the case, a party, a task, a safeguarding record), or 404. */
export function caseIdParam(req: FastifyRequest, name: 'id' | 'partyId' | 'taskId' | 'recordId' = 'id') {
  return uuidParam(req, name, NOT_FOUND[name]!);
}

export const today = (deps: Pick<Deps, 'clock'>) => deps.clock.now().toISOString().slice(0, 10);

export type TabExtra = { values?: Record<string, string>; fields?: Record<string, string>; errors?: { text: string; href?: string }[]; flash?: string };

const TEMPLATES: Record<CaseTab, string> = {
  overview: 'cases/views/case-overview.njk',
  people: 'cases/views/case-people.njk',
  timeline: 'cases/views/case-timeline.njk',
  tasks: 'cases/views/case-tasks.njk',
};

/** `?kind=…` (repeated): the kinds of event the timeline shows; unknown ones are left out. */
const ZTimelineQuery = z.object({
  kind: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .catch(undefined),
});

/** Renders one tab of the case, with what was typed and the errors when a form on it was not accepted. */
export async function renderCaseTab(
  deps: Pick<Deps, 'clock'>,
  pages: CasePagesService,
  req: FastifyRequest,
  reply: FastifyReply,
  tab: CaseTab,
  extra: TabExtra = {},
) {
  const caseId = caseIdParam(req);
  const kinds = tab === 'timeline' ? [queryOf(req, ZTimelineQuery).kind ?? []].flat().filter((k): k is EventKind => EVENT_KINDS.includes(k as EventKind)) : [];
  const view = await pages.casePage(req.actor!, caseId, { kinds });
  const header = caseHeader(req.t, view, tab);
  const values = extra.values ?? {};
  const model =
    tab === 'overview'
      ? overviewModel(req.t, view, today(deps), values)
      : tab === 'people'
        ? peopleModel(req.t, view, values)
        : tab === 'timeline'
          ? timelineModel(req.t, view, kinds, values)
          : tasksModel(view, today(deps), values);
  const done = doneOf(req);
  return reply.page(TEMPLATES[tab], {
    pageTitle: `${header.reference} – ${tab === 'overview' ? req.t('Overview') : tab === 'people' ? req.t('People') : tab === 'timeline' ? req.t('Timeline') : req.t('Tasks')}`,
    header,
    ...model,
    fields: extra.fields ?? {},
    errors: extra.errors,
    flash: extra.flash ?? (done ? DONE[done] : undefined),
  });
}

export async function renderIntake(
  pages: CasePagesService,
  req: FastifyRequest,
  reply: FastifyReply,
  extra: { values?: Record<string, string>; fields?: Record<string, string>; errors?: { text: string; href?: string }[] } = {},
) {
  const caseId = caseIdParam(req);
  const partyId = caseIdParam(req, 'partyId');
  const view = await pages.casePage(req.actor!, caseId);
  const model = intakeModel(req.t, view, partyId, extra.values);
  if (!model) throw new AppError('NOT_FOUND', msg('That person was not found on this case'));
  const header = caseHeader(req.t, view, 'people');
  return reply.page('cases/views/case-intake.njk', {
    pageTitle: `${header.reference} – ${req.t('Intake record for {name}', { name: model.party.name })}`,
    header,
    ...model,
    fields: extra.fields ?? {},
    errors: extra.errors,
  });
}

export function registerCasePageRoutes(app: FastifyInstance, deps: Pick<Deps, 'clock'>, pages: CasePagesService) {
  app.get('/cases/:id', (req, reply) => renderCaseTab(deps, pages, req, reply, 'overview'));
  app.get('/cases/:id/people', (req, reply) => renderCaseTab(deps, pages, req, reply, 'people'));
  app.get('/cases/:id/timeline', (req, reply) => renderCaseTab(deps, pages, req, reply, 'timeline'));
  app.get('/cases/:id/tasks', (req, reply) => renderCaseTab(deps, pages, req, reply, 'tasks'));
  app.get('/cases/:id/people/:partyId/intake', (req, reply) => renderIntake(pages, req, reply));
}
