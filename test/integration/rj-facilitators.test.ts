// A facilitator whose RJ practitioner-code checks are overdue (rules.md #28: supervision every 12 weeks, observed
// practice yearly, CPD hours) is not suggested for a new restorative case and cannot be assigned to one: the reason is
// in the pair suggestions (page and API) and in the 422. Recording the missing sessions brings them back at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, MEETINGS_NOW } from '../support/meetings.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';
import { pageText } from '../support/page-text.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let caseId: string;
let cora: WebClient;
let admin: ReturnType<typeof actorFor>;
const v: Record<string, string> = {};

/** Supervised last month, observed in the spring, six CPD hours last year and this: every check in date. */
async function upToDate(volunteerId: string) {
  await h.deps.training.addRecord(admin, volunteerId, { kind: 'supervision', on: '2026-11-10' });
  await h.deps.training.addRecord(admin, volunteerId, { kind: 'observed_practice', on: '2026-04-15' });
  await h.deps.training.addRecord(admin, volunteerId, { kind: 'cpd', title: 'Restorative practice day (fictional)', hours: 6, on: '2025-06-01' });
}

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date(MEETINGS_NOW);
  const { orgId } = await makeOrg(h.deps, 'rjf', 'RJF Restorative Justice (fictional)');
  const ada = await makeMember(h.deps, orgId, 'admin', 'ada@rjf.example', { name: 'Ada Admin' });
  const coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora@rjf.example', { name: 'Cora Coordinator' });
  admin = actorFor(orgId, ada.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admin, { caseTypes: ['community', 'restorative_justice'] });
  for (const [key, name] of [
    ['fay', 'Fay Facilitator'],
    ['gus', 'Gus Facilitator'],
    ['olly', 'Olly Overdue'],
  ] as const)
    v[key] = await makeVolunteer(h.deps, orgId, { name, areas: ['community', 'restorative_conferencing'] });
  await upToDate(v.fay!);
  await upToDate(v.gus!);
  ({ caseId } = await makeCase(h.deps, orgId, admin, {
    description: 'Damage to a garden fence',
    caseType: 'restorative_justice',
    parties: [
      { name: 'Hana Harmed', role: 'victim' },
      { name: 'Pat Harmer', role: 'person_who_harmed' },
    ],
    details: { initiatedBy: 'victim' },
  }));
  cora = await signIn(h, coordinator);
});
afterAll(() => h?.close());

const suggestions = async () => (await apiAs(h, cora)('GET', `/api/v1/cases/${caseId}/pair-suggestions`)).json();
const OVERDUE = [
  'RJ case supervision overdue since 25 February 2025: cannot take a new restorative justice case',
  'RJ observed practice overdue since 3 December 2025: cannot take a new restorative justice case',
  'RJ CPD hours short for 2025: cannot take a new restorative justice case',
];

describe('RJ practice checks in the pairing rules', () => {
  it('leaves out a facilitator whose checks are overdue, with each reason, in the API and on the Mediators page', async () => {
    const s = await suggestions();
    expect(s.excluded.find((e: { name: string }) => e.name === 'Olly Overdue').reasons).toEqual(expect.arrayContaining(OVERDUE));
    for (const pair of s.suggestions) expect(pair.mediatorIds).not.toContain(v.olly);
    expect(s.suggestions.map((p: { mediatorIds: string[] }) => [...p.mediatorIds].sort())).toContainEqual([v.fay, v.gus].sort());
    const page = pageText((await cora.get(`/cases/${caseId}/mediators/suggested`)).body);
    expect(page).toMatch(/Volunteers left out \(1\) and why Olly Overdue\s*: RJ case supervision overdue since 25 February 2025/);
  });

  it('refuses to assign them with the reason (422), in the API and on the page', async () => {
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${caseId}/assignments`, { mediatorIds: [v.fay, v.olly] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reason).toBe('PAIR_NOT_ALLOWED');
    for (const reason of OVERDUE) expect(res.json().error.message).toContain(reason);
    await cora.get(`/cases/${caseId}/mediators/choose`);
    const form = await cora.post(`/cases/${caseId}/mediators/choose`, { mediatorA: v.fay!, mediatorB: v.olly! });
    expect(form.statusCode).toBe(422);
    expect(pageText(form.body)).toContain(OVERDUE[0]);
  });

  it('takes them back once the missing sessions are recorded, ', async () => {
    await upToDate(v.olly!);
    const s = await suggestions();
    expect(s.excluded.map((e: { name: string }) => e.name)).not.toContain('Olly Overdue');
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${caseId}/assignments`, { mediatorIds: [v.fay, v.olly] });
    expect(res.statusCode).toBe(201);
  });
});
