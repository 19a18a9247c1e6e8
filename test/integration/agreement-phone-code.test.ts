// The code by phone: the case team sees a signer's current six-digit code to read out when the email has not arrived
// (or makes one), only while the link is live; every view is audited without the code; people off the case are kept out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { desc, eq, sql } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { readyAgreement } from '../support/agreements.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type MeetingsWorld, meetingsWorld } from '../support/meetings.ts';
import { pageText } from '../support/page-text.ts';
import { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'phone');
});
afterAll(() => h?.close());

const lastMailTo = async (to: string) =>
  (
    await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.createdAt)).limit(1))
  )[0]!;
const signPath = (text: string) => /\/s\/[a-z0-9-]+\/sign\/[A-Za-z0-9_-]+/.exec(text)![0].replace(/^\/s\/[a-z0-9-]+\//, '/s/phone/');
const shownCode = (html: string) => /govuk-panel__title">\s*(\d{6})\s*</.exec(html)?.[1];

describe('the code by phone', () => {
  it('shows the signer’s current code while the link is live, makes one when none is in use, and audits each view', async () => {
    const r = await readyAgreement(h, w);
    const alex = r.signers.find((s) => s.name === 'Alex Example')!;
    const sam = r.signers.find((s) => s.name === 'Sam Example')!;
    const base = `/cases/${w.caseId}/agreement/${r.agreementId}/versions/${r.versionId}/signers`;
    const cora = await w.signIn(w.members.cora);

    expect(pageText((await cora.get(`${base}/${alex.id}/code`)).body)).toContain('Alex Example has no live signing link, so there is no code to show');
    await h.deps.agreements.signing.sendLink(w.coordinator, w.caseId, r.agreementId, r.versionId, alex.id);
    const tab = pageText((await cora.get(`/cases/${w.caseId}/agreement`)).body);
    expect(tab).toContain('Alex Example’s code, to read out by phone');
    expect(pageText((await cora.get(`${base}/${alex.id}/code`)).body)).toContain('There is no code in use for Alex Example’s link');

    // Alex asks for a code; the email does not arrive, so the coordinator reads out the same code.
    const path = signPath((await lastMailTo('alex@example.org')).textBody);
    const party = new WebClient(h.app, { remoteAddress: '203.0.113.60' });
    await party.get(path);
    expect((await party.post(`${path}/code`)).statusCode).toBe(303);
    const emailed = /(\d{6})/.exec((await lastMailTo('alex@example.org')).subject)![1];
    const page = await cora.get(`${base}/${alex.id}/code`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(shownCode(page.body)).toBe(emailed);
    // A mediator on the case may see it too; one who is not on the case may not.
    expect(shownCode((await (await w.signIn(w.members.vera)).get(`${base}/${alex.id}/code`)).body)).toBe(emailed);
    expect((await (await w.signIn(w.members.otto)).get(`${base}/${alex.id}/code`)).statusCode).toBe(403);
    const audits = (await inOrg(h.deps.db, w.orgId, (tx) =>
      tx.execute(sql`SELECT detail::text AS detail FROM audit_events WHERE action = 'agreement.code_viewed'`),
    )) as unknown as { rows: { detail: string }[] };
    expect(audits.rows.length).toBeGreaterThanOrEqual(4);
    expect(audits.rows.some((a) => a.detail.includes(emailed!))).toBe(false);

    expect((await party.post(`${path}/confirm`, { code: emailed! })).statusCode).toBe(303);
    expect(pageText((await cora.get(`${base}/${alex.id}/code`)).body)).toContain('Alex Example has already confirmed their link with a code');

    // Sam's email never came: the coordinator makes a code and reads it out; it works.
    await h.deps.agreements.signing.sendLink(w.coordinator, w.caseId, r.agreementId, r.versionId, sam.id);
    const samPath = signPath((await lastMailTo('sam@example.org')).textBody);
    expect((await cora.post(`${base}/${sam.id}/code`)).statusCode).toBe(303);
    const made = shownCode((await cora.get(`${base}/${sam.id}/code`)).body);
    expect(made).toMatch(/^\d{6}$/);
    const samClient = new WebClient(h.app, { remoteAddress: '203.0.113.61' });
    await samClient.get(samPath);
    expect((await samClient.post(`${samPath}/confirm`, { code: made! })).statusCode).toBe(303);

    // Not shown once the code has expired, nor once the link is withdrawn.
    await h.deps.agreements.signing.sendLink(w.coordinator, w.caseId, r.agreementId, r.versionId, sam.id);
    await cora.post(`${base}/${sam.id}/code`);
    expect(shownCode((await cora.get(`${base}/${sam.id}/code`)).body)).toMatch(/^\d{6}$/);
    h.clock.advance(31 * 60_000);
    const late = await w.signIn(w.members.cora);
    expect(shownCode((await late.get(`${base}/${sam.id}/code`)).body)).toBeUndefined();
    await late.post(`${base}/${sam.id}/code`);
    const links = (await h.deps.agreements.signing.signatures(w.coordinator, w.caseId, r.agreementId, r.versionId)).links;
    const open = links.find((l) => l.signerId === sam.id && !l.revokedAt && !l.usedAt)!;
    await h.deps.agreements.signing.revokeLink(w.coordinator, w.caseId, r.agreementId, r.versionId, open.id);
    const after = await late.get(`${base}/${sam.id}/code`);
    expect(shownCode(after.body)).toBeUndefined();
    expect(pageText(after.body)).toContain('Sam Example has no live signing link');
  });
});
