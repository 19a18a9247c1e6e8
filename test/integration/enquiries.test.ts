// An enquiry leads somewhere: the enquirer is given a reference; staff reply by email through the outbox (what they
// typed kept on error), or start a referral from it for triage; each step audited; a viewer cannot act on one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { inOrg } from '#src/db/tenant.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { makeMember, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { pageText } from '../support/meetings.ts';
import { WebClient } from '../support/web-client.ts';
import { publicService } from './public-support.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof publicService>>;
let cora: WebClient;

async function enquire(fields: Record<string, string>) {
  const web = new WebClient(h.app);
  await web.get('/s/enq/contact');
  const sent = await web.post('/s/enq/contact', fields);
  expect(sent.statusCode).toBe(303);
  const page = await web.get(sent.headers.location as string);
  return { location: sent.headers.location as string, text: pageText(page.body) };
}

beforeAll(async () => {
  h = await startHarness();
  s = await publicService(h, 'enq');
  cora = await signIn(h, await makeMember(h.deps, s.orgId, 'coordinator', 'cora@enq-staff.example'));
});
afterAll(() => h?.close());

describe('an enquiry', () => {
  it('gives the enquirer a reference on the confirmation page', async () => {
    const { text } = await enquire({ name: 'Jo Okafor', email: 'jo@example.org', message: 'Can you help with my neighbour?' });
    expect(text).toMatch(/Your reference CDM-E-\d{4}-0001/);
    const forged = pageText((await new WebClient(h.app).get('/s/enq/contact/sent?ref=<b>call-this-number</b>')).body);
    expect(forged).not.toContain('call-this-number');
  });

  it('can be answered by email through the outbox, keeping what was typed when there is a problem', async () => {
    const [e] = await h.deps.publicIntake.listEnquiries(s.coordinator, 'new');
    const list = await cora.get('/enquiries');
    expect(list.body).toContain(`href="/enquiries/${e!.id}/reply"`);
    expect(pageText(list.body)).toContain(e!.reference!);
    await cora.get(`/enquiries/${e!.id}/reply`);
    const empty = await cora.post(`/enquiries/${e!.id}/reply`, { message: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Enter your reply');
    const sent = await cora.post(`/enquiries/${e!.id}/reply`, { message: 'Thank you, Jo. We can help: could we call you on Tuesday?' });
    expect(sent.statusCode).toBe(303);
    const mail = await inOrg(h.deps.db, s.orgId, (tx) =>
      tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.orgId, s.orgId), eq(emailOutbox.template, 'enquiry_reply'))),
    );
    expect(mail).toEqual([
      expect.objectContaining({ toAddress: 'jo@example.org', status: 'queued', textBody: 'Thank you, Jo. We can help: could we call you on Tuesday?' }),
    ]);
    expect(mail[0]!.subject).toContain(e!.reference!);
    expect(await h.deps.publicIntake.listEnquiries(s.coordinator, 'new')).toEqual([]);
    const events = await inOrg(h.deps.db, s.orgId, (tx) => searchEvents(tx, { orgId: s.orgId, entity: e!.id }, 50, 0));
    expect(events.rows.map((x) => x.action)).toEqual(expect.arrayContaining(['enquiry.created', 'enquiry.viewed', 'enquiry.replied']));
  });

  it('can start a referral, pre-filled from it, in the triage queue', async () => {
    await enquire({ name: 'Sam Quayside', phone: '01632 960 444', postcode: 'CT1 1AA', message: 'Our new neighbours play music all night.' });
    const e = (await h.deps.publicIntake.listEnquiries(s.coordinator, 'new')).find((x) => x.name === 'Sam Quayside')!;
    expect((await cora.get('/enquiries')).body).not.toContain(`href="/enquiries/${e.id}/reply"`); // no email address: reply by phone
    const started = await cora.post(`/enquiries/${e.id}/referral`, {});
    expect(started.statusCode).toBe(303);
    const referral = pageText((await cora.get(started.headers.location as string)).body);
    expect(referral).toContain('Sam Quayside');
    expect(referral).toContain('Our new neighbours play music all night.');
    expect(referral).toContain('Enquiry (contact form)');
  });

  it('is read but not acted on by a viewer', async () => {
    const viewer = await signIn(h, await makeMember(h.deps, s.orgId, 'viewer', 'vic@enq-staff.example'));
    const [e] = await h.deps.publicIntake.listEnquiries(s.coordinator);
    expect((await viewer.post(`/enquiries/${e!.id}/referral`, {})).statusCode).toBe(403);
  });
});
