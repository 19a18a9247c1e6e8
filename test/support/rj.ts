// A restorative justice world: a service with an admin, a coordinator, a supervisor and two facilitators on an RJ case
// with the person harmed and the person who harmed (started by the person harmed), and a room to meet in.
import { eq } from '#src/db/orm.ts';
import { parties } from '#src/db/schema/cases.ts';
import { inOrg } from '#src/db/tenant.ts';
import { makeMember, makeOrg, signIn } from './factories.ts';
import type { Harness } from './harness.ts';
import { MEETINGS_NOW, makeVenue } from './meetings.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from './volunteers.ts';

export async function rjWorld(h: Harness, slug: string, opts: { initiatedBy?: string } = {}) {
  h.clock.current = new Date(MEETINGS_NOW);
  const { orgId } = await makeOrg(h.deps, slug, `${slug.toUpperCase()} Restorative Justice (fictional)`);
  const ada = await makeMember(h.deps, orgId, 'admin', `ada@${slug}.example`, { name: 'Ada Admin' });
  const cora = await makeMember(h.deps, orgId, 'coordinator', `cora@${slug}.example`, { name: 'Cora Coordinator' });
  const sue = await makeMember(h.deps, orgId, 'supervisor', `sue@${slug}.example`, { name: 'Sue Supervisor' });
  const vera = await makeMember(h.deps, orgId, 'mediator', `vera@${slug}.example`, { name: 'Vera Facilitator' });
  const leo = await makeMember(h.deps, orgId, 'mediator', `leo@${slug}.example`, { name: 'Leo Facilitator' });
  const admin = actorFor(orgId, ada.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admin, { caseTypes: ['community', 'restorative_justice'] });
  const vVera = await makeVolunteer(h.deps, orgId, { name: 'Vera Facilitator', userId: vera.userId });
  const vLeo = await makeVolunteer(h.deps, orgId, { name: 'Leo Facilitator', userId: leo.userId });
  const c = await makeCase(h.deps, orgId, admin, {
    description: `Burglary at a corner shop (${slug})`,
    caseType: 'restorative_justice',
    parties: [
      { name: 'Hana Harmed', role: 'victim', address: '14 Example Road, Testville', postcode: 'TE1 2ST' },
      { name: 'Pat Harmer', role: 'person_who_harmed' },
      { name: 'Sid Supporter', role: 'supporter' },
    ],
    details: { initiatedBy: opts.initiatedBy ?? 'victim', offenceType: 'Burglary' },
  });
  await insertAssignment(h.deps, orgId, c.caseId, vVera, { role: 'lead' });
  await insertAssignment(h.deps, orgId, c.caseId, vLeo, { role: 'co' });
  const people = await inOrg(h.deps.db, orgId, (tx) => tx.select().from(parties).where(eq(parties.caseId, c.caseId)));
  const party = (name: string) => people.find((p) => p.name === name)!.id;
  const hall = await makeVenue(h.deps, orgId, { name: 'Quiet Hall', rooms: ['Room A'], address: '2 Hall Lane' });
  return {
    orgId,
    caseId: c.caseId,
    reference: c.reference,
    admin,
    coordinator: actorFor(orgId, cora.userId, 'coordinator', 'Cora Coordinator'),
    supervisor: actorFor(orgId, sue.userId, 'supervisor', 'Sue Supervisor'),
    vera: actorFor(orgId, vera.userId, 'mediator', 'Vera Facilitator'),
    leo: actorFor(orgId, leo.userId, 'mediator', 'Leo Facilitator'),
    volunteers: { vera: vVera, leo: vLeo },
    parties: { hana: party('Hana Harmed'), pat: party('Pat Harmer'), sid: party('Sid Supporter') },
    roomId: hall.roomIds[0]!,
    members: { ada, cora, sue, vera, leo },
    signIn: (m: { email: string; totpSecret?: string }) => signIn(h, m),
  };
}
export type RjWorld = Awaited<ReturnType<typeof rjWorld>>;

/** A conference booking for the API: Room A, Tuesday 15 December 2026 at 10:00 for two hours. */
export const conference = (w: RjWorld, more: Record<string, unknown> = {}) => ({
  kind: 'rj_conference',
  mode: 'in_person',
  place: 'venue',
  roomId: w.roomId,
  start: '2026-12-15T10:00:00Z',
  durationMinutes: 120,
  volunteerIds: [w.volunteers.vera, w.volunteers.leo],
  partyIds: [w.parties.hana, w.parties.pat],
  ...more,
});

/** Suitable, assessed (direct contact safe, today) and signed off: what a participant needs before a conference. */
export async function readyForContact(h: Harness, w: RjWorld, partyId: string, decision: 'direct' | 'indirect' = 'direct') {
  await h.deps.rj.recordSuitability(w.coordinator, w.caseId, {
    partyId,
    acknowledgesFacts: true,
    acceptsResponsibility: true,
    willing: true,
    assessedOn: '2026-12-01',
  });
  const { id } = await h.deps.rj.recordAssessment(w.coordinator, w.caseId, {
    partyId,
    areas: { feelings: 'Calm' },
    rating: 'low',
    decision,
    assessedOn: '2026-12-01',
  });
  await h.deps.rj.signOff(w.supervisor, w.caseId, id);
  return id;
}

/** A letter from Pat to Hana, approved by both vetting facilitators (Vera and Leo) and passed on. */
export async function passedLetter(h: Harness, w: RjWorld, body: string) {
  const { id } = await h.deps.rj.letters.write(w.coordinator, w.caseId, { fromPartyId: w.parties.pat, toPartyId: w.parties.hana, form: 'letter', body });
  await h.deps.rj.letters.review(w.vera, w.caseId, id, { decision: 'approve', redactions: [] });
  await h.deps.rj.letters.review(w.leo, w.caseId, id, { decision: 'approve', redactions: [] });
  await h.deps.rj.letters.pass(w.coordinator, w.caseId, id);
  return id;
}
