// The demo's year of history for the reports (registered in DEMO_SEEDERS): sixty community referrals over the last
// year, the cases accepted from them with both parties' consent (mostly), a first contact, an intake visit and a
// joint or shuttle meeting held, most closed by now with the reason recorded, and feedback from half of those closed.
// A few counts are small on purpose (3 referrals by API, 3 from the contact form, 1 case closed as not kept), so every
// report shows real numbers and at least one "fewer than 5". Each case has its place (a CT, ME14 or TN9 1 postcode and
// its local authority) for the area filters, its stage changes (for the time in each stage), a follow-up check-in
// where the agreement was kept or not, and two of the demo's accredited volunteers with their hours; some of those
// volunteers recorded CPD this year. Written straight to the tables (as demo seeding may), in one transaction,
// because it is history: no one did this work today.
import type { Deps } from '#src/deps.ts';
import { caseEvents, cases, parties } from '#src/db/schema/cases.ts';
import { checkInAnswers, checkIns, feedbackResponses, followUpPoints } from '#src/db/schema/closing.ts';
import { caseAssignments, trainingRecords, volunteerHours, volunteers } from '#src/db/schema/volunteers.ts';
import { and, eq } from '#src/db/orm.ts';
import { meetings } from '#src/db/schema/meetings.ts';
import { referrals } from '#src/db/schema/referrals.ts';
import { asSystem } from '#src/db/tenant.ts';
import { newId } from '#src/lib/ids.ts';

const DAY = 86_400_000;
/** Where the history's people live: a postcode in each of the demo's areas, and its local authority in the sample lookup. */
const PLACES = [
  ['CT11AA', 'Riverside District (fictional)'],
  ['CT12AB', 'Riverside District (fictional)'],
  ['ME141XX', 'Harbour City Council (fictional)'],
  ['TN91AA', 'Weald Valley Borough (fictional)'],
] as const;
/** The stage changes of a case that went the whole way, in days after it opened. */
const JOURNEY = [
  ['intake', 'ready', 6],
  ['ready', 'mediation', 14],
  ['mediation', 'outcome', 24],
  ['outcome', 'follow_up', 27],
] as const;
/** What a party said at the follow-up check-in, by the reason the case closed (others had no check-in answered). */
const KEPT: Record<string, string> = { agreement_kept: 'kept', agreement_partly_kept: 'partly', agreement_not_kept: 'not_kept' };
const HISTORY = 60;
/** Per 20 referrals: 11 self, 7 professional, 1 by API, 1 from the contact form. */
const sourceOf = (i: number) => (i % 20 < 11 ? 'self' : i % 20 < 18 ? 'professional' : i % 20 === 18 ? 'api' : 'enquiry');
/** 5 declined and 5 signposted in 60; the rest accepted. */
const statusOf = (i: number) => (i % 12 === 5 ? 'declined' : i % 12 === 7 ? 'signposted' : 'accepted');
const REASONS = [
  'agreement_kept',
  'agreement_kept',
  'agreement_kept',
  'agreement_kept',
  'agreement_partly_kept',
  'agreement_partly_kept',
  'no_agreement',
  'withdrawn',
  'agreement_kept',
  'agreement_not_kept',
] as const;

