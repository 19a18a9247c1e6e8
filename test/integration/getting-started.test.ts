// A new service finds its way: an admin's home lists what is left to set up, each item worked out from the service's
// own data with a link to where it is done, until it is all done or put away; staff pages link to the public site; the
// Mediators tab of a service with no volunteers says how to add them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeVenue, pageText } from '../support/meetings.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;

const statusOf = (html: string, id: string) => {
  const at = html.indexOf(`id="setup-${id}"`);
  expect(at, id).toBeGreaterThan(-1);
  const from = html.indexOf(`id="setup-${id}-status"`, at);
  return pageText(html.slice(html.indexOf('>', from) + 1, html.indexOf('</li>', at))).trim();
};

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('the getting-started checklist', () => {
  let orgId: string;
  let ada: WebClient;
  let admin: ReturnType<typeof actorFor>;

  beforeAll(async () => {
    ({ orgId } = await makeOrg(h.deps, 'gsm', 'Greenside Mediation (fictional)'));
    const m = await makeMember(h.deps, orgId, 'admin', 'ada@gsm.example', { name: 'Ada Admin' });
    admin = actorFor(orgId, m.userId, 'admin', 'Ada Admin');
    ada = await signIn(h, m);
  });

  it('starts with everything to do, each item linking to where it is done', async () => {
    const home = await ada.get('/home');
    expect(home.body).toContain('Get your service ready');
    expect(pageText(home.body)).toContain('You have done 0 of 8 things.');
    for (const [id, href] of [
      ['settings', '/settings'],
      ['case-types', '/settings/case-types'],
      ['areas', '/settings/areas'],
      ['safeguarding-lead', '/people/invite'],
      ['venues', '/venues/new'],
      ['volunteers', '/volunteers/new'],
      ['colleagues', '/people/invite'],
      ['public-page', '/settings/texts'],
    ]) {
      expect(statusOf(home.body, id!)).toBe('To do');
      expect(home.body.slice(home.body.indexOf(`id="setup-${id}"`))).toMatch(new RegExp(`^[^]*?href="${href}"`));
    }
    expect(home.body).toContain('href="/s/gsm"'); // the public site, from every staff page
  });

  it('says the Mediators tab of a service with no volunteers is waiting for volunteers, with the way to add them', async () => {
    const c = await makeCase(h.deps, orgId, admin, {
      description: 'Hedge dispute on Mill Lane',
      parties: [{ name: 'Pat Example' }, { name: 'Chris Example' }],
    });
    const tab = await ada.get(`/cases/${c.caseId}/mediators`);
    expect(tab.statusCode).toBe(200);
    expect(pageText(tab.body)).toContain('This service has no volunteers to pair on cases yet.');
    expect(tab.body).toContain('href="/volunteers/new"');
  });

  it('ticks items off from the real data, and goes when all are done', async () => {
    await makeVolunteer(h.deps, orgId, { name: 'Vera Volunteer' });
    await makeVenue(h.deps, orgId, { name: 'Greenside Hall', rooms: ['Room 1'] });
    let home = await ada.get('/home');
    expect(statusOf(home.body, 'volunteers')).toBe('Done');
    expect(statusOf(home.body, 'venues')).toBe('Done');
    expect(statusOf(home.body, 'safeguarding-lead')).toBe('To do');

    await makeMember(h.deps, orgId, 'safeguarding_lead', 'sal@gsm.example');
    home = await ada.get('/home');
    expect(statusOf(home.body, 'safeguarding-lead')).toBe('Done');
    expect(statusOf(home.body, 'colleagues')).toBe('Done');
    expect(statusOf(home.body, 'areas')).toBe('To do');

    await h.deps.settings.update(admin, {
      referencePrefix: 'GSM',
      caseTypes: ['community'],
      areas: { postcodePrefixes: ['CT'] },
      welcome: 'We help neighbours talk.',
      privacyNotice: 'We keep what you tell us safe.',
    });
    home = await ada.get('/home');
    expect(home.body).not.toContain('Get your service ready');
  });

  it('is for admins only, and an admin can put it away', async () => {
    const other = await makeOrg(h.deps, 'gsn', 'Greenside North Mediation (fictional)');
    const bea = await signIn(h, await makeMember(h.deps, other.orgId, 'admin', 'bea@gsn.example'));
    const cora = await signIn(h, await makeMember(h.deps, other.orgId, 'coordinator', 'cora@gsn.example'));
    expect((await cora.get('/home')).body).not.toContain('Get your service ready');
    expect((await cora.post('/home/getting-started/dismiss', {})).statusCode).toBe(403);
    await bea.get('/home');
    const put = await bea.post('/home/getting-started/dismiss', {});
    expect(put.statusCode).toBe(303);
    expect((await bea.get('/home')).body).not.toContain('Get your service ready');
  });
});
