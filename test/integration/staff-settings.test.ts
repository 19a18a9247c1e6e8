// The settings: a summary with a short form per section (reference prefix, case types, areas, notices, texts),
// without JavaScript; problems are shown next to their fields and nothing typed is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';
import { errorSummary } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let web: WebClient;
let coordinator: WebClient;

const notice = {
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
};
const texts = {
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

describe('the settings', () => {
  it('are for admins only, as a summary with a change link for each section', async () => {
    expect((await coordinator.get('/settings')).statusCode).toBe(403);
    expect((await coordinator.get('/settings/areas')).statusCode).toBe(403);
    const page = await web.get('/settings');
    expect(page.statusCode).toBe(200);
    for (const href of ['/settings/references', '/settings/case-types', '/settings/areas', '/settings/notices', '/settings/texts'])
      expect(page.body).toContain(`href="${href}"`);
    expect(page.body).not.toContain('<textarea'); // one short form per section, not one long one
    expect((await web.get('/settings/nonsense')).statusCode).toBe(404);
  });

  it('show each problem next to its field on the section’s own form and keep everything typed', async () => {
    const prefix = await web.submit('/settings/references', { referencePrefix: 'C1' });
    expect(prefix.statusCode).toBe(422);
    expect(errorSummary(prefix.body)).toContain('A reference prefix is 2 to 6 letters, like CDM');
    expect(prefix.body).toContain('href="#referencePrefix"');
    expect(prefix.body).toContain('value="C1"');

    const areas = await web.submit('/settings/areas', { postcodePrefixes: 'CT\nNOT A PREFIX', localAuthorities: 'Kent' });
    expect(areas.statusCode).toBe(422);
    expect(errorSummary(areas.body)).toContain('“NOT A PREFIX”: A postcode prefix is an area like CT');
    expect(areas.body).toMatch(/CT\nNOT A PREFIX<\/textarea>/);

    const notices = await web.submit('/settings/notices', {
      ...notice,
      'notice-0-text': '',
      'notice-0-to-day': '31',
      'notice-0-to-month': '2',
      'notice-0-to-year': '2026',
    });
    expect(notices.statusCode).toBe(422);
    const summary = errorSummary(notices.body);
    expect(summary).toContain('Enter the notice text');
    expect(summary).toContain('To must be a real date');
    expect(notices.body).toContain('href="#notice-0-to-day"');
    expect(notices.body).toMatch(/name="notice-0-to-day" type="text" value="31"/);
    expect(notices.body).toMatch(/name="notice-0-flags" type="checkbox" value="homeVisitsSuspended" checked/);

    const offered = await web.submit('/settings/case-types', {});
    expect(offered.statusCode).toBe(422);
    expect(errorSummary(offered.body)).toContain('Select at least one case type to offer');
    expect((await h.deps.settings.forWork(orgId)).referencePrefix).toBe('REF');
  });

  it('save each section on its own, leaving the others alone', async () => {
    expect((await web.submit('/settings/references', { referencePrefix: 'hdm' })).statusCode).toBe(303);
    expect((await web.submit('/settings/case-types', { caseTypes: ['community', 'send'] })).statusCode).toBe(303);
    expect((await web.submit('/settings/areas', { postcodePrefixes: 'CT\nME14\n', localAuthorities: 'Kent' })).statusCode).toBe(303);
    expect((await web.submit('/settings/notices', notice)).statusCode).toBe(303);
    expect((await web.submit('/settings/texts', texts)).statusCode).toBe(303);
    const settings = await h.deps.settings.forWork(orgId);
    expect(settings).toMatchObject({
      referencePrefix: 'HDM',
      caseTypes: ['community', 'send'],
      areas: { postcodePrefixes: ['CT', 'ME14'], localAuthorities: ['Kent'] },
      ...texts,
      notices: [{ text: 'Home visits are suspended until further notice', from: '2026-03-01', homeVisitsSuspended: true, officeClosed: false }],
    });
    const page = await web.get('/settings?done=texts');
    expect(page.body).toContain('HDM');
    expect(page.body).toContain('CT, ME14');
    expect(page.body).toContain('Community mediation, SEND mediation');
    expect(page.body).toContain('Home visits are suspended until further notice');
    expect(page.body).toContain('From 1 March 2026');
  });

  it('add and remove notices', async () => {
    const page = await web.get('/settings/notices');
    const noticeId = (await h.deps.settings.forWork(orgId)).notices[0]!.id;
    expect(page.body).toContain(`name="notice-0-id" value="${noticeId}"`);
    const added = await web.submit('/settings/notices', {
      noticeRows: '2',
      'notice-0-id': noticeId,
      'notice-0-text': 'Home visits are suspended until further notice',
      'notice-0-remove': 'yes',
      'notice-1-id': '',
      'notice-1-text': 'The office is closed over Christmas',
      'notice-1-flags': 'officeClosed',
    });
    expect(added.statusCode).toBe(303);
    const settings = await h.deps.settings.forWork(orgId);
    expect(settings.notices).toHaveLength(1);
    expect(settings.notices[0]).toMatchObject({ text: 'The office is closed over Christmas', officeClosed: true, homeVisitsSuspended: false });
    expect(settings.referencePrefix).toBe('HDM');
  });
});

describe('admin forms sent by someone without the role', () => {
  it('answer 403 before reading the form, never a list of what is wrong with it', async () => {
    const mediator = await signIn(h, await makeMember(h.deps, orgId, 'mediator', 'mo.mediator@hdm.example'));
    await mediator.get('/'); // a CSRF token from a page the mediator may see
    const bad = { referencePrefix: '1', caseTypes: '', name: '', email: 'not an email', role: 'nonsense', postcode: 'nowhere', subject: '', body: '' };
    for (const url of [
      '/settings/references',
      '/settings/case-types',
      '/settings/case-types/new',
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
