// Sharing the outcome with the referrer: each party's consent (yes or no, the day, who recorded it) on the case, the
// outcome emailed to the referrer only when every party agreed, the refusal naming whose agreement is missing, every
// step audited, and the API twin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { inOrg } from '#src/db/tenant.ts';
import { systemActor } from '#src/access/actor.ts';
import { caseAtOutcome } from '../support/closing.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { withKey } from '../support/meetings.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { actorFor } from '../support/volunteers.ts';

let h: Harness;
let orgId: string;
let admin: ReturnType<typeof actorFor>;
let key: string;
let coordinator: Awaited<ReturnType<typeof makeMember>>;

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'share', 'Share Mediation (fictional)'));
  const a = await makeMember(h.deps, orgId, 'admin', 'admin@share.example', { name: 'Ada Admin' });
  coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora@share.example', { name: 'Cora Coordinator' });
  admin = actorFor(orgId, a.userId, 'admin', 'Ada Admin');
  ({ key } = await h.deps.apiKeys.createForOrg(orgId, { name: 'Case system', role: 'coordinator' }, systemActor('test')));
});
afterAll(() => h?.close());

const mailsTo = async (to: string) =>
  (
    (await inOrg(h.deps.db, orgId, (tx) => tx.execute(sql`SELECT subject, text_body FROM email_outbox WHERE to_address = ${to}`))) as unknown as {
      rows: { subject: string; text_body: string }[];
    }
  ).rows;
const audited = async (caseId: string) =>
  (
    (await inOrg(h.deps.db, orgId, (tx) =>
      tx.execute(sql`SELECT action FROM audit_events WHERE entity_id = ${caseId} AND action LIKE 'outcome_share.%' ORDER BY seq`),
    )) as unknown as { rows: { action: string }[] }
  ).rows.map((r) => r.action);

describe('sharing the outcome with the referrer', () => {
  it('records each party’s answer and sends the outcome only when every party agreed, saying whose agreement is missing', async () => {
    const { caseId, parties } = await caseAtOutcome(h, orgId, admin, { description: 'Fence', names: ['Ann Ash', 'Bo Birch'] });
    const referrer = { name: 'Rita Referrer', role: 'Housing officer', organisation: 'Northtown Homes (fictional)', email: 'rita@northtown.example' };
    await inOrg(h.deps.db, orgId, (tx) => tx.execute(sql`UPDATE cases SET details = details || ${JSON.stringify({ referrer })}::jsonb WHERE id = ${caseId}`));
    const [ann, bo] = parties;
    const base = `/cases/${caseId}/agreement/sharing`;
    const web = await signIn(h, coordinator);

    const page = await web.get(base);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('Referrer: Rita Referrer, Northtown Homes (fictional).');
    expect(pageText(page.body)).toContain('Not yet agreed: Ann Ash, Bo Birch');

    // Bad input is refused per field and what was typed stays.
    const bad = await web.post(`${base}/consents`, { partyId: ann!.id, 'decidedOn-day': '31', 'decidedOn-month': '2', 'decidedOn-year': '2026' });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Say whether they agreed to the outcome going to the referrer');
    expect(errorSummary(bad.body)).toContain('The date they answered must be a real date');
    expect(bad.body).toContain('value="31"');
    const today = h.clock.now().toISOString().slice(0, 10);
    const [y, m, d] = today.split('-');
    const future = await web.post(`${base}/consents`, {
      partyId: ann!.id,
      consents: 'yes',
      'decidedOn-day': d!,
      'decidedOn-month': m!,
      'decidedOn-year': String(Number(y) + 1),
    });
    expect(errorSummary(future.body)).toContain('The date they answered must be today or in the past');

    const yes = { consents: 'yes', 'decidedOn-day': d!, 'decidedOn-month': m!, 'decidedOn-year': y! };
    expect((await web.post(`${base}/consents`, { partyId: ann!.id, ...yes })).statusCode).toBe(303);
    expect((await web.post(`${base}/consents`, { partyId: bo!.id, ...yes, consents: 'no' })).statusCode).toBe(303);
    const shown = pageText((await web.get(base)).body);
    expect(shown).toContain(`Ann Ash Yes ${today} Cora Coordinator on`);
    expect(shown).toContain('Bo Birch No');

    // Bo said no: refused, naming Bo.
    const refused = await web.post(`${base}/send`);
    expect(refused.statusCode).toBe(409);
    expect(pageText(refused.body)).toContain('The outcome goes to the referrer only when every party has agreed. Not yet agreed: Bo Birch');
    expect(await mailsTo(referrer.email)).toEqual([]);

    // Bo changes their mind (through the API twin); now it goes.
    const api = withKey(h, key);
    const refusedApi = await api('POST', `/api/v1/cases/${caseId}/outcome/sharing/send`);
    expect(refusedApi.statusCode).toBe(409);
    expect(refusedApi.json().error.message).toContain('Not yet agreed: Bo Birch');
    const changed = await api('POST', `/api/v1/cases/${caseId}/outcome/sharing/consents`, { partyId: bo!.id, consents: true, decidedOn: today });
    expect(changed.statusCode).toBe(200);
    const got = (await api('GET', `/api/v1/cases/${caseId}/outcome/sharing`)).json();
    expect(got.missing).toEqual([]);
    expect(got.parties.map((p: { consents: boolean }) => p.consents)).toEqual([true, true]);
    expect((await web.post(`${base}/send`)).statusCode).toBe(303);
    const [mail] = await mailsTo(referrer.email);
    expect(mail!.subject).toContain('The outcome of case');
    expect(mail!.text_body).toContain('Full agreement');
    expect(mail!.text_body).not.toContain('@example.test'); // no party's contact details
    expect(await audited(caseId)).toEqual(expect.arrayContaining(['outcome_share.viewed', 'outcome_share.consent_recorded', 'outcome_share.sent']));
  });

  it('refuses with the reason when the case has no referrer’s address, and keeps other services out', async () => {
    const { caseId, parties } = await caseAtOutcome(h, orgId, admin, { description: 'Bins', names: ['Cy Cedar', 'Di Dogwood'] });
    for (const p of parties)
      await h.deps.agreements.sharing.recordConsent(admin, caseId, { partyId: p.id, consents: true, decidedOn: h.clock.now().toISOString().slice(0, 10) });
    await expect(h.deps.agreements.sharing.sendToReferrer(admin, caseId)).rejects.toThrow(/no referrer’s email address/);
    const { orgId: otherId } = await makeOrg(h.deps, 'share-other', 'Other Share (fictional)');
    const other = await makeMember(h.deps, otherId, 'admin', 'admin@share-other.example', { name: 'Oz Other' });
    expect((await (await signIn(h, other)).get(`/cases/${caseId}/agreement/sharing`)).statusCode).toBe(404);
  });
});
