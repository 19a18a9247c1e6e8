// The calendar pages: the service's calendar (/calendar, for coordinators, admins and supervisors) and a
// volunteer's own (/my/calendar). Both take ?view=week|month&date=YYYY-MM-DD and the filters as a plain GET form,
// so they work without JavaScript; the week is a list per day, the month a table of weeks.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { translator } from '#src/i18n/i18n.ts';
import { calendarModel } from './calendar.present.ts';
import { ZCalendarQuery } from './calendar.schemas.ts';

const t = translator('en');

export function registerCalendarPages(app: FastifyInstance, deps: Pick<Deps, 'calendar'>) {
  app.get('/calendar', async (req, reply) => {
    const q = ZCalendarQuery.parse(req.query ?? {});
    const cal = await deps.calendar.service(req.actor!, q);
    return reply.page('meetings/calendar/views/calendar.njk', {
      pageTitle: t('Calendar'),
      mine: false,
      canSeeVenues: can(req.actor!.role, 'venues.view'),
      ...calendarModel(cal, q, '/calendar'),
    });
  });

  app.get('/my/calendar', async (req, reply) => {
    const q = ZCalendarQuery.parse(req.query ?? {});
    const cal = await deps.calendar.mine(req.actor!, { ...q, volunteerId: undefined });
    return reply.page('meetings/calendar/views/calendar.njk', {
      pageTitle: t('My calendar'),
      mine: true,
      canSeeVenues: can(req.actor!.role, 'venues.view'),
      ...calendarModel(cal, { ...q, volunteerId: undefined }, '/my/calendar'),
    });
  });
}
