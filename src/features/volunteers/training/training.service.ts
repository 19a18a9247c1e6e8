// Training: the service's courses, each volunteer's completed training, CPD, supervision and observed practice,
// accreditations, and accrediting a trainee once their supervised cases are signed off. Every change and every
// read of a volunteer's record is audited.
import { allCaseTypes } from '#src/features/referrals/case-type-choices.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, invalid, invalidWith, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise, can } from '#src/access/permissions.ts';
import { findMember } from '#src/features/people/people-reads.ts';
import { accreditGate } from './training.policy.ts';
import { judge, orRefuse } from '#src/access/access.ts';
import {
  type AccreditationRow,
  deleteTrainingRecord,
  findAccreditation,
  findCourse,
  insertAccreditation,
  insertCourse,
  insertTrainingRecord,
  listAccreditations,
  listCourses,
  listTrainingRecords,
  retireCourse,
  revokeAccreditation as markRevoked,
} from './training.repo.ts';
import type { AccreditationInput, CourseInput, TrainingRecordInput } from './training.schemas.ts';
import { countSignedOffSupervisedCases } from '../assignments/assignments.repo.ts';
import { todayOf } from '../calendar.ts';
import { volunteerFor, volunteerPolicyOf } from '../records/my-volunteer.ts';
import { cpdSummary, practiceChecks } from './practice-checks.ts';
import type { VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import { AREA_LABELS, type Area } from '../volunteer-words.ts';
import { getVolunteer, updateVolunteer, type VolunteerRow } from '../records/volunteers.repo.ts';

export const FOUNDATION_COURSE_NAME = 'Foundation course in community mediation';

const by = (actor: OrgActor) => actor.label ?? actor.id;

export type AccreditationState = 'current' | 'expired' | 'revoked';
export const accreditationState = (a: Pick<AccreditationRow, 'revokedAt' | 'expiresOn'>, today: string): AccreditationState =>
  a.revokedAt ? 'revoked' : a.expiresOn && a.expiresOn < today ? 'expired' : 'current';

/** Everything the training page shows for one volunteer (no audit: the callers audit). */
export async function trainingSummary(tx: Db, actor: OrgActor, v: VolunteerRow, policy: VolunteerPolicy, today: string) {
  const [records, accreditations, signedOff, courses, supervisor] = [
    await listTrainingRecords(tx, actor.orgId, v.id),
    await listAccreditations(tx, actor.orgId, v.id),
    await countSignedOffSupervisedCases(tx, actor.orgId, v.id),
    await listCourses(tx, actor.orgId),
    v.supervisorUserId ? await findMember(tx, actor.orgId, v.supervisorUserId) : undefined,
  ];
  const foundationIds = new Set(courses.filter((c) => c.foundation).map((c) => c.id));
  const foundation = records.filter((r) => r.kind === 'course' && r.courseId && foundationIds.has(r.courseId)).at(-1) ?? null;
  const year = Number(today.slice(0, 4));
  const withState = accreditations.map((a) => ({ ...a, state: accreditationState(a, today) }));
  const rj = withState
    .filter((a) => a.area === 'restorative_conferencing' && a.state === 'current')
    .sort((a, b) => a.accreditedOn.localeCompare(b.accreditedOn))[0];
  const gate = accreditGate(v, signedOff, policy.supervisedCasesRequired);
  return {
    volunteer: { id: v.id, name: v.name, status: v.status, supervisorName: supervisor?.name ?? null },
    records,
    courses,
    foundation: foundation ? { on: foundation.on, title: foundation.title } : null,
    cpd: { thisYear: cpdSummary(records, year, policy), lastYear: cpdSummary(records, year - 1, policy) },
    accreditations: withState,
    practiceChecks: rj ? practiceChecks(records, rj.accreditedOn, policy, today) : null,
    supervised: {
      signedOff,
      required: policy.supervisedCasesRequired,
      gate,
      actorMayAccredit: judge(actor, 'volunteer', 'accredit', v).allowed,
      canAccredit: judge(actor, 'volunteer', 'accredit', v).allowed && gate.allowed,
    },
    canRecord: can(actor.role, 'training.record'),
    policy,
  };
}
export type TrainingSummary = Awaited<ReturnType<typeof trainingSummary>>;

function notInFuture(field: string, date: string, today: string, label: string) {
  if (date > today) throw invalid({ [field]: `${label} must be today or in the past` });
}

export function createTrainingService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  /** The service's courses; the foundation course is created the first time a service with none looks. */
  async function coursesIn(tx: Db, actor: OrgActor) {
    const courses = await listCourses(tx, actor.orgId);
    if (courses.length) return { courses, createdFoundation: false };
    const policy = await volunteerPolicyOf(tx, actor.orgId);
    const id = newId();
    await insertCourse(tx, {
      id,
      orgId: actor.orgId,
      name: FOUNDATION_COURSE_NAME,
      minutes: policy.foundationCourseHours * 60,
      foundation: true,
      area: 'community',
      createdAt: clock.now(),
    });
    await audit.record(tx, actor, actor.orgId, { action: 'training.course_created', entityType: 'training_course', entityId: id, detail: { automatic: true } });
    return { courses: await listCourses(tx, actor.orgId), createdFoundation: true };
  }

  return {
    /** The service's volunteer policy, for the staff who work by it. */
    async policy(actor: OrgActor) {
      if (!can(actor.role, 'settings.manage')) authorise(actor, 'volunteers.view');
      return inOrg(db, actor.orgId, (tx) => volunteerPolicyOf(tx, actor.orgId));
    },

    /** The policy and the service's case types (each marked offered and in use), for the policy page. */
    async policyPage(actor: OrgActor) {
      if (!can(actor.role, 'settings.manage')) authorise(actor, 'volunteers.view');
      return inOrg(db, actor.orgId, async (tx) => ({ policy: await volunteerPolicyOf(tx, actor.orgId), types: await allCaseTypes(tx, actor.orgId) }));
    },

    async listCourses(actor: OrgActor) {
      if (!can(actor.role, 'my.work')) authorise(actor, 'volunteers.view');
      return inOrg(db, actor.orgId, (tx) => coursesIn(tx, actor));
    },

    async addCourse(actor: OrgActor, input: CourseInput) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const { courses } = await coursesIn(tx, actor);
        const name = input.name.trim();
        if (courses.some((c) => !c.retiredAt && c.name.toLowerCase() === name.toLowerCase()))
          throw new AppError('CONFLICT', msg('There is already a course called “{name}”'), {
            reason: 'DUPLICATE_COURSE',
            fields: { name: `There is already a course called “${name}”` },
            params: { name },
          });
        const id = newId();
        await insertCourse(tx, {
          id,
          orgId: actor.orgId,
          name,
          minutes: Math.round(input.hours * 60),
          foundation: input.foundation,
          area: input.area ?? null,
          createdAt: clock.now(),
        });
        await audit.record(tx, actor, actor.orgId, { action: 'training.course_created', entityType: 'training_course', entityId: id });
        return { id };
      });
    },

    async retireCourse(actor: OrgActor, courseId: string) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const course = await findCourse(tx, actor.orgId, courseId);
        if (!course) throw notFound(msg('That course was not found'));
        if (course.retiredAt) throw new AppError('CONFLICT', msg('“{name}” is already retired'), { reason: 'ALREADY_RETIRED', params: { name: course.name } });
        await retireCourse(tx, actor.orgId, courseId, clock.now());
        await audit.record(tx, actor, actor.orgId, { action: 'training.course_retired', entityType: 'training_course', entityId: courseId });
        return { name: course.name };
      });
    },

    /** One volunteer's training, accreditations, practice checks and supervised cases. Audited. */
    async get(actor: OrgActor, volunteerId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await volunteerFor(tx, actor, volunteerId, 'view');
        await coursesIn(tx, actor);
        const summary = await trainingSummary(tx, actor, v, await volunteerPolicyOf(tx, actor.orgId), todayOf(clock));
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.training_viewed', entityType: 'volunteer', entityId: v.id });
        return summary;
      });
    },

    async addRecord(actor: OrgActor, volunteerId: string, input: TrainingRecordInput) {
      authorise(actor, 'training.record');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        orRefuse(judge(actor, 'volunteer', 'change_training', v));
        notInFuture('on', input.on, todayOf(clock), input.kind === 'course' ? 'Date completed' : 'Date');
        let title: string;
        let minutes = 0;
        if (input.kind === 'course') {
          const course = await findCourse(tx, actor.orgId, input.courseId);
          if (!course) throw invalid({ courseId: 'Choose the course from the list' });
          if (course.retiredAt)
            throw invalidWith({ courseId: { text: msg('“{name}” has been retired: choose a current course'), params: { name: course.name } } });
          title = course.name;
          minutes = course.minutes;
        } else if (input.kind === 'cpd') {
          title = input.title;
          minutes = Math.round(input.hours * 60);
        } else title = input.kind === 'supervision' ? 'Case supervision' : 'Observed practice';
        const id = newId();
        await insertTrainingRecord(tx, {
          id,
          orgId: actor.orgId,
          volunteerId: v.id,
          kind: input.kind,
          courseId: input.kind === 'course' ? input.courseId : null,
          title,
          minutes,
          on: input.on,
          notes: input.notes ?? null,
          recordedBy: by(actor),
          createdAt: clock.now(),
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.training_recorded',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { recordId: id, kind: input.kind },
        });
        return { id };
      });
    },

    async deleteRecord(actor: OrgActor, volunteerId: string, recordId: string) {
      authorise(actor, 'training.record');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        orRefuse(judge(actor, 'volunteer', 'change_training', v));
        const gone = await deleteTrainingRecord(tx, actor.orgId, v.id, recordId);
        if (!gone) throw notFound(msg('That training record was not found'));
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.training_deleted',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { recordId, kind: gone.kind, on: gone.on },
        });
        return gone;
      });
    },

    async listAccreditations(actor: OrgActor, volunteerId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await volunteerFor(tx, actor, volunteerId, 'view');
        const today = todayOf(clock);
        const rows = await listAccreditations(tx, actor.orgId, v.id);
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.accreditations_viewed', entityType: 'volunteer', entityId: v.id });
        return rows.map((a) => ({ ...a, state: accreditationState(a, today) }));
      });
    },

    async addAccreditation(actor: OrgActor, volunteerId: string, input: AccreditationInput) {
      authorise(actor, 'training.record');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        orRefuse(judge(actor, 'volunteer', 'change_training', v));
        const today = todayOf(clock);
        notInFuture('accreditedOn', input.accreditedOn, today, 'Date accredited');
        if (input.expiresOn && input.expiresOn <= input.accreditedOn) throw invalid({ expiresOn: 'The expiry date must be after the date accredited' });
        if (input.area === 'community' && v.status !== 'accredited') {
          const policy = await volunteerPolicyOf(tx, actor.orgId);
          const gate = accreditGate(v, await countSignedOffSupervisedCases(tx, actor.orgId, v.id), policy.supervisedCasesRequired);
          const message = `${v.name} is not accredited yet. A trainee is accredited in community mediation with “Accredit” once their supervised cases are signed off (${gate.progress})`;
          throw new AppError('CONFLICT', message, { reason: 'USE_ACCREDIT', fields: { area: message } });
        }
        const existing = (await listAccreditations(tx, actor.orgId, v.id)).find((a) => a.area === input.area && accreditationState(a, today) === 'current');
        if (existing) {
          const message = `${v.name} is already accredited in ${AREA_LABELS[input.area]}: revoke that accreditation first to record a new one`;
          throw new AppError('CONFLICT', message, { reason: 'ALREADY_ACCREDITED', fields: { area: message } });
        }
        const id = newId();
        await insertAccreditation(tx, {
          id,
          orgId: actor.orgId,
          volunteerId: v.id,
          area: input.area,
          accreditedOn: input.accreditedOn,
          expiresOn: input.expiresOn ?? null,
          accreditedBy: by(actor),
          createdAt: clock.now(),
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.accreditation_added',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { accreditationId: id, area: input.area },
        });
        return { id };
      });
    },

    async revokeAccreditation(actor: OrgActor, volunteerId: string, accreditationId: string, input: { reason: string }) {
      authorise(actor, 'training.record');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        orRefuse(judge(actor, 'volunteer', 'change_training', v));
        const a = await findAccreditation(tx, actor.orgId, v.id, accreditationId);
        if (!a) throw notFound(msg('That accreditation was not found'));
        if (a.revokedAt) throw new AppError('CONFLICT', msg('That accreditation is already revoked'), { reason: 'ALREADY_REVOKED' });
        await markRevoked(tx, actor.orgId, a.id, clock.now(), input.reason);
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.accreditation_revoked',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { accreditationId, area: a.area },
        });
        return { area: a.area as Area };
      });
    },

    /** Accredits a trainee whose supervised cases are signed off: status accredited and the community accreditation. */
    async accredit(actor: OrgActor, volunteerId: string, input: { note?: string } = {}) {
      return inOrg(db, actor.orgId, async (tx) => {
        // Whether they may see the record comes first, so a refusal never names someone they may not see.
        const v = await volunteerFor(tx, actor, volunteerId, 'view');
        orRefuse(judge(actor, 'volunteer', 'accredit', v));
        const policy = await volunteerPolicyOf(tx, actor.orgId);
        const gate = accreditGate(v, await countSignedOffSupervisedCases(tx, actor.orgId, v.id), policy.supervisedCasesRequired);
        if (!gate.allowed)
          throw new AppError('CONFLICT', gate.reasons.join('. '), { reason: 'NOT_READY_TO_ACCREDIT', fields: { accredit: gate.reasons.join('. ') } });
        const today = todayOf(clock);
        const now = clock.now();
        const note = input.note?.trim() || `Accredited after ${gate.progress}`;
        await updateVolunteer(tx, actor.orgId, v.id, {
          status: 'accredited',
          statusHistory: [...v.statusHistory, { status: 'accredited', on: today, by: by(actor), note }],
          updatedAt: now,
        });
        const current = (await listAccreditations(tx, actor.orgId, v.id)).find((a) => a.area === 'community' && accreditationState(a, today) === 'current');
        const id = current?.id ?? newId();
        if (!current)
          await insertAccreditation(tx, {
            id,
            orgId: actor.orgId,
            volunteerId: v.id,
            area: 'community',
            accreditedOn: today,
            accreditedBy: by(actor),
            createdAt: now,
          });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.accredited',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { accreditationId: id, supervisedCases: gate.progress },
        });
        return { status: 'accredited' as const, accreditationId: id };
      });
    },
  };
}
export type TrainingService = ReturnType<typeof createTrainingService>;
