// Batch allocation without JavaScript: the unassigned backlog, "Propose pairs", the proposal carried in hidden fields,
// "Confirm selected" re-checking each pair (one that no longer passes is reported and skipped), and the API twins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { eq } from '#src/db/orm.ts';
import { volunteers } from '#src/db/schema/volunteers.ts';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text, errorSummary } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let web: WebClient;
let key: string;
const v: Record<string, string> = {};
const refs: Record<string, string> = {};

/** The form a browser would send from the proposal page: every hidden field and every ticked box. */
function proposalForm(html: string, untick: string[] = []) {
  const form: Record<string, string | string[]> = {};
  for (const m of html.matchAll(/<input type="hidden" name="(row-\d+-\w+|rowCount)" value="([^"]*)">/g)) form[m[1]!] = m[2]!;
  form.rows = [...html.matchAll(/name="rows" type="checkbox" value="(\d+)" checked/g)].map((m) => m[1]!).filter((i) => !untick.includes(i));
  return form;
}
/** Posts a form with repeated fields (ticked boxes) as a browser does, on the client's session. */
async function postForm(client: WebClient, url: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams({ _csrf: client.csrf ?? '' });
  for (const [k, value] of Object.entries(form)) for (const one of [value].flat()) body.append(k, one);
  return client.app.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    headers: { cookie: [...client.cookies].map(([k, c]) => `${k}=${c}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
  });
}
const setStatus = (id: string, status: string) => inOrg(h.deps.db, orgId, (tx) => tx.update(volunteers).set({ status }).where(eq(volunteers.id, id)));
const api = (method: 'POST', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'bap', 'Batch Allocation Pages (fictional)'));
  const admin = await makeMember(h.deps, orgId, 'admin', 'ada.admin@bap.example', { name: 'Ada Admin' });
  const coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora@bap.example', { name: 'Cora Coordinator' });
  const admins = actorFor(orgId, admin.userId, 'admin');
  for (const name of ['Anna First', 'Bill Second', 'Cleo Third', 'Dev Fourth']) v[name] = await makeVolunteer(h.deps, orgId, { name, maxActiveCases: 1 });
  for (const [k, party] of [
    ['x', 'Xena Xparty'],
    ['y', 'Yuri Yparty'],
    ['z', 'Zoe Zparty'],
  ] as const)
    refs[k] = (await makeCase(h.deps, orgId, admins, { description: `Case ${k}`, parties: [{ name: party }] })).reference;
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Coordinator key', role: 'coordinator' }, systemActor('test'))).key;
  web = await signIn(h, coordinator);
});
afterAll(() => h?.close());

describe('batch allocation through the pages', () => {
  let proposal: string;

  it('lists the unassigned backlog and proposes pairs for it within capacities', async () => {
    const backlog = await web.get('/volunteers/allocation');
    expect(backlog.statusCode).toBe(200);
    expect(text(backlog.body)).toContain('Unassigned cases (3)');
    for (const ref of Object.values(refs)) expect(backlog.body).toContain(ref);
    const res = await web.post('/volunteers/allocation/propose');
    expect(res.statusCode).toBe(200);
    proposal = res.body;
    const form = proposalForm(proposal);
    expect(form.rowCount).toBe('2');
    expect(form.rows).toEqual(['0', '1']);
    expect(text(proposal)).toMatch(/Cases without a proposed pair \(1\)/);
    expect(text(proposal)).toMatch(/\(lead\) and /);
  });

  it('re-checks each pair on confirm: assigns those that pass and reports those that no longer do', async () => {
    const form = proposalForm(proposal);
    const refusedVolunteer = Object.entries(v).find(([, id]) => id === form['row-1-co'])![0];
    await setStatus(form['row-1-co'] as string, 'inactive');
    const res = await postForm(web, '/volunteers/allocation/confirm', form);
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain('Assigned (1)');
    expect(page).toContain('Not assigned (1)');
    expect(page).toContain(`${refusedVolunteer}: status is inactive: not taking cases`);
    await setStatus(form['row-1-co'] as string, 'accredited');
    const assignedCase = form['row-0-caseId'] as string;
    const timeline = (await h.deps.cases.get(actorFor(orgId, 'x', 'admin'), assignedCase)).timeline;
    expect(timeline.at(-1)!.summary).toMatch(/^Mediators assigned: .* \(lead\) and .* \(co-mediator\) \(batch allocation\)$/);
  });

  it('asks for at least one ticked pair, showing the proposal again', async () => {
    const res = await web.post('/volunteers/allocation/propose');
    const form = proposalForm(res.body, ['0']);
    expect(form.rows).toEqual([]);
    const none = await postForm(web, '/volunteers/allocation/confirm', form);
    expect(none.statusCode).toBe(422);
    expect(errorSummary(none.body)).toContain('Choose at least one proposed pair to confirm');
    expect(none.body).toContain('name="rows" type="checkbox"');
  });

  it('is for coordinators and admins only', async () => {
    const mediator = await makeMember(h.deps, orgId, 'mediator', 'mo@bap.example', { name: 'Mo Mediator' });
    const mo = await signIn(h, mediator);
    const res = await mo.get('/volunteers/allocation');
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('Only an admin or a case coordinator can assign mediators to cases');
  });
});

describe('batch allocation through the API', () => {
  it('proposes, then confirms, counting the capacity each confirmed pair uses', async () => {
    const proposed = await api('POST', '/api/v1/allocations/proposals');
    expect(proposed.statusCode).toBe(200);
    const { proposals, unassigned } = proposed.json();
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ mediatorIds: expect.any(Array), score: expect.any(Number), reasons: expect.any(Array), supervised: false });
    expect(unassigned).toHaveLength(1);
    expect(unassigned[0].reasons.length).toBeGreaterThan(0);
    const pair = proposals[0].mediatorIds;
    const res = await api('POST', '/api/v1/allocations/confirm', {
      assignments: [
        { caseId: proposals[0].caseId, mediatorIds: pair },
        { caseId: unassigned[0].caseId, mediatorIds: pair },
      ],
    });
    expect(res.statusCode).toBe(200);
    const { assigned, refused } = res.json();
    expect(assigned.map((a: { caseId: string }) => a.caseId)).toEqual([proposals[0].caseId]);
    expect(assigned[0].assignments.map((a: { role: string }) => a.role)).toEqual(['lead', 'co']);
    expect(refused).toHaveLength(1);
    expect(refused[0].reasons.join('; ')).toMatch(/at capacity: 1 of 1 case/);
    const bad = await api('POST', '/api/v1/allocations/confirm', { assignments: [] });
    expect(bad.statusCode).toBe(422);
  });
});
