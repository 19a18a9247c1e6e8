// Rendering the pages of one volunteer record (details, status), shared by the page routes and the forms that
// show a page again with their problems.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { dateParts } from '#src/http/page-form.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { todayOf } from '../calendar.ts';
import { connectionRows, recordModel, statusModel, volunteerHeading } from './volunteer-pages.present.ts';
import { CONNECTION_KIND_LABELS, CONNECTION_KINDS } from './volunteers.schemas.ts';
import { doneOf, uuidParam } from '#src/http/page-input.ts';

const t = translator('en');

/** What a form did, shown after the redirect back. Keys only: nothing typed travels in the URL. */
export const DONE: Record<string, string> = {
  created: msg('Volunteer added.'),
  fromApplication: msg('Volunteer record created from their application. The application is marked as accepted.'),
  saved: msg('Details saved.'),
  status: msg('Status changed.'),
  supervisor: msg('Supervisor changed.'),
  connection: msg('Connection declared.'),
  connectionRemoved: msg('Connection removed.'),
  linked: msg('Their record is now linked to their sign-in.'),
  availability: msg('Weekly availability saved.'),
  away: msg('Time away added.'),
  awayRemoved: msg('Time away removed.'),
};

const NOT_FOUND: Record<string, string> = {
  volunteerId: 'That volunteer was not found',
  connectionId: 'That connection was not found',
  periodId: 'That time away was not found',
  applicationId: 'That application was not found',
};

/** A uuid route parameter, or 404. */
export function idParam(req: FastifyRequest, name: 'volunteerId' | 'connectionId' | 'periodId' | 'applicationId' = 'volunteerId') {
  return uuidParam(req, name, NOT_FOUND[name]!);
}

export const doneMessage = (req: FastifyRequest) => {
  const done = doneOf(req);
  return done ? DONE[done] : undefined;
};

export type PageExtra = { values?: Record<string, string>; fields?: FieldErrors; errors?: { text: string; href?: string }[] };

/** The record's details page; with `errors` when a button on it (invite, link) could not be done. */
export async function renderRecord(deps: Pick<Deps, 'volunteers'>, req: FastifyRequest, reply: FastifyReply, extra: PageExtra = {}) {
  const view = await deps.volunteers.view(req.actor!, idParam(req));
  const model = recordModel(view);
  return reply.page('volunteers/records/views/volunteer-record.njk', {
    pageTitle: model.heading.name,
    volunteerId: view.volunteer.id,
    ...model,
    errors: extra.errors,
    flash: extra.errors ? undefined : doneMessage(req),
  });
}

/** The status page: history, the change-status form and the supervisor. */
export async function renderStatus(deps: Pick<Deps, 'clock' | 'volunteers'>, req: FastifyRequest, reply: FastifyReply, extra: PageExtra = {}) {
  const view = await deps.volunteers.view(req.actor!, idParam(req));
  // Only those who change the status choose a supervisor; a volunteer reading their own history sees no form.
  const supervisors = can(req.actor!.role, 'volunteers.manage') ? await deps.volunteers.supervisors(req.actor!) : [];
  const today = dateParts(todayOf(deps.clock));
  const values = extra.values ?? { 'on-day': today.day, 'on-month': today.month, 'on-year': today.year };
  return reply.page('volunteers/records/views/volunteer-status.njk', {
    pageTitle: t('Status of {name}', { name: view.volunteer.name }),
    volunteerId: view.volunteer.id,
    ...statusModel(view, supervisors, values),
    values,
    fields: extra.fields ?? {},
    errors: extra.errors,
    flash: extra.errors ? undefined : doneMessage(req),
  });
}

/** The declared connections page: the list, remove buttons and the form to declare one. */
export async function renderConnections(deps: Pick<Deps, 'volunteers'>, req: FastifyRequest, reply: FastifyReply, extra: PageExtra = {}) {
  const view = await deps.volunteers.view(req.actor!, idParam(req));
  const values = extra.values ?? {};
  return reply.page('volunteers/records/views/volunteer-connections.njk', {
    pageTitle: t('Declared connections of {name}', { name: view.volunteer.name }),
    volunteerId: view.volunteer.id,
    heading: volunteerHeading(view.volunteer),
    connections: connectionRows(view.volunteer.connections),
    kindItems: CONNECTION_KINDS.map((k) => ({ value: k, text: t(CONNECTION_KIND_LABELS[k]), checked: values.kind === k })),
    values,
    fields: extra.fields ?? {},
    errors: extra.errors,
    flash: extra.errors ? undefined : doneMessage(req),
  });
}
