// Volunteer records: the list, one record (audited when read), adding one (by staff or from an application),
// changing details, the status pipeline with its history, the supervisor, declared connections and the
// volunteer's sign-in. Availability is in volunteer-availability.service.ts.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import type { Connection, StatusStep } from '#src/db/schema/volunteers.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { parsePostcode } from '#src/lib/normalise.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { findMember, listMembers } from '#src/features/people/people-reads.ts';
import type { PeopleService } from '#src/features/people/people.service.ts';
import { countSignedOffSupervisedCases } from '../assignments/assignments.repo.ts';
import { todayOf } from '../calendar.ts';
import { volunteerFor, volunteerPolicyOf } from './my-volunteer.ts';
import { createVolunteerAvailability } from '../availability/volunteer-availability.service.ts';
import { createVolunteerSignIn } from './volunteer-sign-in.service.ts';
import { decideStatusChange, statusMoves } from './volunteer-status.ts';
import type { VolunteerStatus } from '../volunteer-words.ts';
import {
  countActiveAssignments,
  findVolunteerApplication,
  getVolunteer,
  insertVolunteer,
  listVolunteers,
  markVolunteerApplication,
  updateVolunteer,
  type NewVolunteer,
  type VolunteerRow,
} from './volunteers.repo.ts';
import type { ConnectionInput, StatusChangeInput, VolunteerCreate, VolunteerPatch, VolunteerQuery } from './volunteers.schemas.ts';
import { splitLanguages } from './volunteers.schemas.ts';

export type VolunteerDeps = { db: Db; clock: Clock; audit: Audit };

const SUPERVISOR_ROLES = ['supervisor', 'admin'];

/** The stored columns for the details given (postcode normalised; undefined leaves a column as it is). */
function detailColumns(input: Partial<VolunteerPatch>): Partial<NewVolunteer> {
  const out: Partial<NewVolunteer> = {};
  const copy = [
    'name',
    'email',
    'phone',
    'address',
    'gender',
    'preferredLanguage',
    'travelMiles',
    'maxActiveCases',
    'employer',
    'employedByLocalAuthority',
    'notes',
  ] as const;
  for (const key of copy) if (input[key] !== undefined) (out as Record<string, unknown>)[key] = input[key];
  if (input.languages !== undefined) out.languages = [...new Set(input.languages)];
  if (input.postcode !== undefined) {
    const parsed = parsePostcode(input.postcode);
    out.postcode = parsed?.normalised ?? null;
    out.postcodeNorm = parsed?.compact ?? null;
  }
  return out;
}

