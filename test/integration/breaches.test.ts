// The breach log (rules.md #58): recorded from the page or the API, every breach kept, with the ICO's 72 hours from
// becoming aware (weekends included) shown on the data-protection queue; bad input named per field and kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let coordinatorWeb: WebClient;
let viewer: Awaited<ReturnType<typeof makeMember>>;
let coordinator: Awaited<ReturnType<typeof makeMember>>;
let key: string;

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-12-05T10:00:00Z'); // a Saturday
  const { orgId } = await makeOrg(h.deps, 'brc', 'Breach Mediation (fictional)');
  coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora@brc.example', { name: 'Cora Coordinator' });
  coordinatorWeb = await signIn(h, coordinator);
  viewer = await makeMember(h.deps, orgId, 'viewer', 'vic@brc.example', { name: 'Vic Viewer' });
  ({ key } = await h.deps.apiKeys.createForOrg(orgId, { name: 'DPO tools', role: 'admin' }, systemActor('test')));
});
afterAll(() => h?.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });

describe('the breach log', () => {
  it('refuses a breach form with each mistake named, keeping what was typed', async () => {
    const bad = await coordinatorWeb.submit(
      '/data-protection/breaches/new',
      {
        summary: 'Letter about the hedge case sent to the wrong address',
        'awareAt-day': '31',
        'awareAt-month': '2',
        'awareAt-year': '2026',
        awareAtTime: '25:00',
      },
      '/data-protection/breaches',
    );
    expect(bad.statusCode).toBe(422);
    const errors = errorSummary(bad.body);
    expect(errors).toContain('must be a real date');
    expect(errors).toContain('Choose the risk to the people affected');
    expect(bad.body).toContain('Letter about the hedge case sent to the wrong address');
    const future = await coordinatorWeb.submit(
      '/data-protection/breaches/new',
      {
        summary: 'Something',
        'awareAt-day': '1',
        'awareAt-month': '1',
        'awareAt-year': '2027',
        risk: 'risk',
      },
      '/data-protection/breaches',
    );
    expect(future.statusCode).toBe(422);
    expect(errorSummary(future.body)).toContain('must not be in the future');
  });

  it('records a breach with its clock: aware Friday 16:30, due to the ICO by Monday 16:30, shown on the queue', async () => {
    const made = await coordinatorWeb.submit(
      '/data-protection/breaches/new',
      {
        summary: 'Letter about the hedge case sent to the wrong address',
        'awareAt-day': '4',
        'awareAt-month': '12',
        'awareAt-year': '2026',
        awareAtTime: '16:30',
        risk: 'high',
        peopleAffected: '2',
      },
      '/data-protection/breaches',
    );
    expect(made.statusCode).toBe(303);
    const page = pageText((await coordinatorWeb.get(made.headers.location as string)).body);
    expect(page).toContain('Breach BR-001');
    expect(page).toContain('54 hours left to report to the ICO (by Monday 7 December 2026 at 16:30)');
    expect(page).toContain('Tell the people affected');
    const queue = pageText((await coordinatorWeb.get('/data-protection')).body);
    expect(queue).toContain('BR-001');
    expect(queue).toContain('54 hours left');

    h.clock.current = new Date('2026-12-07T18:00:00Z');
    const late = await api('GET', '/api/v1/data-protection/breaches');
    expect(late.json().breaches[0]).toMatchObject({
      reference: 'BR-001',
      icoStatus: 'overdue',
      hours: 2,
      icoDeadline: '2026-12-07T16:30:00.000Z',
      tellPeople: true,
    });

    const id = late.json().breaches[0].id as string;
    coordinatorWeb = await signIn(h, coordinator); // two days on: a new session
    await coordinatorWeb.get(`/data-protection/breaches/${id}`);
    const reported = await coordinatorWeb.post(`/data-protection/breaches/${id}`, {
      risk: 'high',
      'reportedToIcoAt-day': '7',
      'reportedToIcoAt-month': '12',
      'reportedToIcoAt-year': '2026',
      reportedToIcoAtTime: '17:30',
      icoReference: 'ICO/0001',
      'peopleToldAt-day': '7',
      'peopleToldAt-month': '12',
      'peopleToldAt-year': '2026',
      peopleToldAtTime: '17:00',
      closed: 'yes',
    });
    expect(reported.statusCode).toBe(303);
    const after = (await api('GET', `/api/v1/data-protection/breaches/${id}`)).json();
    expect(after).toMatchObject({ icoStatus: 'reported_late', hours: 1, icoReference: 'ICO/0001', tellPeople: false });
    expect(after.closedAt).not.toBeNull();
    expect(pageText((await coordinatorWeb.get('/data-protection')).body)).toContain('No breach is open.');
  });

  it('takes a breach through the API, refusing bad fields with 422, and logs one that needs no report', async () => {
    const bad = await api('POST', '/api/v1/data-protection/breaches', { summary: '', awareAt: 'yesterday', risk: 'huge' });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['summary', 'awareAt', 'risk']));
    const ok = await api('POST', '/api/v1/data-protection/breaches', {
      summary: 'An email to the team only',
      awareAt: '2026-12-07T09:00:00Z',
      risk: 'unlikely',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ reference: 'BR-002', icoStatus: 'not_needed' });
  });

  it('is not for a viewer', async () => {
    const viewerWeb = await signIn(h, viewer);
    const refused = await viewerWeb.get('/data-protection');
    expect(refused.statusCode, String(refused.headers.location)).toBe(403);
    expect(pageText((await viewerWeb.get('/home')).body)).not.toContain('Data protection');
  });
});