export async function seedDemoReports(deps: Deps, orgId: string) {
  const now = deps.clock.now().getTime();
  const referralRows: (typeof referrals.$inferInsert)[] = [];
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const partyRows: (typeof parties.$inferInsert)[] = [];
  const eventRows: (typeof caseEvents.$inferInsert)[] = [];
  const meetingRows: (typeof meetings.$inferInsert)[] = [];
  const feedbackRows: (typeof feedbackResponses.$inferInsert)[] = [];
  const pointRows: (typeof followUpPoints.$inferInsert)[] = [];
  const checkInRows: (typeof checkIns.$inferInsert)[] = [];
  const answerRows: (typeof checkInAnswers.$inferInsert)[] = [];
  const assignmentRows: (typeof caseAssignments.$inferInsert)[] = [];
  const hoursRows: (typeof volunteerHours.$inferInsert)[] = [];
  const at = (days: number) => new Date(now - days * DAY);
  const dayOf = (days: number) => at(days).toISOString().slice(0, 10);
  const mediators = await asSystem(deps.db, (tx) =>
    tx
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(and(eq(volunteers.orgId, orgId), eq(volunteers.status, 'accredited')))
      .orderBy(volunteers.name),
  );
  for (let i = 0; i < HISTORY; i++) {
    const arrived = 12 + Math.floor(i * 5.8); // from 12 to 354 days ago
    const referralId = newId();
    // Numbered from 9001 in the year they arrived, apart from the live demo's own references.
    const reference = `RCM-${at(arrived).getUTCFullYear()}-${9001 + i}`;
    const status = statusOf(i);
    referralRows.push({
      id: referralId,
      orgId,
      reference,
      source: sourceOf(i),
      status,
      caseType: 'community',
      description: 'A fictional dispute between neighbours, from the demo’s year of history.',
      parties: [],
      answers: {},
      consentToContact: true,
      createdAt: at(arrived),
      postcodeNorm: PLACES[i % PLACES.length]![0],
      localAuthority: PLACES[i % PLACES.length]![1],
    });
    if (status !== 'accepted') continue;
    const caseId = newId();
    const closedDay = arrived - 45;
    const closed = closedDay > 1;
    caseRows.push({
      id: caseId,
      orgId,
      reference,
      caseType: 'community',
      status: closed ? 'closed' : 'mediation',
      closingReason: closed ? REASONS[i % REASONS.length] : null,
      referralId,
      summary: 'A fictional dispute between neighbours (demo history).',
      postcodeNorm: PLACES[i % PLACES.length]![0],
      localAuthority: PLACES[i % PLACES.length]![1],
      openedAt: at(arrived - 1),
      statusChangedAt: at(closed ? closedDay : arrived - 10),
      closedAt: closed ? at(closedDay) : null,
    });
    const second = i % 7 === 3 ? 'not_asked' : 'given';
    for (const [n, consent] of [
      [`Demo Neighbour ${i + 1}A`, 'given'],
      [`Demo Neighbour ${i + 1}B`, second],
    ] as const)
      partyRows.push({ id: newId(), orgId, caseId, name: n, role: 'party', consent, nameNorm: n.toLowerCase(), createdAt: at(arrived - 1) });
    eventRows.push({ orgId, caseId, kind: 'contact', at: at(arrived - 2 - (i % 6)), summary: 'First phone call (demo history)' });
    // Its stage changes: the whole way for a closed case (a little slower for some), as far as mediation for an open one.
    const slower = i % 5;
    for (const [from, to, after] of closed ? JOURNEY : JOURNEY.slice(0, 2)) {
      const when = arrived - 1 - after - (after > 6 ? slower : 0);
      if (when > 0 && (!closed || when > closedDay))
        eventRows.push({ orgId, caseId, kind: 'transition', at: at(when), summary: `${from} → ${to} (demo history)`, data: { from, to } });
    }
    if (closed)
      eventRows.push({
        orgId,
        caseId,
        kind: 'transition',
        at: at(closedDay),
        summary: 'Follow-up → Closed (demo history)',
        data: { from: 'follow_up', to: 'closed' },
      });
    // The follow-up check-in a few days before it closed, where the agreement was kept or not.
    const reason = closed ? REASONS[i % REASONS.length]! : undefined;
    if (reason && reason in KEPT) {
      const pointId = newId();
      const signedDay = arrived - 1 - 24 - slower;
      pointRows.push({ id: pointId, orgId, caseId, seq: 1, weeks: 2, startOn: dayOf(signedDay), dueOn: dayOf(signedDay - 14), createdAt: at(signedDay) });
      const checkInId = newId();
      checkInRows.push({ id: checkInId, orgId, caseId, pointId, source: 'phone', answeredAt: at(signedDay - 15), recordedBy: 'Demo coordinator' });
      answerRows.push({ id: newId(), orgId, checkInId, termId: null, answer: KEPT[reason]! });
    }
    // Two of the demo's accredited mediators on each closed case (ended with it, so no one's caseload today changes), and
    // the hours they gave.
    if (closed && mediators.length >= 2) {
      const pair = [mediators[i % mediators.length]!.id, mediators[(i + 1) % mediators.length]!.id];
      for (const [k, volunteerId] of pair.entries()) {
        assignmentRows.push({
          id: newId(),
          orgId,
          caseId,
          volunteerId,
          role: k === 0 ? 'lead' : 'co',
          assignedAt: at(arrived - 3),
          endedAt: at(closedDay),
        });
        for (const [activity, minutes, d] of [
          ['intake_visit', 90, arrived - 6 - (i % 9)],
          ['meeting', 120, arrived - 25],
          ['travel', 40, arrived - 25],
        ] as const)
          if (d > 0)
            hoursRows.push({ id: newId(), orgId, volunteerId, caseId, on: dayOf(d), minutes, activity, createdAt: at(d), recordedBy: 'Demo coordinator' });
      }
    }
    const meeting = (kind: string, day: number) => {
      const startsAt = at(day);
      meetingRows.push({
        id: newId(),
        orgId,
        caseId,
        kind,
        mode: 'in_person',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        status: 'held',
        icsUid: `${newId()}@demo.parley.example`,
        createdAt: startsAt,
        updatedAt: startsAt,
      });
    };
    meeting('intake_visit', arrived - 6 - (i % 9));
    if (second === 'given') meeting(i % 3 === 0 ? 'shuttle' : 'joint', arrived - 25);
    if (closed && i % 2 === 0)
      feedbackRows.push({
        id: newId(),
        orgId,
        caseId,
        caseType: 'community',
        source: i % 4 === 0 ? 'link' : 'paper',
        satisfaction: [5, 4, 5, 3, 4][i % 5]!,
        feltHeard: i % 8 !== 2,
        wouldRecommend: i % 10 !== 4,
        submittedAt: at(closedDay - 3),
      });
  }
  await asSystem(deps.db, async (tx) => {
    await tx.insert(referrals).values(referralRows);
    await tx.insert(cases).values(caseRows);
    await tx.insert(parties).values(partyRows);
    await tx.insert(caseEvents).values(eventRows);
    await tx.insert(meetings).values(meetingRows);
    await tx.insert(feedbackResponses).values(feedbackRows);
    if (pointRows.length) await tx.insert(followUpPoints).values(pointRows);
    if (checkInRows.length) await tx.insert(checkIns).values(checkInRows);
    if (answerRows.length) await tx.insert(checkInAnswers).values(answerRows);
    if (assignmentRows.length) await tx.insert(caseAssignments).values(assignmentRows);
    if (hoursRows.length) await tx.insert(volunteerHours).values(hoursRows);
    // CPD this year for every other accredited mediator (the others are due), so training standing shows both.
    const cpd = mediators
      .filter((_, k) => k % 2 === 0)
      .map((m) => ({
        id: newId(),
        orgId,
        volunteerId: m.id,
        kind: 'cpd',
        title: 'Conflict coaching refresher (demo)',
        minutes: 6 * 60,
        on: `${dayOf(0).slice(0, 4)}-01-01`,
        createdAt: at(20),
        recordedBy: 'Demo coordinator',
      }));
    if (cpd.length) await tx.insert(trainingRecords).values(cpd);
  });
}
