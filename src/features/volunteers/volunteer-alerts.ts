// What is due for volunteers: the staff home's "DBS rechecks due" and "Practice checks overdue" queues for
// coordinators and admins, a volunteer's own reminders on their home page, and the "what is due" list on
// /my/training. Warnings follow the service's DBS alert days (60, 30 and 7 by default).
import type { Db } from '#src/db/client.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { can } from '#src/access/permissions.ts';
import type { Queue, QueueItem } from '#src/http/home-queue.ts';
import { listVolunteersWithLatestDbs, volunteersWithLatestDbsPart } from './dbs/dbs.repo.ts';
import { type DbsStanding, dbsStanding } from './dbs/dbs-status.ts';
import { type PracticeCheck, practiceChecks } from './training/practice-checks.ts';
import { currentRjAccreditationsPart, listCurrentRjAccreditations, listTrainingRecordsFor } from './training/training.repo.ts';
import type { PartValue } from '#src/db/read-in-one.ts';
import { volunteerPolicyOf } from './records/my-volunteer.ts';
import type { TrainingSummary } from './training/training.service.ts';
import type { VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import { caseSessions } from '#src/features/cases/case-reads.ts';
import { unsignedSupervisedCasesOf } from './assignments/assignments.repo.ts';
import { volunteerIdsSupervisedBy } from './records/volunteers.repo.ts';

const SHOWN = 10;
const red = (text: string) => ({ text, classes: 'govuk-tag--red' });

/** Whether a volunteer's standing belongs in the recheck queue: a warning is due, or they cannot be assigned. */
export function needsDbsAttention(status: string, s: DbsStanding): boolean {
  if (s.alertDays !== null) return true;
  return (s.state === 'overdue' || s.state === 'missing') && (status === 'trainee' || status === 'accredited');
}

export function dbsTag(s: DbsStanding, t: Translate): QueueItem['tag'] {
  if (s.needsReview) return red(t('Review'));
  if (s.state === 'missing') return red(t('Missing'));
  if (s.state === 'overdue') return red(t('Overdue'));
  if (s.alertDays === null) return undefined;
  return {
    text: t('Within {days} days', { days: s.alertDays }),
    classes: s.alertDays <= 7 ? 'govuk-tag--red' : s.alertDays <= 30 ? 'govuk-tag--orange' : 'govuk-tag--yellow',
  };
}

/** Soonest first; no check at all counts as most urgent. */
const urgency = (s: DbsStanding) => s.daysLeft ?? Number.NEGATIVE_INFINITY;

/** What the staff queues read, when the home read it with its other parts (volunteerQueueParts). */
export type VolunteerQueueRows = { dbs: PartValue<typeof volunteersWithLatestDbsPart>; accreditations: PartValue<typeof currentRjAccreditationsPart> };

/**
 * The reads of the staff queues (placeholders orgId and today), for the home to read with its other parts in one
 * statement when `actor` sees them (seesStaffVolunteerQueues); given back to volunteerAlertQueues as `read`.
 */
export const volunteerQueueParts = { dbs: volunteersWithLatestDbsPart, accreditations: currentRjAccreditationsPart };
export const seesStaffVolunteerQueues = (actor: OrgActor) => can(actor.role, 'volunteers.manage') && !(actor.role === 'supervisor' && actor.type === 'user');

async function dbsQueueItems(tx: Db, orgId: string, policy: VolunteerPolicy, today: string, userId?: string, read?: VolunteerQueueRows['dbs']) {
  const rows = read ?? (await listVolunteersWithLatestDbs(tx, orgId, userId ? { userId } : {}));
  return rows
    .map((r) => ({ r, s: dbsStanding(r.issuedOn ? { issuedOn: r.issuedOn, statusChecks: r.statusChecks ?? [] } : null, policy, today) }))
    .filter(({ r, s }) => needsDbsAttention(r.status, s))
    .sort((a, b) => urgency(a.s) - urgency(b.s) || a.r.name.localeCompare(b.r.name));
}

async function overduePractice(tx: Db, orgId: string, policy: VolunteerPolicy, today: string, userId?: string, read?: VolunteerQueueRows['accreditations']) {
  const rj = (read ?? (await listCurrentRjAccreditations(tx, orgId, today))).filter((a) => !userId || a.userId === userId);
  const first = new Map<string, (typeof rj)[number]>();
  for (const a of rj) if (!first.has(a.volunteerId)) first.set(a.volunteerId, a);
  const records = await listTrainingRecordsFor(tx, orgId, [...first.keys()]);
  return [...first.values()]
    .map((a) => ({
      a,
      overdue: practiceChecks(
        records.filter((r) => r.volunteerId === a.volunteerId),
        a.accreditedOn,
        policy,
        today,
      ).filter((c) => c.overdue),
    }))
    .filter((x) => x.overdue.length > 0);
}

/** A supervisor's home: their trainees' supervised cases waiting for sign-off, and practice checks due for those they supervise. */
async function supervisorQueues(tx: Db, actor: OrgActor, policy: VolunteerPolicy, today: string, t: Translate): Promise<Queue[]> {
  const supervised = await unsignedSupervisedCasesOf(tx, actor.orgId, actor.id);
  const withSessions: { a: (typeof supervised)[number]; held: number }[] = [];
  for (const a of supervised) withSessions.push({ a, held: (await caseSessions(tx, actor.orgId, a.caseId)).sessionsHeld });
  const ready = withSessions.filter((x) => x.held > 0);
  const mine = new Set(await volunteerIdsSupervisedBy(tx, actor.orgId, actor.id));
  const practice = (await overduePractice(tx, actor.orgId, policy, today)).filter(({ a }) => mine.has(a.volunteerId));
  return [
    {
      id: 'sign-off',
      title: t('Supervised cases to sign off'),
      empty: t('Your trainees’ supervised cases appear here once they have had their joint meeting or shuttle sessions.'),
      items: ready.slice(0, SHOWN).map(({ a }) => ({
        text: `${a.name} (${a.reference})`,
        href: `/cases/${a.caseId}/mediators`,
        tag: { text: t('Sign-off due'), classes: 'govuk-tag--blue' },
      })),
      count: ready.length,
    },
    {
      id: 'supervision-due',
      title: t('Supervision and observed practice due'),
      empty: t('The practitioners you supervise who are overdue for case supervision, observed practice or CPD appear here.'),
      items: practice.slice(0, SHOWN).map(({ a, overdue }) => ({
        text: a.name,
        href: `/volunteers/${a.volunteerId}/training`,
        hint: overdue.map((c) => c.message).join('; '),
        tag: red(t('Overdue')),
      })),
      count: practice.length,
    },
  ];
}

/** The home page's volunteer queues for this person (none for roles that have no volunteer work); the policy is read when not given. */
export async function volunteerAlertQueues(
  tx: Db,
  actor: OrgActor,
  today: string,
  t: Translate,
  given?: VolunteerPolicy,
  read?: Partial<VolunteerQueueRows>,
): Promise<Queue[]> {
  const policyOf = async () => given ?? (await volunteerPolicyOf(tx, actor.orgId));
  if (actor.role === 'supervisor' && actor.type === 'user') return supervisorQueues(tx, actor, await policyOf(), today, t);
  if (!can(actor.role, 'volunteers.manage') && !can(actor.role, 'my.work')) return [];
  const policy = await policyOf();
  if (can(actor.role, 'volunteers.manage')) {
    const dbs = await dbsQueueItems(tx, actor.orgId, policy, today, undefined, read?.dbs);
    const practice = await overduePractice(tx, actor.orgId, policy, today, undefined, read?.accreditations);
    return [
      {
        id: 'dbs-rechecks',
        title: t('DBS rechecks due'),
        empty: t('Volunteers whose DBS recheck is due within {days} days, is overdue or is missing appear here, soonest first.', {
          days: Math.max(0, ...policy.dbsAlertDays),
        }),
        items: dbs.slice(0, SHOWN).map(({ r, s }) => ({ text: r.name, href: `/volunteers/${r.id}/dbs`, hint: s.message, tag: dbsTag(s, t) })),
        count: dbs.length,
      },
      {
        id: 'practice-checks',
        title: t('Practice checks overdue'),
        empty: t('Restorative conferencing practitioners who are overdue for case supervision, observed practice or CPD appear here.'),
        items: practice.slice(0, SHOWN).map(({ a, overdue }) => ({
          text: a.name,
          href: `/volunteers/${a.volunteerId}/training`,
          hint: overdue.map((c) => c.message).join('; '),
          tag: red(t('Overdue')),
        })),
        count: practice.length,
      },
    ];
  }
  if (can(actor.role, 'my.work') && actor.type === 'user') {
    const mine = await listVolunteersWithLatestDbs(tx, actor.orgId, { userId: actor.id });
    if (!mine.length) return [];
    const items: QueueItem[] = [];
    for (const { s } of await dbsQueueItems(tx, actor.orgId, policy, today, actor.id)) items.push({ text: s.message, href: '/my/training', tag: dbsTag(s, t) });
    for (const { overdue } of await overduePractice(tx, actor.orgId, policy, today, actor.id))
      for (const c of overdue) items.push({ text: c.message, href: '/my/training', tag: red(t('Overdue')) });
    return [
      {
        id: 'my-volunteering-due',
        title: t('Your DBS check and practice checks'),
        empty: t('Reminders about your DBS recheck and, for restorative conferencing, your supervision, observed practice and CPD appear here.'),
        items,
      },
    ];
  }
  return [];
}

export type DueItem = { text: string; overdue: boolean };

/** The volunteer's own "what is due" list: DBS, foundation course, supervised cases, practice checks, CPD. */
export function whatIsDue(summary: TrainingSummary, standing: DbsStanding): DueItem[] {
  const items: DueItem[] = [{ text: standing.message, overdue: standing.state === 'overdue' || standing.state === 'missing' }];
  const { status } = summary.volunteer;
  if (!summary.foundation && (status === 'applicant' || status === 'in_training'))
    items.push({ text: `Complete the foundation course (${summary.policy.foundationCourseHours} hours)`, overdue: false });
  if (status === 'trainee') {
    const { signedOff, required } = summary.supervised;
    const left = Math.max(0, required - signedOff);
    items.push({
      text: left
        ? `${summary.supervised.gate.progress}: ${left} more to go before accreditation`
        : `${summary.supervised.gate.progress}: ready for your supervisor to accredit you`,
      overdue: false,
    });
  }
  for (const c of summary.practiceChecks ?? ([] as PracticeCheck[])) items.push({ text: c.message, overdue: c.overdue });
  if (!summary.practiceChecks && status === 'accredited' && !summary.cpd.thisYear.met)
    items.push({
      text: `${summary.cpd.thisYear.hours} of ${summary.cpd.thisYear.target} CPD hours in ${summary.cpd.thisYear.year}; due by 31 December`,
      overdue: false,
    });
  return items;
}
