// The staff home: the work queues for the signed-in person's role, each with what it holds now.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise, can } from '#src/access/permissions.ts';
import { ACTIVE_STATUSES, caseTypeNamer } from '#src/domain/case-words.ts';
import { myTasksPart, openSafeguardingPart, searchCases } from '#src/features/cases/case-reads.ts';
import { membersPart, openInvitationsPart } from '#src/features/people/people-reads.ts';
import { listReferrals, newEnquiriesPart, newReferralsPart } from '#src/features/referrals/referral-reads.ts';
import { caseScope } from '#src/access/access.ts';
import { seesStaffVolunteerQueues, volunteerAlertQueues, volunteerQueueParts } from '#src/features/volunteers/volunteer-alerts.ts';
import { seesSendDeadlines, sendDeadlinePart, sendDeadlineQueue } from '#src/features/send/send-alerts.ts';
import { seesVictimsCodeQueue, victimsCodePart, victimsCodeQueue } from '#src/features/rj/victims-code-alerts.ts';
import { meetingRequestsPart, meetingRequestsQueue } from '#src/features/meetings/requests/requests-queue.ts';
import type { Queue } from '#src/http/home-queue.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import { anyVolunteerPart } from '#src/features/volunteers/volunteer-reads.ts';
import { anyVenuePart } from '#src/features/meetings/meeting-reads.ts';
import { partsReader } from '#src/db/read-in-one.ts';
import { hasPostcodes } from '#src/features/postcodes/postcode-lookup.ts';
import { findOrgById, listCaseTypes } from '#src/features/orgs/org-records.ts';
import { readSettings, type ServiceSettings } from '#src/features/settings/settings.schemas.ts';
import { readVolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import { gettingStarted } from './getting-started.ts';
import { roleNeedsTwoFactor } from '#src/features/auth/two-factor-policy.ts';
import { dayInWords } from '#src/domain/dates-in-words.ts';

const SHOWN = 10;
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'Europe/London' });
const shortDate = (d: Date | string) => DAY_MONTH.format(new Date(typeof d === 'string' ? `${d}T12:00:00Z` : d));

/** "Overdue: due 3 March", "Due today", "Due 5 April". */
export function taskDueHint(dueOn: string, today: string, t: Translate): string {
  if (dueOn < today) return t('Overdue: due {date}', { date: shortDate(dueOn) });
  if (dueOn === today) return t('Due today');
  return t('Due {date}', { date: shortDate(dueOn) });
}

/** "Received today", "Received 1 day ago", "Received 3 days ago". */
export function ageHint(createdAt: Date, now: Date, t: Translate): string {
  const days = Math.floor((now.getTime() - createdAt.getTime()) / 86_400_000);
  return days <= 0 ? t('Received today') : t('{days, plural, one {Received # day ago} other {Received # days ago}}', { days });
}

/**
 * The home's short reads, in one statement (db/read-in-one.ts): each queue's rows and the service's members, read by
 * the feature that owns them, and whether the service has a venue and a volunteer yet. Only the parts the reader's
 * role sees are read; the reader's own cases, whose search has shapes of its own, are read on their own.
 */
export const homeParts = {
  safeguarding: openSafeguardingPart,
  referrals: newReferralsPart(SHOWN),
  enquiries: newEnquiriesPart,
  requests: meetingRequestsPart,
  tasks: myTasksPart,
  members: membersPart,
  invitations: openInvitationsPart,
  venue: anyVenuePart,
  volunteer: anyVolunteerPart,
  ...volunteerQueueParts,
  send: sendDeadlinePart,
  victimsCode: victimsCodePart,
};
const homeReads = partsReader('home_parts', homeParts);
type Parts = Parameters<typeof homeReads>[1][number];
type HomeRead = Awaited<ReturnType<typeof homeReads>>;

/** The parts the home reads for this person: those of the queues their role sees. */
function partsFor(actor: OrgActor, settings: ServiceSettings): Parts[] {
  const parts: [Parts, boolean][] = [
    ['safeguarding', can(actor.role, 'safeguarding.manage')],
    ['referrals', can(actor.role, 'referrals.triage')],
    ['enquiries', can(actor.role, 'referrals.triage')],
    ['requests', can(actor.role, 'meetings.book')],
    ['tasks', can(actor.role, 'cases.view')],
    ['members', managesPeople(actor)],
    ['invitations', managesPeople(actor)],
    ['venue', showsChecklist(actor, settings)],
    ['volunteer', showsChecklist(actor, settings)],
    ['dbs', seesStaffVolunteerQueues(actor)],
    ['accreditations', seesStaffVolunteerQueues(actor)],
    ['send', seesSendDeadlines(actor)],
    ['victimsCode', seesVictimsCodeQueue(actor)],
  ];
  return parts.filter(([, shown]) => shown).map(([part]) => part);
}

/** Those who see the people queues or the checklist, both made from the members and the invitations. */
const managesPeople = (actor: OrgActor) => can(actor.role, 'people.manage') || can(actor.role, 'settings.manage');

