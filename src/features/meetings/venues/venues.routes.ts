// Venue pages, without JavaScript: the list of venues with their rooms (/venues), the venue form (add and change,
// with opening hours as an "opens"/"closes" pair per day and closed dates one a line), the room form, and
// archive/restore buttons. Each form is checked with the service's schema; problems come back with what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { fieldErrorsOf, keepValues, parseForm } from '#src/http/forms.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { AppError, FieldErrors } from '#src/lib/app-error.ts';
import { londonDateOf } from '../calendar/calendar-dates.ts';
import {
  formErrors,
  hoursRows,
  readRoomForm,
  readVenueForm,
  ROOM_FORM_ORDER,
  roomFormValues,
  VENUE_FORM_ORDER,
  venueCard,
  venueFormValues,
} from './venues.present.ts';
import { ZRoomInput, ZVenueInput } from './venues.schemas.ts';
import { doneOf, paramsOf, queryField } from '#src/http/page-input.ts';
import { z } from 'zod';

const DONE: Record<string, string> = {
  added: msg('Venue added.'),
  changed: msg('Venue changed.'),
  archived: msg('Venue archived. It is kept, but meetings can no longer be booked there.'),
  restored: msg('Venue brought back: meetings can be booked there again.'),
  roomAdded: msg('Room added.'),
  roomChanged: msg('Room changed.'),
  roomArchived: msg('Room archived. It is kept, but meetings can no longer be booked in it.'),
  roomRestored: msg('Room brought back: meetings can be booked in it again.'),
};

const ZVenueParams = z.object({ venueId: z.string().max(100).optional(), roomId: z.string().max(100).optional() });
const venueParams = (req: FastifyRequest) => paramsOf(req, ZVenueParams);
type FormState = { values?: Record<string, string>; fields?: FieldErrors };

/** Runs the change and gives the page to go to; or the problems (422/409) to show with the form again. */
async function attempt(reply: FastifyReply, run: () => Promise<string>): Promise<{ next: string } | { fields: FieldErrors }> {
  try {
    return { next: await run() };
  } catch (err) {
    const fields = fieldErrorsOf(err);
    if (!fields) throw err;
    reply.status((err as AppError).status ?? 422);
    return { fields };
  }
}

