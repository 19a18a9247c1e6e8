// A service with a case ready for meetings: a coordinator, an admin, a pair of mediators on the case (with
// sign-ins), a mediator not on it, a case from a public referral with two parties, a supporter and a party who has
// withdrawn consent, and a venue with two rooms. Venues are written straight into their tables.
import type { Deps } from '#src/deps.ts';
import { inOrg } from '#src/db/tenant.ts';
import { eq } from '#src/db/orm.ts';
import { cases, parties } from '#src/db/schema/cases.ts';
import { meetings, venueRooms, venues } from '#src/db/schema/meetings.ts';
import type { WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from './factories.ts';
import type { Harness } from './harness.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from './volunteers.ts';
import type { WebClient } from './web-client.ts';

/** Thursday 3 December 2026, 09:00 in London. */
export const MEETINGS_NOW = new Date('2026-12-03T09:00:00Z');

export async function makeVenue(
  deps: Deps,
  orgId: string,
  spec: { name: string; rooms: string[]; openingHours?: WeeklyWindow[]; closedDates?: string[]; address?: string },
) {
  const id = newId();
  const now = deps.clock.now();
  const roomIds = spec.rooms.map(() => newId());
  await inOrg(deps.db, orgId, async (tx) => {
    await tx.insert(venues).values({
      id,
      orgId,
      name: spec.name,
      address: spec.address ?? null,
      openingHours: spec.openingHours ?? [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
      closedDates: spec.closedDates ?? [],
      createdAt: now,
      updatedAt: now,
    });
    for (const [i, name] of spec.rooms.entries())
      await tx.insert(venueRooms).values({ id: roomIds[i]!, orgId, venueId: id, name, capacity: 6, separateWaitingRoom: i === 0, createdAt: now });
  });
  return { venueId: id, roomIds };
}

/** A JSON request on someone's session, with the CSRF token of the last page they saw. */
export function apiAs(h: Harness, web: WebClient) {
  return (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      payload: payload as Record<string, unknown>,
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': web.csrf ?? '' },
    });
}

/** A request with an API key. */
export const withKey = (h: Harness, key: string) => (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });

/** Page text without tags and with the entities people see. */
export const pageText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

