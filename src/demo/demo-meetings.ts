// Demo meetings: two venues with rooms, a joint meeting booked next week on the demo mediator's case, a shuttle
// session held last week with its log (a statement not to be passed on, one passed on, one to pass on in agreed
// words) and its record, a referrer's request for a further meeting, the demo mediator's calendar link, and the
// invitations held in the outbox (no mail server in the demo): Frankie has no email address, so theirs is a letter to
// post, and Jamie's safe-contact instructions say no letters. An enquiry from the contact form has an appointment
// booked (on the calendar, its invitation in the outbox). Everything goes through the services, as staff would do it;
// the session "held last week" is booked by the same services running ten days behind.
import type { Deps } from '#src/deps.ts';
import { createServices } from '#src/deps.ts';
import { demoOrgActor } from './demo-cases.ts';
import { systemActor } from '#src/access/actor.ts';
import type { DemoSeeder } from './load-demo.ts';
import { addDays, isoWeekday } from '#src/domain/availability.ts';
import { todayOf } from '#src/features/volunteers/calendar.ts';
import { londonTime } from '#src/domain/meeting-times.ts';
import { isWorkingDay } from '#src/features/meetings/working-days.ts';

const DAY_MS = 86_400_000;
const WEEKDAY_EVENINGS = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '21:00' }));

/** The first working Tuesday, Wednesday or Thursday at least `after` days from `today`. */
function midweekWorkingDay(today: string, after: number): string {
  let d = addDays(today, after);
  while (!(isWorkingDay(d) && [2, 3, 4].includes(isoWeekday(d)))) d = addDays(d, 1);
  return d;
}

async function caseOf(deps: Deps, actor: Awaited<ReturnType<typeof demoOrgActor>>, party: string) {
  const caseId = (await deps.cases.list(actor, { q: party })).rows[0]?.id;
  if (!caseId) return undefined;
  const c = await deps.cases.get(actor, caseId);
  const mediators = (await deps.assignments.forCase(actor, caseId)).team.map((a) => a.volunteerId);
  return { caseId, partyIds: c.parties.map((p) => p.id), mediators };
}

async function seedVenues(deps: Deps, admin: Awaited<ReturnType<typeof demoOrgActor>>) {
  const centre = await deps.venues.create(admin, {
    name: 'Riverside Community Centre',
    address: '12 Example Road, Sampletown',
    postcode: 'CT1 2AB',
    accessNotes: 'Step-free entrance from the car park; hearing loop in the Garden Room.',
    openingHours: [...WEEKDAY_EVENINGS, { day: 6, from: '10:00', to: '16:00' }],
    closedDates: [],
  });
  const garden = await deps.venues.addRoom(admin, centre.id, {
    name: 'Garden Room',
    capacity: 8,
    accessNotes: 'Ground floor',
    separateWaitingRoom: true,
  });
  await deps.venues.addRoom(admin, centre.id, { name: 'Small meeting room', capacity: 4, accessNotes: 'First floor, with a lift', separateWaitingRoom: false });
  const library = await deps.venues.create(admin, {
    name: 'Sampletown Library',
    address: '3 Fictional Street, Sampletown',
    postcode: 'CT2 7NZ',
    accessNotes: null,
    openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:30', to: '19:00' })),
    closedDates: [],
  });
  const study = await deps.venues.addRoom(admin, library.id, { name: 'Study room', capacity: 6, accessNotes: null, separateWaitingRoom: true });
  return { garden: garden.id, study: study.id, libraryId: library.id };
}

