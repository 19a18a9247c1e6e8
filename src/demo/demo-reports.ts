// The demo's year of history for the reports (registered in DEMO_SEEDERS): sixty community referrals over the last
// year, the cases accepted from them with both parties' consent (mostly), a first contact, an intake visit and a
// joint or shuttle meeting held, most closed by now with the reason recorded, and feedback from half of those closed.
// A few counts are small on purpose (3 referrals by API, 3 from the contact form, 1 case closed as not kept), so every
// report shows real numbers and at least one "fewer than 5". Written straight to the tables (as demo seeding may), in
// one transaction, because it is history: no one did this work today.
import type { Deps } from '#src/deps.ts';
import { caseEvents, cases, parties } from '#src/db/schema/cases.ts';
import { feedbackResponses } from '#src/db/schema/closing.ts';
import { meetings } from '#src/db/schema/meetings.ts';
import { referrals } from '#src/db/schema/referrals.ts';
import { asSystem } from '#src/db/tenant.ts';
import { newId } from '#src/lib/ids.ts';

const DAY = 86_400_000;
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
  const at = (days: number) => new Date(now - days * DAY);
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
  });
}
