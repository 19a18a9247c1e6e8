// The agreement pages as people use them: draft on the case's Agreement tab, sign at the meeting on one device (typed
// without JavaScript, and drawn), the signed PDF, the verify page, remote signing by link and code (expiry, lock-out
// after five wrong codes, single use), copies by link, the outcome gate in words, and a mediator not on the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { desc, eq } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { cases } from '#src/db/schema/cases.ts';
import { DRAWN, pdfText, readyAgreement } from '../support/agreements.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { holdSession, type MeetingsWorld, meetingsWorld } from '../support/meetings.ts';
import { pageText } from '../support/page-text.ts';
import { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'pages');
});
afterAll(() => h?.close());

const lastMailTo = async (to: string) => {
  const [m] = await inOrg(h.deps.db, w.orgId, (tx) =>
    tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.createdAt)).limit(1),
  );
  return m!;
};
/** The link in a mail; the services' test actors carry the slug "test", so links they send are moved to the world's service. */
const linkIn = (text: string, kind: 'sign' | 'copy', slug?: string) => {
  const path = new RegExp(`/s/[a-z0-9-]+/${kind}/[A-Za-z0-9_-]+`).exec(text)![0];
  return slug ? path.replace(/^\/s\/[a-z0-9-]+\//, `/s/${slug}/`) : path;
};
const codeIn = (subject: string) => /(\d{6})/.exec(subject)![1]!;

describe('the Agreement tab', () => {
  it('drafts from a joint meeting, makes it ready, and three people sign on one device', async () => {
    const meetingId = await holdSession(h.deps, w.orgId, w.caseId, { issues: 'Noise at night', outcome: 'Sam keeps music down after 10pm' });
    const web = await w.signIn(w.members.cora);
    const tab = await web.get(`/cases/${w.caseId}/agreement`);
    expect(tab.statusCode).toBe(200);
    expect(pageText(tab.body)).toContain('From the record of the joint meeting');
    const empty = await web.post(`/cases/${w.caseId}/agreement`, {});
    expect(empty.statusCode).toBe(422);
    expect(pageText(empty.body)).toContain('Choose how to start the agreement');
    const started = await web.post(`/cases/${w.caseId}/agreement`, { start: `meeting:${meetingId}` });
    expect(started.statusCode).toBe(303);
    const { agreements } = await h.deps.agreements.drafting.forCase(w.coordinator, w.caseId);
    const a = agreements[0]!;
    const base = `/cases/${w.caseId}/agreement/${a.agreement.id}`;

    // A term with a missing "how checked" keeps what was typed.
    const bad = await web.submit(`${base}/terms/${a.terms[0]!.id}`, {
      who: `party:${w.parties.sam}`,
      what: 'Music down after 10pm, Llŷr’s ŵ',
      dueKind: 'date',
      'dueOn-day': '31',
      'dueOn-month': '2',
      'dueOn-year': '2027',
      checkHow: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(pageText(bad.body)).toContain('Music down after 10pm, Llŷr’s ŵ');
    expect(pageText(bad.body)).toContain('The date it is due by must be a real date');
    const good = await web.post(`${base}/terms/${a.terms[0]!.id}`, {
      who: [`party:${w.parties.sam}`, 'service'],
      what: 'Music down after 10pm, Llŷr’s ŵ',
      dueKind: 'ongoing',
      checkHow: 'Ask Alex at the check-in',
    });
    expect(good.statusCode).toBe(303);
    const issues = await web.submit(`/cases/${w.caseId}/agreement`, { 'issue-0': 'Noise at night', 'outcome-0': 'agreed' }, `${base}/issues`);
    expect(issues.statusCode).toBe(303);
    const ready = await web.submit(`/cases/${w.caseId}/agreement`, {}, `${base}/ready`);
    expect(ready.statusCode).toBe(303);

    const v = (await h.deps.agreements.drafting.version(w.coordinator, w.caseId, a.agreement.id)).version;
    const signBase = `${base}/versions/${v.id}/sign`;
    // The mediator on the case runs the device.
    const device = await w.signIn(w.members.vera);
    const neutral = await device.get(signBase);
    expect(pageText(neutral.body)).toContain('Pass the device to the next person');
    const signers = (await h.deps.agreements.drafting.version(w.coordinator, w.caseId, a.agreement.id)).signers;
    // Sam: typed, without JavaScript. A wrong name is refused and what was typed is kept.
    const sam = signers.find((s) => s.name === 'Sam Example')!;
    const samPage = await device.get(`${signBase}/${sam.id}`);
    expect(pageText(samPage.body)).toContain('Music down after 10pm, Llŷr’s ŵ');
    const wrong = await device.post(`${signBase}/${sam.id}`, {
      seenHash: v.hash!,
      method: 'typed',
      typedName: 'Alex Example',
      confirmName: 'yes',
      agree: 'yes',
    });
    expect(wrong.statusCode).toBe(422);
    expect(pageText(wrong.body)).toContain('Type your name exactly as it is on the agreement: Sam Example');
    const signed = await device.post(`${signBase}/${sam.id}`, {
      seenHash: v.hash!,
      method: 'typed',
      typedName: 'Sam Example',
      confirmName: 'yes',
      agree: 'yes',
    });
    expect(signed.statusCode).toBe(303);
    const between = await device.get(signed.headers.location as string);
    expect(pageText(between.body)).toContain('Your signature is recorded');
    expect(pageText(between.body)).not.toContain('Sam Example');
    // Alex draws; the mediators type.
    const alex = signers.find((s) => s.name === 'Alex Example')!;
    expect(
      (await device.post(`${signBase}/${alex.id}`, { seenHash: v.hash!, method: 'drawn', drawing: DRAWN, confirmName: 'yes', agree: 'yes' })).statusCode,
    ).toBe(303);
    for (const m of signers.filter((s) => s.kind === 'mediator'))
      expect(
        (await device.post(`${signBase}/${m.id}`, { seenHash: v.hash!, method: 'typed', typedName: m.name, confirmName: 'yes', agree: 'yes' })).statusCode,
      ).toBe(303);

    const pdf = await web.get(`${base}/versions/${v.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = await pdfText(pdf.rawPayload);
    expect(read.text).toContain('Music down after 10pm, Llŷr’s ŵ');
    expect(read.text).not.toContain('@example.org');

    // Copies: one email per party with an address, a link that needs a code.
    expect((await web.submit(`/cases/${w.caseId}/agreement`, {}, `${base}/versions/${v.id}/copies`)).statusCode).toBe(303);
    const mail = await lastMailTo('sam@example.org');
    expect(mail.textBody).not.toContain('alex@example.org');
    const party = new WebClient(h.app);
    const copyPath = linkIn(mail.textBody, 'copy');
    expect((await party.get(`${copyPath}/pdf`)).statusCode).toBe(401);
    await party.get(copyPath);
    expect((await party.post(`${copyPath}/code`)).statusCode).toBe(303);
    const code = codeIn((await lastMailTo('sam@example.org')).subject);
    expect((await party.post(`${copyPath}/confirm`, { code })).statusCode).toBe(303);
    const copy = await party.get(`${copyPath}/pdf`);
    expect(copy.headers['content-type']).toBe('application/pdf');
    // Someone else's browser with the same link still needs the code.
    expect((await new WebClient(h.app).get(`${copyPath}/pdf`)).statusCode).toBe(401);

    // The verify page: the PDF matches, a changed one does not, and it says nothing else.
    const visitor = new WebClient(h.app);
    await visitor.get('/s/pages/verify');
    const byRef = await visitor.post('/s/pages/verify', { reference: v.reference! });
    expect(pageText(byRef.body)).toContain('It matches');
    expect(pageText(byRef.body)).not.toContain('Sam Example');
    const upload = async (bytes: Buffer) => {
      const boundary = 'parleyboundary';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${visitor.csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="pdf"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const cookie = [...visitor.cookies].map(([k, val]) => `${k}=${val}`).join('; ');
      return h.app.inject({
        method: 'POST',
        url: '/s/pages/verify',
        payload: body,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    expect(pageText((await upload(pdf.rawPayload)).body)).toContain('It matches');
    const changed = Buffer.from(pdf.rawPayload);
    changed[changed.length - 30] = 0x41;
    expect(pageText((await upload(changed)).body)).toContain('It does not match');
  });

  it('says in words why the case cannot move to Outcome until the agreement is signed, then records the outcome', async () => {
    const w2 = await meetingsWorld(h, 'outcome');
    const api = h.deps.agreements;
    const r = await readyAgreement(h, w2);
    await inOrg(h.deps.db, w2.orgId, (tx) => tx.update(cases).set({ status: 'mediation' }).where(eq(cases.id, w2.caseId)));
    const refused = await api.outcome.get(w2.coordinator, w2.caseId);
    expect(refused.canMove).toMatchObject({ allowed: false });
    expect(JSON.stringify(refused.canMove)).toContain('The agreement is waiting for signatures from Sam Example, Alex Example, Vera Volunteer, Leo Volunteer');
    for (const s of r.signers)
      await api.signing.signInPerson(w2.mediator, w2.caseId, r.agreementId, r.versionId, s.id, {
        method: 'typed',
        typedName: s.name,
        confirmName: true,
        agree: true,
        seenHash: r.hash,
      });
    const got = await api.outcome.get(w2.coordinator, w2.caseId);
    expect(got.issues.map((i) => i.fromAgreement)).toEqual(['agreed', 'partly_agreed']);
    // The issue outcomes come from the signed agreement; a full agreement is refused in words (one issue partly agreed).
    const full = await api.outcome.record(w2.coordinator, w2.caseId, { outcome: 'full_agreement' }).catch((e: Error) => e);
    expect((full as Error).message).toContain('A full agreement needs every issue agreed');
    const partial = await api.outcome.record(w2.coordinator, w2.caseId, { outcome: 'partial_agreement' });
    expect(partial).toMatchObject({ status: 'outcome', issues: [{ outcome: 'agreed' }, { outcome: 'partly_agreed' }] });
  });
});

describe('remote signing', () => {
  it('needs the code, locks after five wrong codes, works once, and expires', async () => {
    const w3 = await meetingsWorld(h, 'remote');
    const r = await readyAgreement(h, w3);
    const alex = r.signers.find((s) => s.name === 'Alex Example')!;
    const send = () => h.deps.agreements.signing.sendLink(w3.coordinator, w3.caseId, r.agreementId, r.versionId, alex.id);
    await send();
    const path = linkIn(
      (
        await inOrg(h.deps.db, w3.orgId, (tx) =>
          tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'alex@example.org')).orderBy(desc(emailOutbox.createdAt)).limit(1),
        )
      )[0]!.textBody,
      'sign',
      'remote',
    );
    const party = new WebClient(h.app, { remoteAddress: '203.0.113.7' });
    const first = await party.get(path);
    expect(first.statusCode, `${path} ${pageText(first.body)}`).toBe(200);
    expect(pageText(first.body)).not.toContain('Alex parks');
    const sent = await party.post(`${path}/code`);
    expect(sent.statusCode, pageText(sent.body)).toBe(303);
    for (let i = 0; i < 4; i++) expect(pageText((await party.post(`${path}/confirm`, { code: '000000' })).body)).toContain('That code is not right');
    const locked = await party.post(`${path}/confirm`, { code: '000000' });
    expect(pageText(locked.body)).toContain('locked after five wrong codes');
    const s = await h.deps.agreements.signing.signatures(w3.coordinator, w3.caseId, r.agreementId, r.versionId);
    expect(s.links[0]!.lockedAt).not.toBeNull();
    expect(s.events[0]!.kind).toBe('viewed');
    expect(s.events.map((e) => e.kind).filter((k) => k !== 'viewed')).toEqual(['code_sent', 'code_wrong', 'code_wrong', 'code_wrong', 'code_wrong', 'locked']);
    expect(s.events.every((e) => e.addressHash && !e.addressHash.includes('203.0.113.7'))).toBe(true);
    // The case team sees it.
    const web = await w3.signIn(w3.members.cora);
    expect(pageText((await web.get(`/cases/${w3.caseId}/agreement`)).body)).toContain('Alex Example’s signing link was locked after five wrong codes');

    // A new link: the right code, then sign once; the link does not work twice.
    await send();
    const mail = (
      await inOrg(h.deps.db, w3.orgId, (tx) =>
        tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'alex@example.org')).orderBy(desc(emailOutbox.createdAt)).limit(1),
      )
    )[0]!;
    const path2 = linkIn(mail.textBody, 'sign', 'remote');
    await party.get(path2);
    await party.post(`${path2}/code`);
    const codeMail = (
      await inOrg(h.deps.db, w3.orgId, (tx) =>
        tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'alex@example.org')).orderBy(desc(emailOutbox.createdAt)).limit(1),
      )
    )[0]!;
    expect((await party.post(`${path2}/confirm`, { code: codeIn(codeMail.subject) })).statusCode).toBe(303);
    const reading = await party.get(path2);
    expect(pageText(reading.body)).toContain('Alex parks on the street side');
    const done = await party.post(path2, { seenHash: r.hash, method: 'typed', typedName: 'Alex Example', confirmName: 'yes', agree: 'yes' });
    expect(pageText(done.body)).toContain('You have signed the agreement');
    expect(pageText((await party.get(path2)).body)).toContain('used already');
    const after = await h.deps.agreements.signing.signatures(w3.coordinator, w3.caseId, r.agreementId, r.versionId);
    const signedAlex = after.signers.find((x) => x.id === alex.id)!;
    expect(signedAlex).toMatchObject({ status: 'signed', channel: 'remote', versionHash: r.hash });
    expect(signedAlex.addressHash).toMatch(/^[0-9a-f]{32}$/);

    // Sam's link expires after 14 days.
    const sam = r.signers.find((x) => x.name === 'Sam Example')!;
    await h.deps.agreements.signing.sendLink(w3.coordinator, w3.caseId, r.agreementId, r.versionId, sam.id);
    const samMail = (
      await inOrg(h.deps.db, w3.orgId, (tx) =>
        tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'sam@example.org')).orderBy(desc(emailOutbox.createdAt)).limit(1),
      )
    )[0]!;
    h.clock.current = new Date(h.clock.now().getTime() + 15 * 86_400_000);
    expect(pageText((await new WebClient(h.app).get(linkIn(samMail.textBody, 'sign', 'remote'))).body)).toContain('This signing link has expired');
  });

  it('keeps a mediator who is not on the case out', async () => {
    const w4 = await meetingsWorld(h, 'access');
    const r = await readyAgreement(h, w4);
    const otto = await w4.signIn(w4.members.otto);
    expect((await otto.get(`/cases/${w4.caseId}/agreement`)).statusCode).toBe(403);
    expect((await otto.get(`/cases/${w4.caseId}/agreement/${r.agreementId}/versions/${r.versionId}/sign`)).statusCode).toBe(403);
  });
});
