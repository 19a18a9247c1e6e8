// The signer's language: the remote signing page and the emails carrying signing links, codes and copies use the
// party's preferred language, not the browser's; a language the person chose on the page wins; English stands where a
// message has no Welsh yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cy from '#src/i18n/catalogues/cy.json' with { type: 'json' };
import { inOrg } from '#src/db/tenant.ts';
import { desc, eq } from '#src/db/orm.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { parties } from '#src/db/schema/cases.ts';
import { readyAgreement } from '../support/agreements.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type MeetingsWorld, meetingsWorld } from '../support/meetings.ts';
import { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
const welsh = cy as Record<string, string | null>;
// Stand-ins for the Welsh to come (the catalogue has none for these messages yet): the test reads which language was used.
const SIGN_SUBJECT = 'Your agreement with {service} is ready to sign';
const CODE_SUBJECT = 'Your code from {service}: {code}';
const COPY_SUBJECT = 'Your copy of the signed agreement with {service}';
const saved = { sign: welsh[SIGN_SUBJECT], code: welsh[CODE_SUBJECT], copy: welsh[COPY_SUBJECT] };

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'iaith');
  welsh[SIGN_SUBJECT] = 'CY: mae eich cytundeb gyda {service} yn barod';
  welsh[CODE_SUBJECT] = 'CY: eich cod {code}';
  welsh[COPY_SUBJECT] = 'CY: eich copi gyda {service}';
  await inOrg(h.deps.db, w.orgId, (tx) => tx.update(parties).set({ preferredLanguage: 'cy' }).where(eq(parties.id, w.parties.alex)));
});
afterAll(async () => {
  welsh[SIGN_SUBJECT] = saved.sign ?? null;
  welsh[CODE_SUBJECT] = saved.code ?? null;
  welsh[COPY_SUBJECT] = saved.copy ?? null;
  await h?.close();
});

const lastMailTo = async (to: string) =>
  (
    await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.createdAt)).limit(1))
  )[0]!;
const signPath = (text: string) => /\/s\/[a-z0-9-]+\/sign\/[A-Za-z0-9_-]+/.exec(text)![0].replace(/^\/s\/[a-z0-9-]+\//, '/s/iaith/');
const htmlLang = (html: string) => /<html lang="([a-z]+)"/.exec(html)?.[1];

describe('the signer’s language', () => {
  it('words the signing link, the code and the page in the party’s language, and the copies too', async () => {
    const r = await readyAgreement(h, w);
    const alex = r.signers.find((s) => s.name === 'Alex Example')!;
    const sam = r.signers.find((s) => s.name === 'Sam Example')!;
    await h.deps.agreements.signing.sendLink(w.coordinator, w.caseId, r.agreementId, r.versionId, alex.id);
    await h.deps.agreements.signing.sendLink(w.coordinator, w.caseId, r.agreementId, r.versionId, sam.id);
    const alexMail = await lastMailTo('alex@example.org');
    expect(alexMail.subject).toMatch(/^CY: mae eich cytundeb gyda /);
    // A message with no Welsh yet stays English.
    expect(alexMail.textBody).toContain('Dear Alex Example,');
    expect((await lastMailTo('sam@example.org')).subject).toMatch(/^Your agreement with .* is ready to sign$/);

    // Alex's browser asks for English; the page is in Alex's language, with the Welsh the catalogue has.
    const party = new WebClient(h.app, { remoteAddress: '203.0.113.50' });
    const path = signPath(alexMail.textBody);
    const page = await party.get(path, { 'accept-language': 'en-GB' });
    expect(page.statusCode).toBe(200);
    expect(htmlLang(page.body)).toBe('cy');
    expect(page.body).toContain('Hysbysiad preifatrwydd');
    // Alex chooses English on the page: that wins.
    expect(htmlLang((await party.get(`${path}?lang=en`)).body)).toBe('en');
    await party.post(`${path}/code`);
    expect((await lastMailTo('alex@example.org')).subject).toMatch(/^CY: eich cod \d{6}$/);

    // Sam prefers English: a Welsh browser still gets Sam's language.
    const samPage = await new WebClient(h.app, { remoteAddress: '203.0.113.51' }).get(signPath((await lastMailTo('sam@example.org')).textBody), {
      'accept-language': 'cy',
    });
    expect(htmlLang(samPage.body)).toBe('en');

    // Everyone signs in person; each party's copy comes in their language.
    const v = await h.deps.agreements.drafting.version(w.coordinator, w.caseId, r.agreementId);
    for (const s of v.signers)
      await h.deps.agreements.signing.signInPerson(w.coordinator, w.caseId, r.agreementId, r.versionId, s.id, {
        method: 'typed',
        typedName: s.name,
        confirmName: true,
        agree: true,
        seenHash: r.hash,
      });
    await h.deps.agreements.signing.sendCopies(w.coordinator, w.caseId, r.agreementId, r.versionId);
    expect((await lastMailTo('alex@example.org')).subject).toMatch(/^CY: eich copi gyda /);
    expect((await lastMailTo('sam@example.org')).subject).toMatch(/^Your copy of the signed agreement with /);
  });
});
