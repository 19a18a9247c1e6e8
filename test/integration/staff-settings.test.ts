// The settings page: an admin changes prefixes, case types, areas, notices and texts without JavaScript;
// problems are shown next to their fields and nothing typed is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';
import { errorSummary } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let web: WebClient;
let coordinator: WebClient;

const valid = {
  referencePrefix: 'hdm',
  caseTypes: 'community',
  postcodePrefixes: 'CT\nME14\n',
  localAuthorities: 'Kent',
  noticeRows: '1',
  'notice-0-id': '',
  'notice-0-text': 'Home visits are suspended until further notice',
  'notice-0-from-day': '1',
  'notice-0-from-month': '3',
  'notice-0-from-year': '2026',
  'notice-0-to-day': '',
  'notice-0-to-month': '',
  'notice-0-to-year': '',
  'notice-0-flags': 'homeVisitsSuspended',
  welcome: 'We help neighbours sort things out.',
  emergencyContacts: 'In an emergency call 999.',
  signposting: 'Citizens Advice can help with money problems.',
  privacyNotice: 'We keep what you tell us safe.',
};

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'hdm', 'Harbour District Mediation (fictional)'));
  web = await signIn(h, await makeMember(h.deps, orgId, 'admin', 'ada@hdm.example'));
  coordinator = await signIn(h, await makeMember(h.deps, orgId, 'coordinator', 'cora@hdm.example'));
});
afterAll(() => h?.close());

describe('the settings page', () => {
  it('is for admins only', async () => {
    expect((await coordinator.get('/settings')).statusCode).toBe(403);
    expect((await web.get('/settings')).statusCode).toBe(200);
  });

  it('shows each problem next to its field and keeps everything typed', async () => {
    await web.get('/settings');
    const body = new URLSearchParams({
      ...valid,
      referencePrefix: 'C1',
      postcodePrefixes: 'CT\nNOT A PREFIX',
      'notice-0-text': '',
      'notice-0-to-day': '31',
      'notice-0-to-month': '2',
      'notice-0-to-year': '2026',
      welcome: 'Our new welcome, typed with care',
    });
    body.append('caseTypes', 'send');
    const res = await web.app.inject({
      method: 'POST',
      url: '/settings',
      payload: `${body.toString()}&_csrf=${encodeURIComponent(web.csrf!)}`,
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(422);
    const summary = errorSummary(res.body);
    expect(summary).toContain('A reference prefix is 2 to 6 letters, like CDM');
    expect(summary).toContain('“NOT A PREFIX”: A postcode prefix is an area like CT');
    expect(summary).toContain('Enter the notice text');
    expect(summary).toContain('To must be a real date');
    expect(res.body).toContain('href="#referencePrefix"');
    expect(res.body).toContain('href="#notice-0-to-day"');
    expect(res.body).toContain('value="C1"');
    expect(res.body).toMatch(/CT\nNOT A PREFIX<\/textarea>/);
    expect(res.body).toContain('Our new welcome, typed with care</textarea>');
    expect(res.body).toMatch(/name="notice-0-to-day" type="text" value="31"/);
    expect(res.body).toMatch(/name="caseTypes" type="checkbox" value="send" checked/);
    expect(res.body).toMatch(/name="notice-0-flags" type="checkbox" value="homeVisitsSuspended" checked/);
    expect((await h.deps.settings.forWork(orgId)).referencePrefix).toBe('REF');
  });

  it('saves the settings, and adds and removes notices', async () => {
    await web.get('/settings');
    const saved = await web.post('/settings', valid);
    expect(saved.statusCode).toBe(303);
    let settings = await h.deps.settings.forWork(orgId);
    expect(settings).toMatchObject({
      referencePrefix: 'HDM',
      caseTypes: ['community'],
      areas: { postcodePrefixes: ['CT', 'ME14'], localAuthorities: ['Kent'] },
      welcome: 'We help neighbours sort things out.',
      notices: [{ text: 'Home visits are suspended until further notice', from: '2026-03-01', homeVisitsSuspended: true, officeClosed: false }],
    });
    const page = await web.get('/settings?done=saved');
    expect(page.body).toContain('Settings saved.');
    expect(page.body).toContain('Home visits are suspended until further notice</textarea>');
    const noticeId = settings.notices[0]!.id;
    expect(page.body).toContain(`name="notice-0-id" value="${noticeId}"`);

    const added = await web.post('/settings', {
      ...valid,
      noticeRows: '2',
      'notice-0-id': noticeId,
      'notice-0-remove': 'yes',
      'notice-1-id': '',
      'notice-1-text': 'The office is closed over Christmas',
      'notice-1-flags': 'officeClosed',
    });
    expect(added.statusCode).toBe(303);
    settings = await h.deps.settings.forWork(orgId);
    expect(settings.notices).toHaveLength(1);
    expect(settings.notices[0]).toMatchObject({ text: 'The office is closed over Christmas', officeClosed: true, homeVisitsSuspended: false });
  });
});

describe('admin forms sent by someone without the role', () => {
  it('answer 403 before reading the form, never a list of what is wrong with it', async () => {
    const mediator = await signIn(h, await makeMember(h.deps, orgId, 'mediator', 'mo.mediator@hdm.example'));
    await mediator.get('/'); // a CSRF token from a page the mediator may see
    const bad = { referencePrefix: '1', caseTypes: '', name: '', email: 'not an email', role: 'nonsense', postcode: 'nowhere', subject: '', body: '' };
    for (const url of [
      '/settings',
      '/volunteers/policy',
      '/settings/meetings',
      '/settings/emails/meeting_invitation',
      '/people/invite',
      '/api-keys',
      '/venues/new',
      '/volunteers/new',
    ]) {
      const res = await mediator.post(url, bad);
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).toContain('you are a mediator');
      expect(res.body, url).not.toContain('govuk-error-summary__list');
    }
  });
});
