// The service the volunteer training tests share (test/integration/volunteer-training-*.test.ts and
// volunteer-accreditation.test.ts): an admin, a coordinator and two supervisors signed in, Vera a trainee mediator
// whose record Sam supervises, a mediator with no record, a coordinator's API key; and volunteers and supervised
// cases written straight into the tables.
import { afterAll, beforeAll } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { inOrg } from '#src/db/tenant.ts';
import { insertCase } from '#src/features/cases/cases.repo.ts';
import { insertAssignments, signOffAssignment } from '#src/features/volunteers/assignments/assignments.repo.ts';
import { insertVolunteer } from '#src/features/volunteers/records/volunteers.repo.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from './factories.ts';
import { type Harness, startHarness } from './harness.ts';
import type { WebClient } from './web-client.ts';

type Api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, key?: string) => ReturnType<Harness['app']['inject']>;

export type TrainingService = {
  h: Harness;
  orgId: string;
  admin: WebClient;
  coordinator: WebClient;
  /** Sam Supervisor, Vera's supervisor. */
  supervisor: WebClient;
  /** Sid Othersupervisor, who supervises nobody here. */
  otherSupervisor: WebClient;
  /** Vera Testvolunteer, a mediator signed in, her record linked. */
  vera: WebClient;
  /** Uma Unlinked, a mediator with no volunteer record. */
  unlinked: WebClient;
  supervisorId: string;
  veraId: string;
  keyCoordinator: string;
  /** A request to the API with a key: the coordinator's unless another is given. */
  api: Api;
  /** A volunteer record with only a name and a status (and a linked sign-in or supervisor when given). */
  addVolunteer(name: string, status: string, extra?: { userId?: string; supervisorUserId?: string }): Promise<string>;
  /** A closed case the volunteer co-mediated under supervision (or not, when `supervised` is false); signed off by the supervisor when `signed`. */
  supervisedCase(volunteerId: string, signed: boolean, supervised?: boolean): Promise<void>;
  /** Every audit action recorded for the service so far. */
  auditActions(): Promise<string[]>;
};

/**
 * The service, made before the file's tests and closed after them. Its fields are filled in once `beforeAll` has run,
 * so the tests read them through the object.
 */
export function useTrainingService(): TrainingService {
  const s = {
    api: (method, url, payload, key = s.keyCoordinator) => s.h.app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}` } }),
    addVolunteer: (name, status, extra = {}) => addVolunteer(s.h, s.orgId, name, status, extra),
    supervisedCase: (volunteerId, signed, supervised = true) => supervisedCase(s.h, s.orgId, volunteerId, signed, supervised),
    auditActions: async () =>
      (await s.h.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.orgId, s.orgId))).map((r) => r.action),
  } as TrainingService;
  beforeAll(async () => {
    const h = await startHarness();
    h.clock.current = new Date('2026-06-15T09:00:00Z');
    const { orgId } = await makeOrg(h.deps, 'tdm', 'Testdale Mediation (fictional)');
    const admin = await signIn(h, await makeMember(h.deps, orgId, 'admin', 'ada@tdm.example', { name: 'Ada Admin' }));
    const coordinator = await signIn(h, await makeMember(h.deps, orgId, 'coordinator', 'cora@tdm.example', { name: 'Cora Coordinator' }));
    const sam = await makeMember(h.deps, orgId, 'supervisor', 'sam@tdm.example', { name: 'Sam Supervisor' });
    const supervisor = await signIn(h, sam);
    const otherSupervisor = await signIn(h, await makeMember(h.deps, orgId, 'supervisor', 'sid@tdm.example', { name: 'Sid Othersupervisor' }));
    const veraMember = await makeMember(h.deps, orgId, 'mediator', 'vera@tdm.example', { name: 'Vera Testvolunteer' });
    const vera = await signIn(h, veraMember);
    const unlinked = await signIn(h, await makeMember(h.deps, orgId, 'mediator', 'uma@tdm.example', { name: 'Uma Unlinked' }));
    const veraId = await addVolunteer(h, orgId, 'Vera Testvolunteer', 'trainee', { userId: veraMember.userId, supervisorUserId: sam.userId });
    const keyCoordinator = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Training tests', role: 'coordinator' }, systemActor('test'))).key;
    Object.assign(s, { h, orgId, admin, coordinator, supervisor, otherSupervisor, vera, unlinked, supervisorId: sam.userId, veraId, keyCoordinator });
  });
  afterAll(() => s.h?.close());
  return s;
}

async function addVolunteer(h: Harness, orgId: string, name: string, status: string, extra: { userId?: string; supervisorUserId?: string }) {
  const id = newId();
  const now = h.clock.now();
  await inOrg(h.deps.db, orgId, (tx) =>
    insertVolunteer(tx, {
      id,
      orgId,
      name,
      status,
      userId: extra.userId ?? null,
      supervisorUserId: extra.supervisorUserId ?? null,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return id;
}

async function supervisedCase(h: Harness, orgId: string, volunteerId: string, signed: boolean, supervised: boolean) {
  const id = newId();
  await inOrg(h.deps.db, orgId, async (tx) => {
    const caseId = newId();
    const now = h.clock.now();
    await insertCase(tx, {
      id: caseId,
      orgId,
      reference: `TDM-${caseId.slice(0, 8)}`,
      caseType: 'community',
      status: 'closed',
      summary: 'Supervised case',
      openedAt: now,
      statusChangedAt: now,
    });
    await insertAssignments(tx, [{ id, orgId, caseId, volunteerId, role: 'co', supervised, assignedAt: now }]);
    if (signed) await signOffAssignment(tx, orgId, id, { at: h.clock.now(), by: 'Sam Supervisor', notes: null });
  });
}