function createVolunteerRecords({ db, clock, audit }: VolunteerDeps) {
  async function supervisorCandidates(tx: Db, orgId: string) {
    return (await listMembers(tx, orgId))
      .filter((m) => m.status === 'active' && SUPERVISOR_ROLES.includes(m.role))
      .map((m) => ({ userId: m.userId, name: m.name, role: m.role }));
  }

  async function assertSupervisor(tx: Db, orgId: string, userId: string, field = 'supervisorUserId') {
    const member = await findMember(tx, orgId, userId);
    if (member?.status !== 'active' || !SUPERVISOR_ROLES.includes(member.role)) {
      const message = 'Choose a supervisor from the people in this service with the supervisor or admin role';
      throw new AppError('UNPROCESSABLE', message, { reason: 'NOT_A_SUPERVISOR', fields: { [field]: message } });
    }
  }

  async function create(tx: Db, actor: OrgActor, input: Partial<VolunteerCreate> & { name: string }, applicationId: string | null) {
    const id = newId();
    const now = clock.now();
    await insertVolunteer(tx, {
      id,
      orgId: actor.orgId,
      applicationId,
      travelMiles: 10,
      maxActiveCases: 3,
      ...detailColumns(input),
      name: input.name,
      status: 'applicant',
      statusHistory: [{ status: 'applicant', on: todayOf(clock), by: actor.label ?? undefined, note: applicationId ? 'From their application' : undefined }],
      createdAt: now,
      updatedAt: now,
    });
    await audit.record(tx, actor, actor.orgId, { action: 'volunteer.created', entityType: 'volunteer', entityId: id, detail: { applicationId } });
    return id;
  }

  return {
    /** The list: filter by status, search by name. */
    async list(actor: OrgActor, query: VolunteerQuery) {
      authorise(actor, 'volunteers.view');
      const name = query.q?.trim().replace(/\s+/g, ' ');
      return inOrg(db, actor.orgId, (tx) => listVolunteers(tx, actor.orgId, { status: query.status, nameContains: name || undefined }));
    },

    /** One record as the actor may see it, with who supervises it, the linked sign-in, the moves there are and, for a
     * trainee, their supervised cases signed off of those the policy requires. Audited. */
    async view(actor: OrgActor, volunteerId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await volunteerFor(tx, actor, volunteerId, 'view');
        const supervisor = v.supervisorUserId ? ((await findMember(tx, actor.orgId, v.supervisorUserId)) ?? null) : null;
        const account = v.userId ? ((await findMember(tx, actor.orgId, v.userId)) ?? null) : null;
        const members = v.userId || !v.email ? [] : await listMembers(tx, actor.orgId);
        const memberWithEmail = members.find((m) => m.email.toLowerCase() === v.email?.toLowerCase() && m.status === 'active') ?? null;
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.viewed', entityType: 'volunteer', entityId: v.id });
        return {
          volunteer: v,
          activeCases: await countActiveAssignments(tx, actor.orgId, v.id),
          supervisor,
          account,
          memberWithEmail,
          moves: statusMoves(v.status as VolunteerStatus),
          supervisedCases:
            v.status === 'trainee'
              ? {
                  signedOff: await countSignedOffSupervisedCases(tx, actor.orgId, v.id),
                  required: (await volunteerPolicyOf(tx, actor.orgId)).supervisedCasesRequired,
                }
              : null,
        };
      });
    },

    /** Before showing the form to add a volunteer: refuses those who may not add one. */
    newVolunteerForm(actor: OrgActor) {
      authorise(actor, 'volunteers.manage');
    },

    /** The record to fill the form that changes its details (those who may change it only). Audited as read. */
    async forEdit(actor: OrgActor, volunteerId: string) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.viewed', entityType: 'volunteer', entityId: v.id });
        return v;
      });
    },

    /** The people who may supervise a trainee: active members with the supervisor or admin role. */
    async supervisors(actor: OrgActor) {
      authorise(actor, 'volunteers.view');
      return inOrg(db, actor.orgId, (tx) => supervisorCandidates(tx, actor.orgId));
    },

    async create(actor: OrgActor, input: Partial<VolunteerCreate> & { name: string }) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, (tx) => create(tx, actor, input, null)).then((id) => ({ id }));
    },

    /** A new volunteer record (an applicant) from an application on the public form; the application is marked accepted. */
    async createFromApplication(actor: OrgActor, applicationId: string) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const application = await findVolunteerApplication(tx, actor.orgId, applicationId);
        if (!application) throw notFound(msg('That application was not found'));
        if (application.status !== 'new')
          throw new AppError('CONFLICT', msg('The application from {name} has already been accepted'), {
            reason: 'APPLICATION_HANDLED',
            params: { name: application.name },
          });
        const details = application.details as Record<string, unknown>;
        const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string).trim() : '');
        const notes = [
          text('availability') && `Availability given on their application: ${text('availability')}`,
          text('experience') && `Experience: ${text('experience')}`,
        ].filter(Boolean);
        const id = await create(
          tx,
          actor,
          {
            name: application.name,
            email: application.email.toLowerCase(),
            phone: application.phone,
            postcode: parsePostcode(application.postcode)?.normalised ?? null,
            languages: splitLanguages(text('languages')).slice(0, 20),
            notes: notes.join('\n\n') || null,
          },
          application.id,
        );
        await markVolunteerApplication(tx, actor.orgId, application.id, 'accepted');
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer_application.accepted',
          entityType: 'volunteer_application',
          entityId: application.id,
          detail: { volunteerId: id },
        });
        return { id };
      });
    },

    /** Changes the details given (and the supervisor, through the API); what is not given stays as it is. */
    async update(actor: OrgActor, volunteerId: string, patch: Partial<VolunteerPatch>) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        const values = detailColumns(patch);
        if (patch.supervisorUserId) await assertSupervisor(tx, actor.orgId, patch.supervisorUserId);
        if (patch.supervisorUserId !== undefined) values.supervisorUserId = patch.supervisorUserId;
        await updateVolunteer(tx, actor.orgId, v.id, { ...values, updatedAt: clock.now() });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.updated',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { fields: Object.keys(values) },
        });
        return { id: v.id };
      });
    },

    /** Moves the volunteer along the pipeline if the move is allowed; otherwise 409 with the reasons in words. */
    async changeStatus(actor: OrgActor, volunteerId: string, input: StatusChangeInput) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        const decision = decideStatusChange(
          { status: v.status as VolunteerStatus, statusHistory: v.statusHistory, supervisorUserId: v.supervisorUserId },
          { to: input.status, on: input.on, note: input.note, supervisorUserId: input.supervisorUserId },
          todayOf(clock),
        );
        if (!decision.allowed) throw new AppError('CONFLICT', decision.reasons.join('. '), { reason: 'STATUS_CHANGE_REFUSED', fields: decision.fields });
        if (input.supervisorUserId) await assertSupervisor(tx, actor.orgId, input.supervisorUserId);
        const step: StatusStep = { status: input.status, on: input.on, by: actor.label ?? undefined, note: input.note || undefined };
        await updateVolunteer(tx, actor.orgId, v.id, {
          status: input.status,
          statusHistory: [...v.statusHistory, step],
          ...(input.supervisorUserId ? { supervisorUserId: input.supervisorUserId } : {}),
          updatedAt: clock.now(),
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.status_changed',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { from: v.status, to: input.status, on: input.on },
        });
        return { status: input.status, statusHistory: [...v.statusHistory, step] };
      });
    },

    /** Sets or clears the volunteer's supervisor. */
    async setSupervisor(actor: OrgActor, volunteerId: string, supervisorUserId: string | null) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        if (supervisorUserId) await assertSupervisor(tx, actor.orgId, supervisorUserId);
        await updateVolunteer(tx, actor.orgId, v.id, { supervisorUserId, updatedAt: clock.now() });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.supervisor_changed',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { supervisorUserId },
        });
      });
    },

    async addConnection(actor: OrgActor, volunteerId: string, input: ConnectionInput) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        const connection: Connection = { id: newId(), kind: input.kind, text: input.text, declaredOn: todayOf(clock) };
        await updateVolunteer(tx, actor.orgId, v.id, { connections: [...v.connections, connection], updatedAt: clock.now() });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.connection_declared',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { connectionId: connection.id, kind: input.kind },
        });
        return connection;
      });
    },

    async removeConnection(actor: OrgActor, volunteerId: string, connectionId: string) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        if (!v.connections.some((c) => c.id === connectionId)) throw notFound(msg('That connection was not found'));
        await updateVolunteer(tx, actor.orgId, v.id, { connections: v.connections.filter((c) => c.id !== connectionId), updatedAt: clock.now() });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.connection_removed',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { connectionId },
        });
      });
    },
  };
}

/** Everything about volunteer records: the records, availability and sign-in. */
export function createVolunteerService(deps: VolunteerDeps & { people: PeopleService }) {
  return { ...createVolunteerRecords(deps), ...createVolunteerAvailability(deps), ...createVolunteerSignIn(deps) };
}
export type VolunteerService = ReturnType<typeof createVolunteerService>;
export type VolunteerView = Awaited<ReturnType<VolunteerService['view']>>;
export type { VolunteerRow };
