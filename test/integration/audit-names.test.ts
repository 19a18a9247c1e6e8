// The audit trail names who did what to which record: staff by name, cases and referrals by reference, parties by
// name with their case — never a bare id for a record that still exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase } from '../support/volunteers.ts';

let h: Harness;
afterAll(() => h?.close());
beforeAll(async () => {
  h = await startHarness();
});

describe('the audit trail', () => {
  it('shows names and references, not ids', async () => {
    const org = await makeOrg(h.deps, 'named');
    const admin = await makeMember(h.deps, org.orgId, 'admin', 'ada@named.example', { name: 'Ada Auditwell' });
    const other = await makeMember(h.deps, org.orgId, 'mediator', 'oz@named.example', { name: 'Oz Examplesson' });
    const made = await makeCase(h.deps, org.orgId, actorFor(org.orgId, admin.userId, 'admin', admin.email), {
      description: 'Hedge between two gardens',
      parties: [{ name: 'Pip Hedgerow' }, { name: 'Quin Laurel' }],
    });
    const web = await signIn(h, admin);
    await web.post(`/people/${other.userId}/role`, { role: 'supervisor' });
    await web.get(`/cases/${made.caseId}`);

    const roles = await web.get('/audit?action=membership');
    expect(roles.body).toContain('Staff member Oz Examplesson');
    expect(roles.body).toContain('Ada Auditwell');
    expect(roles.body).not.toContain(other.userId);

    const views = await web.get('/audit?action=case');
    expect(views.body).toContain(`Case ${made.reference}`);
    expect(views.body).not.toContain(made.caseId);
  });
});