export const seedDemoMeetings: DemoSeeder = async (deps, orgId) => {
  const admin = await demoOrgActor(deps, orgId, 'admin@demo.parley.example', 'admin');
  const coordinator = await demoOrgActor(deps, orgId, 'coordinator@demo.parley.example', 'coordinator');
  const rooms = await seedVenues(deps, admin);
  const today = todayOf(deps.clock);

  // Next week: a joint meeting on the demo mediator's case, at the community centre.
  const frankie = await caseOf(deps, coordinator, 'Frankie Fictitious');
  if (frankie) {
    const jamie = (await deps.cases.get(coordinator, frankie.caseId)).parties.find((p) => p.name === 'Jamie Imaginary');
    if (jamie)
      await deps.parties.edit(coordinator, frankie.caseId, jamie.id, {
        safeContact: 'Call the mobile only; no post to the house (demo).',
        canSendLetters: false,
        reason: 'Jamie asked us not to write to the house (demo).',
      });
    const day = midweekWorkingDay(today, 5);
    await deps.meetings.book(coordinator, frankie.caseId, {
      kind: 'joint',
      mode: 'in_person',
      place: 'venue',
      roomId: rooms.garden,
      start: londonTime(day, '18:00').toISOString(),
      durationMinutes: 90,
      volunteerIds: frankie.mediators,
      partyIds: frankie.partyIds,
      others: [],
      shortNoticeAgreed: false,
      notes: 'Both households prefer an evening after work (demo).',
    });
  }

  // Last week: a shuttle session on the family case, with its log and record.
  const charlie = await caseOf(deps, coordinator, 'Charlie Notreal');
  if (charlie && charlie.partyIds.length >= 2) {
    const behind = createServices(deps.config, deps.database, { now: () => new Date(deps.clock.now().getTime() - 10 * DAY_MS) }, deps.log);
    const day = midweekWorkingDay(addDays(today, -10), 1);
    const { meeting } = await behind.meetings.book(coordinator, charlie.caseId, {
      kind: 'shuttle',
      mode: 'in_person',
      place: 'venue',
      roomId: rooms.study,
      start: londonTime(day, '10:00').toISOString(),
      durationMinutes: 120,
      volunteerIds: charlie.mediators,
      partyIds: charlie.partyIds,
      others: [],
      shortNoticeAgreed: false,
    });
    const [charlieId, edenId] = charlie.partyIds as [string, string];
    const shuttle = deps.meetings.shuttle;
    await shuttle.recordStatement(coordinator, charlie.caseId, meeting.id, {
      partyId: charlieId,
      statement: 'I feel shut out since the care plan changed and I worry the children will forget us (demo).',
      permission: 'no',
    });
    const offer = await shuttle.recordStatement(coordinator, charlie.caseId, meeting.id, {
      partyId: charlieId,
      statement: 'We could visit on Saturday mornings instead of after school, if that is easier for the children (demo).',
      permission: 'yes',
    });
    await shuttle.convey(coordinator, charlie.caseId, meeting.id, offer.id, { toPartyId: edenId });
    await shuttle.recordStatement(coordinator, charlie.caseId, meeting.id, {
      partyId: edenId,
      statement: 'Weekday visits leave them exhausted and I end up dealing with the fallout alone (demo).',
      permission: 'yes_in_words',
      words: 'Eden would like visits not to be on school days.',
    });
    const attended = (await deps.meetings.meeting(coordinator, charlie.caseId, meeting.id)).meeting.participants.map((p) => p.id);
    await deps.meetings.record(coordinator, charlie.caseId, meeting.id, {
      attendedParticipantIds: attended,
      groundRules: [],
      issues: '',
      options: '',
      outcome: 'Both are open to weekend visits; Eden wants a trial month first (demo).',
      nextStep: 'another_joint',
    });
  }

  // Earlier: the restorative conference on the shop case and the joint meeting on the tree case, held and recorded,
  // so those cases can move on to their outcomes (seedDemoStages).
  const past = [
    {
      party: 'Bailey Dummyworth',
      kind: 'rj_conference' as const,
      daysAgo: 24,
      issues: '',
      outcome: 'Rowan apologised and offered to help repaint the shop front; Bailey accepted (demo).',
    },
    {
      party: 'Ellis Placeholder',
      kind: 'joint' as const,
      daysAgo: 38,
      issues: 'Leaves and branches in the gutters\nThe hedge blocking the light',
      outcome: 'Agreed to share a tree surgeon next spring; no agreement yet on the hedge height (demo).',
    },
  ];
  for (const held of past) {
    const c = await caseOf(deps, coordinator, held.party);
    if (!c || c.mediators.length < 2) continue;
    const behind = createServices(deps.config, deps.database, { now: () => new Date(deps.clock.now().getTime() - held.daysAgo * DAY_MS) }, deps.log);
    const day = midweekWorkingDay(addDays(today, -held.daysAgo), 1);
    const { meeting } = await behind.meetings.book(coordinator, c.caseId, {
      kind: held.kind,
      mode: 'in_person',
      place: 'venue',
      roomId: rooms.study,
      start: londonTime(day, '10:00').toISOString(),
      durationMinutes: 120,
      volunteerIds: c.mediators,
      partyIds: c.partyIds,
      others: [],
      shortNoticeAgreed: false,
    });
    const attended = (await deps.meetings.meeting(coordinator, c.caseId, meeting.id)).meeting.participants.map((p) => p.id);
    await deps.meetings.record(coordinator, c.caseId, meeting.id, {
      attendedParticipantIds: attended,
      groundRules: [],
      issues: held.issues,
      options: '',
      outcome: held.outcome,
      nextStep: 'follow_up',
    });
  }

  // A referrer asks for a further meeting on the noise case.
  const riley = await caseOf(deps, coordinator, 'Riley Pretend');
  if (riley)
    await deps.meetings.requests.create(coordinator, riley.caseId, {
      requestedBy: 'referrer',
      requesterName: 'Pat Placeholder, Sampletown Housing (demo)',
      kind: 'joint',
      reason: 'The neighbours agreed quiet hours but the noise has started again; the housing officer asks for another joint meeting.',
      preferredTimes: 'Weekday evenings',
    });

  // An enquiry from the contact form, with an appointment booked with the coordinator at the library.
  const enquiry = await deps.publicIntake.createEnquiry(
    orgId,
    {
      name: 'Robin Madeup',
      email: 'robin.madeup@example.org',
      phone: '07700 900299',
      postcode: 'CT1 3XY',
      message: 'My neighbour and I keep arguing about the bins. Could someone help us talk it through? (demo)',
      days: ['wednesday'],
      times: ['afternoon'],
    },
    systemActor('parley demo'),
  );
  await deps.appointments.book(coordinator, enquiry.id, {
    start: londonTime(midweekWorkingDay(today, 3), '14:00').toISOString(),
    durationMinutes: 45,
    mode: 'in_person',
    venueId: rooms.libraryId,
    staffUserId: coordinator.id,
  });

  // The demo mediator's calendar link, and the outbox worked once so the held invitations show with their log.
  const mediator = await demoOrgActor(deps, orgId, 'mediator@demo.parley.example', 'mediator');
  await deps.calendarFeeds.createMine(mediator);
  for (let i = 0; i < 10 && (await deps.worker.runOnce()) > 0; i++);
};