export async function meetingsWorld(h: Harness, slug: string, opts: { caseType?: 'community' | 'send' } = {}) {
  h.clock.current = new Date(MEETINGS_NOW);
  const { orgId } = await makeOrg(h.deps, slug, `${slug.toUpperCase()} Mediation (fictional)`);
  const other = await makeOrg(h.deps, `${slug}-other`, 'Other Mediation (fictional)');
  const adaM = await makeMember(h.deps, orgId, 'admin', `ada@${slug}.example`, { name: 'Ada Admin' });
  const coraM = await makeMember(h.deps, orgId, 'coordinator', `cora@${slug}.example`, { name: 'Cora Coordinator' });
  const veraM = await makeMember(h.deps, orgId, 'mediator', `vera@${slug}.example`, { name: 'Vera Volunteer' });
  const leoM = await makeMember(h.deps, orgId, 'mediator', `leo@${slug}.example`, { name: 'Leo Volunteer' });
  const ottoM = await makeMember(h.deps, orgId, 'mediator', `otto@${slug}.example`, { name: 'Otto Elsewhere' });
  const boM = await makeMember(h.deps, other.orgId, 'admin', `bo@${slug}-other.example`, { name: 'Bo Otheradmin' });
  const admin = actorFor(orgId, adaM.userId, 'admin', 'Ada Admin');
  const vVera = await makeVolunteer(h.deps, orgId, { name: 'Vera Volunteer', userId: veraM.userId });
  const vLeo = await makeVolunteer(h.deps, orgId, { name: 'Leo Volunteer', userId: leoM.userId });
  const vOtto = await makeVolunteer(h.deps, orgId, { name: 'Otto Elsewhere', userId: ottoM.userId });
  const c = await makeCase(h.deps, orgId, admin, {
    description: `Noise and parking on Quay Street (${slug})`,
    parties: [
      { name: 'Sam Example', role: 'party' },
      { name: 'Alex Example', role: 'party' },
      { name: 'Kit Supporter', role: 'supporter' },
      { name: 'Wren Withdrawn', role: 'party' },
    ],
  });
  await insertAssignment(h.deps, orgId, c.caseId, vVera, { role: 'lead' });
  await insertAssignment(h.deps, orgId, c.caseId, vLeo, { role: 'co' });
  const people = await inOrg(h.deps.db, orgId, (tx) => tx.select().from(parties).where(eq(parties.caseId, c.caseId)));
  const party = (name: string) => people.find((p) => p.name === name)!.id;
  await inOrg(h.deps.db, orgId, async (tx) => {
    // A SEND case is the same case with its type changed: the notice rule reads only the type.
    if (opts.caseType === 'send') await tx.update(cases).set({ caseType: 'send' }).where(eq(cases.id, c.caseId));
    await tx
      .update(parties)
      .set({ consent: 'withdrawn' })
      .where(eq(parties.id, party('Wren Withdrawn')));
    await tx
      .update(parties)
      .set({ email: 'sam@example.org' })
      .where(eq(parties.id, party('Sam Example')));
    await tx
      .update(parties)
      .set({ email: 'alex@example.org' })
      .where(eq(parties.id, party('Alex Example')));
  });
  const hall = await makeVenue(h.deps, orgId, { name: 'Riverside Hall', rooms: ['Room 1', 'Room 2'], address: '1 River Street', closedDates: ['2026-12-24'] });
  return {
    orgId,
    otherOrgId: other.orgId,
    caseId: c.caseId,
    reference: c.reference,
    admin,
    coordinator: actorFor(orgId, coraM.userId, 'coordinator', 'Cora Coordinator'),
    mediator: actorFor(orgId, veraM.userId, 'mediator', 'Vera Volunteer'),
    volunteers: { vera: vVera, leo: vLeo, otto: vOtto },
    parties: { sam: party('Sam Example'), alex: party('Alex Example'), kit: party('Kit Supporter'), wren: party('Wren Withdrawn') },
    venue: { id: hall.venueId, room1: hall.roomIds[0]!, room2: hall.roomIds[1]! },
    members: { ada: adaM, cora: coraM, vera: veraM, leo: leoM, otto: ottoM, bo: boM },
    signIn: (m: { email: string; totpSecret?: string }) => signIn(h, m),
  };
}
export type MeetingsWorld = Awaited<ReturnType<typeof meetingsWorld>>;

/** A booking body for the API: a joint meeting in Room 1, Tuesday 15 December 2026 at 10:00 for 90 minutes. */
export const jointMeeting = (w: MeetingsWorld, more: Record<string, unknown> = {}) => ({
  kind: 'joint',
  mode: 'in_person',
  place: 'venue',
  roomId: w.venue.room1,
  start: '2026-12-15T10:00:00Z',
  durationMinutes: 90,
  volunteerIds: [w.volunteers.vera, w.volunteers.leo],
  partyIds: [w.parties.sam, w.parties.alex],
  ...more,
});

/**
 * A joint meeting (or shuttle session, or RJ conference) held on the case, with its record, written straight into the
 * table: for the gates that need one held (Outcome, signing off a supervised case) in tests about something else.
 */
export async function holdSession(
  deps: Deps,
  orgId: string,
  caseId: string,
  opts: { kind?: 'joint' | 'shuttle' | 'rj_conference' | 'coaching'; issues?: string; outcome?: string } = {},
) {
  const id = newId();
  const now = deps.clock.now();
  const startsAt = new Date(now.getTime() - 3 * 3600_000);
  await inOrg(deps.db, orgId, (tx) =>
    tx.insert(meetings).values({
      id,
      orgId,
      caseId,
      kind: opts.kind ?? 'joint',
      mode: 'in_person',
      place: 'office',
      locationText: 'The service’s office',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      status: 'held',
      icsUid: `${id}@test.example`,
      record: {
        groundRules: ['One person speaks at a time'],
        issues: opts.issues ?? '',
        options: '',
        outcome: opts.outcome ?? 'Both sides agreed to talk again',
        nextStep: 'none',
        recordedAt: now.toISOString(),
        recordedBy: 'Test person',
      },
      createdAt: now,
      updatedAt: now,
    }),
  );
  return id;
}