export function registerVenuePages(app: FastifyInstance, deps: Pick<Deps, 'clock' | 'venues'>) {
  async function renderVenueForm(req: FastifyRequest, reply: FastifyReply, state: FormState = {}) {
    const { venueId } = venueParams(req);
    const venue = await deps.venues.forForm(req.actor!, venueId);
    const stored = venue ? venueFormValues(venue) : { values: {}, unfitDays: [] };
    const fields = state.fields ?? {};
    const errors = formErrors(fields, VENUE_FORM_ORDER);
    return reply.page('meetings/venues/views/venue-form.njk', {
      pageTitle: venue ? req.t('Change {name}', { name: venue.name }) : req.t('Add a venue'),
      venue: venue ? { id: venue.id, name: venue.name, archived: Boolean(venue.archivedAt) } : undefined,
      values: state.values ?? stored.values,
      unfitDays: state.values ? [] : stored.unfitDays,
      hours: hoursRows(),
      fields,
      errors: errors.length ? errors : undefined,
    });
  }

  async function renderRoomForm(req: FastifyRequest, reply: FastifyReply, state: FormState = {}) {
    const { venueId, roomId } = venueParams(req);
    const found = roomId ? await deps.venues.room(req.actor!, venueId!, roomId) : undefined;
    const venue = found?.venue ?? (await deps.venues.forForm(req.actor!, venueId!))!;
    const fields = state.fields ?? {};
    const errors = formErrors(fields, ROOM_FORM_ORDER);
    const values = state.values ?? (found ? roomFormValues(found.room) : { separateWaitingRoom: 'no' });
    return reply.page('meetings/venues/views/venue-room-form.njk', {
      pageTitle: found
        ? req.t('Change {room} at {venue}', { room: found.room.name, venue: venue.name })
        : req.t('Add a room at {venue}', { venue: venue.name }),
      venue: { id: venue.id, name: venue.name },
      room: found ? { id: found.room.id, name: found.room.name, archived: Boolean(found.room.archivedAt) } : undefined,
      values,
      waitingItems: [
        { value: 'yes', text: req.t('Yes'), checked: values.separateWaitingRoom === 'yes' },
        { value: 'no', text: req.t('No'), checked: values.separateWaitingRoom === 'no' },
      ],
      fields,
      errors: errors.length ? errors : undefined,
    });
  }

  app.get('/venues', async (req, reply) => {
    const showArchived = queryField(req, 'archived') === 'show';
    const list = await deps.venues.list(req.actor!, { includeArchived: showArchived });
    const today = londonDateOf(deps.clock.now());
    const cards = list.map((v) => venueCard(v, today));
    return reply.page('meetings/venues/views/venues.njk', {
      pageTitle: req.t('Venues'),
      inUse: cards.filter((c) => !c.archived),
      archived: cards.filter((c) => c.archived),
      showArchived,
      canManage: can(req.actor!.role, 'venues.manage'),
      flash: DONE[doneOf(req)],
    });
  });

  app.get('/venues/new', (req, reply) => renderVenueForm(req, reply));

  app.post('/venues/new', { config: { permission: 'venues.manage' } }, async (req, reply) => {
    const read = readVenueForm(req.body);
    const parsed = parseForm(ZVenueInput, read.input);
    let fields: FieldErrors = { ...(parsed.ok ? {} : parsed.fields), ...read.problems };
    if (parsed.ok && !Object.keys(read.problems).length) {
      const result = await attempt(reply, async () => `/venues?done=added#venue-${(await deps.venues.create(req.actor!, parsed.data)).id}`);
      if ('next' in result) return reply.redirect(result.next, 303);
      fields = result.fields;
    } else reply.status(422);
    return renderVenueForm(req, reply, { values: keepValues(req.body), fields });
  });

  app.get('/venues/:venueId/edit', (req, reply) => renderVenueForm(req, reply));

  app.post('/venues/:venueId/edit', { config: { permission: 'venues.manage' } }, async (req, reply) => {
    const venueId = venueParams(req).venueId!;
    const read = readVenueForm(req.body);
    const parsed = parseForm(ZVenueInput, read.input);
    let fields: FieldErrors = { ...(parsed.ok ? {} : parsed.fields), ...read.problems };
    if (parsed.ok && !Object.keys(read.problems).length) {
      const result = await attempt(reply, async () => {
        await deps.venues.update(req.actor!, venueId, parsed.data);
        return `/venues?done=changed#venue-${venueId}`;
      });
      if ('next' in result) return reply.redirect(result.next, 303);
      fields = result.fields;
    } else reply.status(422);
    return renderVenueForm(req, reply, { values: keepValues(req.body), fields });
  });

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(`/venues/:venueId/${action}`, { config: { permission: 'venues.manage' } }, async (req, reply) => {
      const venueId = venueParams(req).venueId!;
      await deps.venues.update(req.actor!, venueId, { archived });
      return reply.redirect(`/venues?done=${archived ? 'archived' : 'restored'}${archived ? '' : `#venue-${venueId}`}`, 303);
    });

    app.post(`/venues/:venueId/rooms/:roomId/${action}`, { config: { permission: 'venues.manage' } }, async (req, reply) => {
      const { venueId, roomId } = venueParams(req);
      await deps.venues.updateRoom(req.actor!, venueId!, roomId!, { archived });
      return reply.redirect(`/venues?done=${archived ? 'roomArchived' : 'roomRestored'}${archived ? '' : '&archived=show'}#venue-${venueId}`, 303);
    });
  }

  app.get('/venues/:venueId/rooms/new', (req, reply) => renderRoomForm(req, reply));

  app.post('/venues/:venueId/rooms/new', { config: { permission: 'venues.manage' } }, async (req, reply) => {
    const venueId = venueParams(req).venueId!;
    const parsed = parseForm(ZRoomInput, readRoomForm(req.body));
    let fields: FieldErrors = parsed.ok ? {} : parsed.fields;
    if (parsed.ok) {
      const result = await attempt(reply, async () => {
        await deps.venues.addRoom(req.actor!, venueId, parsed.data);
        return `/venues?done=roomAdded#venue-${venueId}`;
      });
      if ('next' in result) return reply.redirect(result.next, 303);
      fields = result.fields;
    } else reply.status(422);
    return renderRoomForm(req, reply, { values: keepValues(req.body), fields });
  });

  app.get('/venues/:venueId/rooms/:roomId/edit', (req, reply) => renderRoomForm(req, reply));

  app.post('/venues/:venueId/rooms/:roomId/edit', { config: { permission: 'venues.manage' } }, async (req, reply) => {
    const { venueId, roomId } = venueParams(req);
    const parsed = parseForm(ZRoomInput, readRoomForm(req.body));
    let fields: FieldErrors = parsed.ok ? {} : parsed.fields;
    if (parsed.ok) {
      const result = await attempt(reply, async () => {
        await deps.venues.updateRoom(req.actor!, venueId!, roomId!, parsed.data);
        return `/venues?done=roomChanged#venue-${venueId}`;
      });
      if ('next' in result) return reply.redirect(result.next, 303);
      fields = result.fields;
    } else reply.status(422);
    return renderRoomForm(req, reply, { values: keepValues(req.body), fields });
  });
}
