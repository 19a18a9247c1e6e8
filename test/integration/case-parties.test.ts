// Who is on a case after triage: a coordinator adds a person, corrects a role entered wrongly and removes someone
// entered in error, on the People tab (without JavaScript, keeping what was typed on a refused form) and through the
// API. Each change is on the timeline and in the audit trail; the roles offered follow the case type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '#src/db/tenant.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { and, eq } from '#src/db/orm.ts';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { actorFor, makeCase } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let orgId: string;
let caseId: string;
let coordinator: WebClient;
let key: string;

const api = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });

async function partiesOf(id: string) {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { authorization: `Bearer ${key}` } });
  return res.json().parties as { id: string; name: string; role: string; phone?: string | null }[];
}

async function auditActions() {
  return asSystem(h.deps.db, async (tx) =>
    (
      await tx
        .select({ action: auditEvents.action, detail: auditEvents.detail })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId)))
    ).filter((a) => a.action.startsWith('party.')),
  );
}

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'cparties', 'Case Parties (fictional)'));
  const admin = await makeMember(h.deps, orgId, 'admin', 'admin@cparties.example', { name: 'Ada Admin' });
  const coord = await makeMember(h.deps, orgId, 'coordinator', 'cora@cparties.example', { name: 'Cora Coordinator' });
  const admins = actorFor(orgId, admin.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admins, { caseTypes: ['community', 'restorative_justice'] });
  // A probation officer's referral that saved the person who harmed as the victim.
  caseId = (
    await makeCase(h.deps, orgId, admins, {
      description: 'Burglary at the corner shop',
      caseType: 'restorative_justice',
      parties: [
        { name: 'Rory Wrongrole', role: 'victim' },
        { name: 'Vic Shopkeeper', role: 'victim' },
      ],
    })
  ).caseId;
  coordinator = await signIn(h, coord);
  ({ key } = await h.deps.apiKeys.createForOrg(orgId, { name: 'Case system', role: 'coordinator' }, systemActor('test')));
});
afterAll(() => h?.close());

