// The private calendar feed: the volunteer's page to make, replace or turn off their link (/my/calendar/feed), the
// coordinators' page to turn off a volunteer's link (/volunteers/:volunteerId/calendar-feed), and the public feed
// itself (GET /calendar/:token.ics, no sign-in, listed in http/access.ts). An unknown, turned-off or malformed token
// all get the same plain 404, so the answer says nothing about which links exist. Also registers the API twin.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import { registerFeedApi } from './feed.api.ts';
import { doneOf, textParam } from '#src/http/page-input.ts';

const t = translator('en');
const FEED_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

const DONE: Record<string, string> = {
  off: msg('Your calendar link is turned off. Calendars that used it will stop showing your meetings the next time they check.'),
  revoked: msg('Their calendar link is turned off.'),
  none: msg('There was no calendar link to turn off.'),
};
const flashOf = (req: FastifyRequest) => DONE[doneOf(req)];

export function registerFeedRoutes(app: FastifyInstance, deps: Pick<Deps, 'calendarFeeds'>) {
  app.get('/my/calendar/feed', async (req, reply) => {
    const status = await deps.calendarFeeds.mine(req.actor!);
    return reply.page('meetings/feeds/views/calendar-feed.njk', {
      pageTitle: t('Your meetings in Outlook or Google Calendar'),
      feed: status.feed,
      flash: flashOf(req),
    });
  });

  // The new link is shown on the page this answers with, once: it is not kept anywhere it could be shown again.
  app.post('/my/calendar/feed', async (req, reply) => {
    const made = await deps.calendarFeeds.createMine(req.actor!);
    return reply.header('cache-control', 'no-store').page('meetings/feeds/views/calendar-feed.njk', {
      pageTitle: t('Your calendar link'),
      created: { url: made.url },
      feed: { createdAt: made.createdAt, lastUsedAt: null },
    });
  });

  app.post('/my/calendar/feed/off', async (req, reply) => {
    const done = await deps.calendarFeeds.turnOffMine(req.actor!);
    return reply.redirect(`/my/calendar/feed?done=${done.revoked ? 'off' : 'none'}`, 303);
  });

  app.get('/volunteers/:volunteerId/calendar-feed', async (req, reply) => {
    const status = await deps.calendarFeeds.ofVolunteer(req.actor!, textParam(req, 'volunteerId'));
    return reply.page('meetings/feeds/views/volunteer-calendar-feed.njk', {
      pageTitle: t('Calendar link of {name}', { name: status.volunteer.name }),
      volunteer: status.volunteer,
      feed: status.feed,
      flash: flashOf(req),
    });
  });

  app.post('/volunteers/:volunteerId/calendar-feed/revoke', async (req, reply) => {
    const volunteerId = textParam(req, 'volunteerId');
    const done = await deps.calendarFeeds.revokeFor(req.actor!, volunteerId);
    return reply.redirect(`/volunteers/${volunteerId}/calendar-feed?done=${done.revoked ? 'revoked' : 'none'}`, 303);
  });

  app.get('/calendar/:token.ics', { config: FEED_LIMIT }, async (req, reply) => {
    const token = textParam(req, 'token');
    const ics = await deps.calendarFeeds.read(token, { ip: req.ip, requestId: req.id });
    reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
    if (ics === undefined) return reply.status(404).type('text/plain; charset=utf-8').send('Not found\n');
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="parley-meetings.ics"').send(ics);
  });

  registerFeedApi(app, deps);
}
