// Each volunteer's private calendar feed: a link their Outlook or Google calendar subscribes to. The token is 32
// random bytes shown once; only its SHA-256 hash is kept, so a lost link cannot be shown again — a new one is made,
// which turns the old one off. Volunteers make and turn off their own link; coordinators can turn off anyone's.
// The public feed finds the link by its hash (as the system), then reads that volunteer's meetings in their own
// service only. What goes into the feed is decided in feed-events.ts.
import { localeOr, translator } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor, OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { requireMyVolunteer } from '#src/features/volunteers/records/my-volunteer.ts';
import { findVolunteer, getVolunteer, type VolunteerRow } from '#src/features/volunteers/volunteer-reads.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import { feedEvents } from './feed-events.ts';
import { activeCaseIdsOfVolunteer, findActiveFeedOf, findFeedByHash, insertFeed, markFeedUsed, revokeFeedsOf } from './feed.repo.ts';
import { feedIcs } from './ics.ts';
import { listMeetingsBetween } from '../records/meetings.repo.ts';

const DAY_MS = 86_400_000;
/** The feed holds meetings from 30 days ago to a year ahead, and cancellations of the last 30 days. */
const PAST_DAYS = 30;
const AHEAD_DAYS = 366;
/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function createFeedService({ db, clock, audit, baseUrl }: { db: Db; clock: Clock; audit: Audit; baseUrl: string }) {
  const feedUrl = (token: string) => `${baseUrl}/calendar/${token}.ics`;

  async function status(tx: Db, orgId: string, v: VolunteerRow) {
    const feed = await findActiveFeedOf(tx, orgId, v.id);
    return { volunteer: { id: v.id, name: v.name }, feed: feed ? { createdAt: feed.createdAt, lastUsedAt: feed.lastUsedAt } : null };
  }

  async function revoke(tx: Db, actor: OrgActor, v: VolunteerRow, by: 'self' | 'staff') {
    const revoked = await revokeFeedsOf(tx, actor.orgId, v.id, clock.now());
    if (revoked) await audit.record(tx, actor, actor.orgId, { action: 'calendar_feed.revoked', entityType: 'volunteer', entityId: v.id, detail: { by } });
    return { revoked: revoked > 0 };
  }

  return {
    /** Whether the signed-in volunteer has a link in use, since when, and when a calendar last read it. */
    async mine(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => status(tx, actor.orgId, await requireMyVolunteer(tx, actor)));
    },

    /** A new link for the signed-in volunteer (turning off the old one): the full address, shown this once. */
    async createMine(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await requireMyVolunteer(tx, actor);
        const now = clock.now();
        const replaced = await revokeFeedsOf(tx, actor.orgId, v.id, now);
        const token = newToken(32);
        const id = newId();
        await insertFeed(tx, { id, orgId: actor.orgId, volunteerId: v.id, tokenHash: hashToken(token), createdAt: now });
        await audit.record(tx, actor, actor.orgId, {
          action: 'calendar_feed.created',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { replaced: replaced > 0 },
        });
        return { url: feedUrl(token), createdAt: now };
      });
    },

    async turnOffMine(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => revoke(tx, actor, await requireMyVolunteer(tx, actor), 'self'));
    },

    /** A volunteer's link, for the coordinators who may turn it off. */
    async ofVolunteer(actor: OrgActor, volunteerId: string) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => status(tx, actor.orgId, await getVolunteer(tx, actor.orgId, volunteerId)));
    },

    async revokeFor(actor: OrgActor, volunteerId: string) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => revoke(tx, actor, await getVolunteer(tx, actor.orgId, volunteerId), 'staff'));
    },

    /**
     * The feed behind a token, as iCalendar text; undefined for a token that is unknown, turned off, or whose
     * volunteer has left (the caller answers all of them the same way). A read is recorded at most once a minute.
     */
    async read(token: string, who: Pick<Actor, 'ip' | 'requestId'> = {}): Promise<string | undefined> {
      if (!TOKEN.test(token)) return undefined;
      const feed = await asSystem(db, (tx) => findFeedByHash(tx, hashToken(token)));
      if (!feed || feed.revokedAt) return undefined;
      return inOrg(db, feed.orgId, async (tx) => {
        const v = await findVolunteer(tx, feed.orgId, feed.volunteerId);
        if (!v || v.status === 'left') return undefined;
        const now = clock.now();
        if (await markFeedUsed(tx, feed.orgId, feed.id, now))
          await audit.record(tx, { type: 'anonymous', label: 'Calendar feed', ...who }, feed.orgId, {
            action: 'calendar_feed.read',
            entityType: 'volunteer',
            entityId: v.id,
          });
        const since = new Date(now.getTime() - PAST_DAYS * DAY_MS);
        const meetings = await listMeetingsBetween(tx, feed.orgId, since, new Date(now.getTime() + AHEAD_DAYS * DAY_MS), { volunteerId: v.id });
        // A volunteer taken off a case keeps its past meetings; its coming ones leave their calendar as cancelled.
        const onCase = await activeCaseIdsOfVolunteer(tx, feed.orgId, v.id);
        const shown = meetings
          .filter((m) => m.status !== 'cancelled' || m.updatedAt >= since)
          .map((m) => (m.status === 'booked' && m.startsAt >= now && !onCase.has(m.caseId) ? { ...m, status: 'cancelled' } : m));
        const org = await findOrgById(tx, feed.orgId);
        // In the volunteer's preferred language.
        const locale = localeOr(v.preferredLanguage);
        const t = translator(locale);
        return feedIcs(t('{service}: meetings', { service: org?.name ?? 'Parley' }), feedEvents(shown, baseUrl, locale));
      });
    },
  };
}
export type FeedService = ReturnType<typeof createFeedService>;