describe('correcting who is on a case, on the People tab', () => {
  it('offers Change and Remove on each person, and adding a person', async () => {
    const page = await coordinator.get(`/cases/${caseId}/people`);
    expect(page.body).toContain(`href="/cases/${caseId}/people/new">Add a person</a>`);
    expect(pageText((await coordinator.get(`/cases/${caseId}/people/new`)).body)).toContain('Add a person Their role in the case');
    const rory = (await partiesOf(caseId)).find((p) => p.name === 'Rory Wrongrole')!;
    expect(page.body).toContain(`/cases/${caseId}/people/${rory.id}/edit`);
    expect(page.body).toContain(`/cases/${caseId}/people/${rory.id}/remove`);
  });

  it('corrects a role entered wrongly at referral, on the timeline and audited', async () => {
    const rory = (await partiesOf(caseId)).find((p) => p.name === 'Rory Wrongrole')!;
    const form = await coordinator.get(`/cases/${caseId}/people/${rory.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(pageText(form.body)).toContain('Change Rory Wrongrole’s details');
    // Restorative justice roles only, the current one chosen.
    expect(form.body).toMatch(/value="victim" checked/);
    expect(form.body).toContain('value="person_who_harmed"');
    expect(form.body).not.toContain('value="local_authority"');
    const res = await coordinator.post(`/cases/${caseId}/people/${rory.id}/edit`, {
      role: 'person_who_harmed',
      name: 'Rory Wrongrole',
      phone: '07700 900 982',
      reason: 'Role entered wrongly at referral',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}/people?done=partyChanged`);
    expect(pageText((await coordinator.get(res.headers.location as string)).body)).toMatch(
      /Rory Wrongrole Change the details \(Rory Wrongrole\) Remove from the case \(Rory Wrongrole\) Role Person who harmed/,
    );
    expect((await partiesOf(caseId)).find((p) => p.id === rory.id)).toMatchObject({ role: 'person_who_harmed', phone: '07700 900 982' });
    const timeline = pageText((await coordinator.get(`/cases/${caseId}/timeline`)).body);
    expect(timeline).toContain('Rory Wrongrole: role corrected from victim to person who harmed; phone changed');
    expect(timeline).toContain('Role entered wrongly at referral');
    const audited = await auditActions();
    expect(audited).toContainEqual(expect.objectContaining({ action: 'party.changed', detail: expect.objectContaining({ changed: ['role', 'phone'] }) }));
    // The audit names the fields, never what was typed.
    expect(JSON.stringify(audited)).not.toContain('07700');
  });

  it('refuses a form with problems, keeping what was typed, with the reasons in the error summary', async () => {
    const rory = (await partiesOf(caseId)).find((p) => p.name === 'Rory Wrongrole')!;
    const res = await coordinator.post(`/cases/${caseId}/people/${rory.id}/edit`, {
      role: 'person_who_harmed',
      name: '',
      email: 'not an email',
      safeContact: 'Only after 6pm, via his sister',
    });
    expect(res.statusCode).toBe(422);
    expect(errorSummary(res.body)).toContain('Enter the person’s name');
    expect(errorSummary(res.body)).toContain('Enter an email address in the correct format');
    expect(res.body).toContain('Only after 6pm, via his sister');
    expect(res.body).toContain('value="not an email"');
  });

  it('adds a person, refusing a role not used for the case type', async () => {
    const wrong = await coordinator.post(`/cases/${caseId}/people/new`, { role: 'local_authority', name: 'Kim Supporter', needs: 'Step-free access' });
    expect(wrong.statusCode).toBe(422);
    expect(errorSummary(wrong.body)).toMatch(/Choose a role used in restorative justice: victim, person who harmed/);
    expect(wrong.body).toContain('Step-free access');
    const none = await coordinator.post(`/cases/${caseId}/people/new`, { name: 'Kim Supporter' });
    expect(errorSummary(none.body)).toContain('Choose the person’s role in the case');
    const res = await coordinator.post(`/cases/${caseId}/people/new`, { role: 'supporter', name: 'Kim Supporter', needs: 'Step-free access' });
    expect(res.statusCode).toBe(303);
    expect((await partiesOf(caseId)).map((p) => p.name)).toContain('Kim Supporter');
    expect(pageText((await coordinator.get(`/cases/${caseId}/timeline`)).body)).toContain('Kim Supporter added to the case as supporter');
  });

  it('removes someone entered in error, with a reason', async () => {
    const kim = (await partiesOf(caseId)).find((p) => p.name === 'Kim Supporter')!;
    expect(pageText((await coordinator.get(`/cases/${caseId}/people/${kim.id}/remove`)).body)).toContain('Remove Kim Supporter');
    const noReason = await coordinator.post(`/cases/${caseId}/people/${kim.id}/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(errorSummary(noReason.body)).toContain('Give a reason for removing the person from the case');
    const res = await coordinator.post(`/cases/${caseId}/people/${kim.id}/remove`, { reason: 'Added to the wrong case' });
    expect(res.statusCode).toBe(303);
    expect((await partiesOf(caseId)).map((p) => p.name)).not.toContain('Kim Supporter');
    expect(pageText((await coordinator.get(`/cases/${caseId}/timeline`)).body)).toContain('Kim Supporter removed from the case');
    expect((await auditActions()).map((a) => a.action)).toEqual(expect.arrayContaining(['party.added', 'party.removed']));
  });

  it('refuses removing someone with an intake record: they withdraw instead', async () => {
    const vic = (await partiesOf(caseId)).find((p) => p.name === 'Vic Shopkeeper')!;
    await coordinator.post(`/cases/${caseId}/people/${vic.id}/intake`, { situationNow: 'Still shaken by it' });
    const res = await coordinator.post(`/cases/${caseId}/people/${vic.id}/remove`, { reason: 'Test' });
    expect(res.statusCode).toBe(409);
    expect(errorSummary(res.body)).toContain('Vic Shopkeeper cannot be removed: record that they withdrew their consent instead');
  });
});

describe('the parties API', () => {
  it('adds, corrects and removes a party, with the reasons in words when refused', async () => {
    const added = await api('POST', `/api/v1/cases/${caseId}/parties`, { name: 'Ash Advocate', role: 'advocate' });
    expect(added.statusCode).toBe(200);
    const id = added.json().id as string;
    const wrongRole = await api('PATCH', `/api/v1/cases/${caseId}/parties/${id}`, { role: 'parent' });
    expect(wrongRole.statusCode).toBe(422);
    expect(wrongRole.json().error.fields.role).toMatch(/Choose a role used in restorative justice/);
    const nothing = await api('PATCH', `/api/v1/cases/${caseId}/parties/${id}`, {});
    expect(nothing.statusCode).toBe(422);
    const changed = await api('PATCH', `/api/v1/cases/${caseId}/parties/${id}`, { role: 'supporter', needs: 'Large print' });
    expect(changed.json()).toEqual({ id, changed: ['role', 'needs'], lettersWithdrawn: 0 });
    const noReason = await api('DELETE', `/api/v1/cases/${caseId}/parties/${id}`, {});
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields.reason).toBe('Give a reason for removing the person from the case');
    expect((await api('DELETE', `/api/v1/cases/${caseId}/parties/${id}`, { reason: 'Not needed' })).json()).toEqual({ id, removed: true });
    expect((await api('DELETE', `/api/v1/cases/${caseId}/parties/${id}`, { reason: 'Again' })).statusCode).toBe(404);
  });

  it('is in the OpenAPI document with its request bodies', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const body = (op: { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }) =>
      Object.keys(op.requestBody.content['application/json']!.schema.properties);
    expect(body(doc.paths['/api/v1/cases/{id}/parties'].post)).toEqual(expect.arrayContaining(['name', 'role', 'safeContact', 'needs']));
    expect(body(doc.paths['/api/v1/cases/{id}/parties/{partyId}'].patch)).toEqual(expect.arrayContaining(['role', 'phone']));
    expect(body(doc.paths['/api/v1/cases/{id}/parties/{partyId}'].delete)).toEqual(['reason']);
  });
});