/** Whether an admin's getting-started checklist may show: it is theirs to see and they have not dismissed it. */
const showsChecklist = (actor: OrgActor, settings: ServiceSettings) => can(actor.role, 'settings.manage') && !settings.gettingStartedDismissed;

export function createHomeService({ db, clock }: { db: Db; clock: Clock }) {
  async function caseQueues(tx: Db, actor: OrgActor, today: string, t: Translate, read: HomeRead): Promise<Queue[]> {
    // Staff see the cases they coordinate; mediators the cases they are assigned to now.
    const scope = await caseScope(tx, actor);
    const assigned = scope.all || actor.type !== 'user' ? undefined : scope.ids;
    // One statement after another: a transaction's connection runs one at a time (pg warns when two are asked at once).
    const mine =
      actor.type === 'user'
        ? await searchCases(tx, {
            orgId: actor.orgId,
            ...(assigned ? { onlyCaseIds: assigned } : { coordinatorId: actor.id }),
            status: [...ACTIVE_STATUSES, 'on_hold'],
            today,
            sort: 'opened_desc',
            limit: SHOWN,
            offset: 0,
          })
        : { rows: [], hasMore: false };
    const tasks = read.tasks ?? [];
    return [
      {
        id: 'my-cases',
        title: t('Your cases'),
        empty: t('Cases you are assigned to, as coordinator or as one of the mediators, will appear here.'),
        items: mine.rows.map((c) => ({
          text: c.partyNames.length ? `${c.reference}: ${c.partyNames.join(', ')}` : c.reference,
          href: `/cases/${c.id}`,
          tag: c.urgent ? { text: t('Urgent'), classes: 'govuk-tag--red' } : undefined,
        })),
        more: mine.hasMore && actor.type === 'user' ? { href: !scope.all ? '/cases' : `/cases?coordinator=${actor.id}`, text: t('All your cases') } : undefined,
      },
      {
        id: 'my-tasks',
        title: t('My tasks'),
        empty: t('Tasks assigned to you on cases will appear here, overdue and due soonest first.'),
        items: tasks.slice(0, SHOWN).map((task) => ({
          text: `${task.title} (${task.reference})`,
          href: `/cases/${task.caseId}/tasks`,
          hint: taskDueHint(task.dueOn, today, t),
          tag: task.dueOn < today ? { text: t('Overdue'), classes: 'govuk-tag--red' } : undefined,
        })),
        count: tasks.length,
      },
    ];
  }

  async function triageQueues(tx: Db, actor: OrgActor, now: Date, t: Translate, read: HomeRead): Promise<Queue[]> {
    const referrals = await listReferrals(tx, actor.orgId, { status: 'new', limit: SHOWN, offset: 0 }, read.referrals);
    const enquiries = read.enquiries ?? [];
    const typeName = caseTypeNamer(t, referrals.rows.length ? await listCaseTypes(tx, actor.orgId) : []);
    return [
      {
        id: 'new-referrals',
        title: t('New referrals'),
        empty: t('Referrals from the public, from professionals and through the API appear here until they are triaged.'),
        items: referrals.rows.map((r) => ({
          text: `${r.reference}: ${typeName(r.caseType)}`,
          href: `/referrals/${r.id}`,
          hint: ageHint(r.createdAt, now, t),
          tag: r.urgent ? { text: t('Urgent'), classes: 'govuk-tag--red' } : undefined,
        })),
        count: referrals.total,
        more: referrals.total > referrals.rows.length ? { href: '/referrals', text: t('All new referrals') } : undefined,
      },
      {
        id: 'new-enquiries',
        title: t('New enquiries'),
        empty: t('Enquiries sent through the service’s contact form appear here until they are answered.'),
        items: enquiries.slice(0, SHOWN).map((e) => ({ text: e.name, href: `/enquiries#enquiry-${e.id}`, hint: ageHint(e.createdAt, now, t) })),
        count: enquiries.length,
        more: enquiries.length > SHOWN ? { href: '/enquiries', text: t('All new enquiries') } : undefined,
      },
    ];
  }

  /** The service's stored settings: the ones the request's session read with it, when given. */
  async function storedSettingsOf(tx: Db, actor: OrgActor, storedSettings: unknown) {
    const settings = storedSettings !== undefined ? storedSettings : (await findOrgById(tx, actor.orgId))?.settings;
    return (settings ?? {}) as Record<string, unknown>;
  }

  /** An admin's getting-started checklist, while anything on it is to do and it has not been dismissed. */
  async function checklist(tx: Db, actor: OrgActor, stored: Record<string, unknown>, settings: ServiceSettings, read: HomeRead) {
    if (!showsChecklist(actor, settings)) return undefined;
    const members = read.members ?? [];
    const invitations = read.invitations ?? [];
    // Whether there is any venue or volunteer, not the lists; the postcode lookup only matters for local authorities.
    const venues = read.venue ? 1 : 0;
    const volunteers = read.volunteer ? 1 : 0;
    const postcodeLookupLoaded = settings.areas.localAuthorities.length > 0 && (await hasPostcodes(tx));
    const items = gettingStarted({
      storedSettings: stored,
      postcodePrefixes: settings.areas.postcodePrefixes.length,
      localAuthorities: settings.areas.localAuthorities.length,
      postcodeLookupLoaded,
      operator: actor.operator === true,
      welcome: settings.welcome,
      privacyNotice: settings.privacyNotice,
      roles: [...members.filter((m) => m.status === 'active').map((m) => m.role), ...invitations.map((i) => i.role)],
      venues,
      volunteers,
    });
    return items.every((i) => i.done) ? undefined : { items, done: items.filter((i) => i.done).length };
  }

  /** Invitations and sign-in problems, for those who manage the service's people. */
  function peopleQueues(actor: OrgActor, orgSettings: Record<string, unknown>, t: Translate, read: HomeRead): Queue[] {
    if (!can(actor.role, 'people.manage')) return [];
    const members = read.members ?? [];
    const invitations = read.invitations ?? [];
    // Only those whose role the service asks for a second factor (the demo asks no one).
    return [
      {
        id: 'invitations',
        title: t('Invitations waiting to be accepted'),
        empty: t('When you invite colleagues, their invitations appear here until they accept.'),
        items: invitations.map((i) => ({
          text: `${i.name} (${i.email})`,
          hint: t('Expires {date}', { date: dayInWords(i.expiresAt) }),
          href: '/people',
        })),
      },
      {
        id: 'sign-in-problems',
        title: t('Sign-in problems'),
        empty: t('People who are locked out after failed sign-ins, or who have not set up two-factor sign-in, will appear here.'),
        items: members
          .filter((m) => m.status === 'active' && (m.isLocked || (!m.hasTwoFactor && roleNeedsTwoFactor(m.role, orgSettings))))
          .map((m) => ({
            text: m.name,
            hint: m.isLocked ? t('Sign-in paused after failed attempts') : t('Has not set up two-factor sign-in'),
            href: '/people',
          })),
      },
    ];
  }

  return {
    /**
     * The home page: the queues, in the words of `t` (the reader's language), and an admin's getting-started checklist.
     * One transaction; the queues' short reads in one statement, the service's people among them, read once for the
     * checklist and the people queues both. `storedSettings` are the service's settings as the request's session read
     * them; without them they are read here.
     */
    async pageFor(actor: OrgActor, t: Translate, storedSettings?: unknown): Promise<{ queues: Queue[]; checklist: Awaited<ReturnType<typeof checklist>> }> {
      authorise(actor, 'home.view');
      const now = clock.now();
      const today = now.toISOString().slice(0, 10);
      return inOrg(db, actor.orgId, async (tx) => {
        const stored = await storedSettingsOf(tx, actor, storedSettings);
        const settings = readSettings(stored);
        const read = await homeReads(tx, partsFor(actor, settings), { orgId: actor.orgId, userId: actor.id, now: now.toISOString(), today });
        const queues: Queue[] = [];
        if (can(actor.role, 'safeguarding.manage')) {
          // References and dates only: what was disclosed is read on the safeguarding page, where reading is audited.
          const open = read.safeguarding ?? [];
          queues.push({
            id: 'safeguarding',
            title: t('Safeguarding disclosures waiting for a decision'),
            empty: t('Disclosures of risk of serious harm recorded on cases appear here until a decision is recorded.'),
            items: open.slice(0, SHOWN).map((r) => ({
              text: `${r.reference}: disclosure recorded ${shortDate(r.record.createdAt)}`,
              href: `/safeguarding#record-${r.record.id}`,
              tag: { text: t('Decision needed'), classes: 'govuk-tag--red' },
            })),
            count: open.length,
            more: open.length > SHOWN ? { href: '/safeguarding', text: t('All disclosures') } : undefined,
          });
        }
        if (can(actor.role, 'referrals.triage')) queues.push(...(await triageQueues(tx, actor, now, t, read)));
        if (can(actor.role, 'meetings.book')) queues.push(await meetingRequestsQueue(tx, actor.orgId, now, t, read.requests));
        if (can(actor.role, 'cases.view')) queues.push(...(await caseQueues(tx, actor, today, t, read)));
        else
          queues.push({
            id: 'my-cases',
            title: t('Your cases'),
            empty: t('Cases you are assigned to, as coordinator or as one of the mediators, will appear here.'),
            items: [],
          });
        // DBS rechecks and practice checks: for coordinators and admins, and a volunteer's own reminders.
        queues.push(...(await volunteerAlertQueues(tx, actor, today, t, readVolunteerPolicy(stored), read)));
        queues.push(...(await sendDeadlineQueue(tx, actor, today, t, read.send)));
        queues.push(...(await victimsCodeQueue(tx, actor, today, t, read.victimsCode)));
        queues.push(...peopleQueues(actor, stored, t, read));
        return { queues, checklist: await checklist(tx, actor, stored, settings, read) };
      });
    },
  };
}
