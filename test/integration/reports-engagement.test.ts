// The engagement and feedback reports on a fixture counted by hand, with their small numbers and the secondary
// suppression that protects them, through the API (the page and exports show the same cells: reports.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { cases, parties } from '#src/db/schema/cases.ts';
import { feedbackResponses } from '#src/db/schema/closing.ts';
import { meetings } from '#src/db/schema/meetings.ts';
import { asSystem } from '#src/db/tenant.ts';
import { newId } from '#src/lib/ids.ts';
import { makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
let key: string;
const Q = 'from=2026-02-01&to=2026-02-28';
type Shown = { value: number | null; suppressed: string | null };
const shown = (cells: Shown[][]) =>
  cells.map((r) => r.map((c) => (c.suppressed === 'fewer_than_threshold' ? 'P' : c.suppressed === 'secondary' ? 'S' : c.value)));

beforeAll(async () => {
  h = await startHarness();
  const { orgId } = await makeOrg(h.deps, 'engage', 'Engagement Mediation (fictional)');
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Reports key', role: 'coordinator' }, systemActor('test'))).key;
  const at = (iso: string) => new Date(iso);
  let n = 0;
  const aCase = (openedAt: Date) => ({
    id: newId(),
    orgId,
    reference: `ENG-${++n}`,
    caseType: 'community',
    status: 'mediation',
    summary: 'A fictional dispute about noise',
    openedAt,
    statusChangedAt: openedAt,
  });
  // Cases opened in February: 6 with both parties' consent, 2 with one, 1 with none; and one in April (not counted).
  const feb = Array.from({ length: 9 }, (_, i) => aCase(at(`2026-02-${String(i + 1).padStart(2, '0')}T09:00:00Z`)));
  const april = aCase(at('2026-04-05T09:00:00Z'));
  const party = (caseId: string, consent: string, name: string) => ({
    id: newId(),
    orgId,
    caseId,
    name,
    role: 'party',
    consent,
    nameNorm: name.toLowerCase(),
    createdAt: at('2026-02-01T09:00:00Z'),
  });
  const partyRows = [
    ...feb.slice(0, 6).flatMap((c) => [party(c.id, 'given', 'Pat Testparty'), party(c.id, 'given', 'Sam Testother')]),
    ...feb.slice(6, 8).flatMap((c) => [party(c.id, 'given', 'Pat Testparty'), party(c.id, 'not_asked', 'Sam Testother')]),
    party(feb[8]!.id, 'not_asked', 'Pat Testparty'),
    party(april.id, 'given', 'Pat Testparty'),
    party(april.id, 'given', 'Sam Testother'),
  ];
  // Meetings held in February: 7 intake visits, 5 joint, 3 shuttle; not counted: a cancelled joint meeting, and a joint
  // meeting held in April.
  const meeting = (kind: string, startsAt: Date, status = 'held') => ({
    id: newId(),
    orgId,
    caseId: feb[0]!.id,
    kind,
    mode: 'in_person',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    status,
    icsUid: `${newId()}@parley.test`,
    createdAt: startsAt,
    updatedAt: startsAt,
  });
  const feb10 = at('2026-02-10T10:00:00Z');
  const meetingRows = [
    ...Array.from({ length: 7 }, () => meeting('intake_visit', feb10)),
    ...Array.from({ length: 5 }, () => meeting('joint', feb10)),
    ...Array.from({ length: 3 }, () => meeting('shuttle', feb10)),
    meeting('joint', feb10, 'cancelled'),
    meeting('joint', at('2026-04-10T10:00:00Z')),
  ];
  // Feedback in February: 8 rated 5 by link, 6 rated 4 by link, 2 rated 4 by phone; 14 felt heard, all 16 would
  // recommend. One in March (not counted).
  const feedback = (satisfaction: number, source: string, feltHeard: boolean, submittedAt = at('2026-02-20T12:00:00Z')) => ({
    id: newId(),
    orgId,
    caseId: feb[0]!.id,
    caseType: 'community',
    source,
    satisfaction,
    feltHeard,
    wouldRecommend: true,
    submittedAt,
  });
  const feedbackRows = [
    ...Array.from({ length: 8 }, () => feedback(5, 'link', true)),
    ...Array.from({ length: 6 }, () => feedback(4, 'link', true)),
    ...Array.from({ length: 2 }, () => feedback(4, 'phone', false)),
    feedback(1, 'paper', false, at('2026-03-02T12:00:00Z')),
  ];
  await asSystem(h.deps.db, async (tx) => {
    await tx.insert(cases).values([...feb, april]);
    await tx.insert(parties).values(partyRows);
    await tx.insert(meetings).values(meetingRows);
    await tx.insert(feedbackResponses).values(feedbackRows);
  });
}, 60_000);
afterAll(() => h?.close());

const api = async (report: string) =>
  (await h.app.inject({ method: 'GET', url: `/api/v1/reports/${report}?${Q}`, headers: { authorization: `Bearer ${key}` } })).json();

describe('the engagement report', () => {
  it('counts cases by how many parties engaged: 6 both, 2 one (hidden), 1 none (hidden), 9 in all', async () => {
    const [engaged] = (await api('engagement')).metrics;
    expect(engaged.id).toBe('parties-engaged');
    // Two hidden figures in the one column already: the total 9 cannot reveal either, so nothing more is hidden.
    expect(shown(engaged.cells)).toEqual([[6], ['P'], ['P'], [9]]);
  });

  it('counts meetings held by kind: 7 intake visits, 5 joint, 3 shuttle (hidden, and 5 with it), 15 in all', async () => {
    const held = (await api('engagement')).metrics[1];
    const byKind = Object.fromEntries(held.rows.map((r: { key: string }, i: number) => [r.key, shown(held.cells)[i]![0]]));
    // 15 − 7 − 5 would give the shuttle's 3 away, so the smallest other figure, joint's 5, is withheld too.
    expect(byKind).toEqual({
      intake_visit: 7,
      prison_visit: 0,
      call: 0,
      joint: 'S',
      shuttle: 'P',
      rj_conference: 0,
      coaching: 0,
      mias_call: 0,
      follow_up: 0,
      total: 15,
    });
  });
});

describe('the feedback report', () => {
  //             Link  Phone  Visit  Paper | Total
  // 5            8     0      0      0   |   8
  // 4            6(S)  2(P)   0      0   |   8
  // 3, 2, 1      0     0      0      0   |   0
  // Total       14(S)  2(P)   0      0   |  16
  // 2 is fewer than 5 (and the phone total with it); 6 hides it from its row, 14 from the totals row.
  it('counts satisfaction by how the form came back, hiding the 2 by phone and what would reveal it', async () => {
    const [satisfaction] = (await api('feedback')).metrics;
    expect(shown(satisfaction.cells)).toEqual([
      [8, 0, 0, 0, 8],
      ['S', 'P', 0, 0, 8],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      ['S', 'P', 0, 0, 16],
    ]);
  });

  it('counts felt heard (14 yes, 2 no) and would recommend (16 yes), each with its total', async () => {
    const answers = (await api('feedback')).metrics[1];
    expect(shown(answers.cells)).toEqual([
      ['S', 'P', 16],
      [16, 0, 16],
    ]);
  });
});
