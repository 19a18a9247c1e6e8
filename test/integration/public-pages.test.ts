// A service's public pages: home with its offer, contact details and current notices; the postcode check's
// three answers; the contact form with an appointment request; volunteering; the honeypot; unknown services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFor } from '#src/http/access.ts';
import { importPostcodes, SAMPLE_POSTCODES_FILE } from '#src/features/postcodes/postcodes-import.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { WebClient } from '../support/web-client.ts';
import { postRepeated, publicService, SIGNPOSTING } from './public-support.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof publicService>>;

beforeAll(async () => {
  h = await startHarness();
  const today = h.clock.now().toISOString().slice(0, 10);
  s = await publicService(h, 'wkm', {
    welcome: 'We help neighbours and families sort out disagreements (fictional).',
    privacyNotice: 'WKM (fictional) keeps what you tell us confidential.\n\nWe keep case files for 3 years.',
    notices: [
      { id: 'covid', text: 'We have cancelled all home visits. The office is open.', homeVisitsSuspended: true, officeClosed: false, from: '2020-03-01' },
      { id: 'summer', text: 'Summer opening hours apply.', homeVisitsSuspended: false, officeClosed: false, from: today, to: today },
      { id: 'old', text: 'An old notice that has ended.', homeVisitsSuspended: false, officeClosed: false, to: '2021-01-01' },
    ],
  });
});
afterAll(() => h?.close());

describe('service home page', () => {
  it('says what the service offers, how to contact it, and which notices apply today', async () => {
    const home = await new WebClient(h.app).get('/s/wkm');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<h1 class="govuk-heading-xl">WKM Mediation (fictional)</h1>');
    expect(home.body).toContain('<title>WKM Mediation (fictional)</title>'); // the name once, not twice
    expect(home.body).toContain('We help neighbours and families sort out disagreements (fictional).');
    for (const offer of ['Community mediation', 'Restorative justice', 'SEND mediation']) expect(home.body).toContain(offer);
    expect(home.body).not.toContain('Social care mediation');
    expect(home.body).toMatch(/govuk-notification-banner[\s\S]*We have cancelled all home visits/);
    expect(home.body).toContain('Summer opening hours apply.');
    expect(home.body).not.toContain('An old notice that has ended.');
    for (const link of ['coverage', 'contact', 'refer', 'professional-referral', 'volunteer', 'privacy']) expect(home.body).toContain(`href="/s/wkm/${link}"`);
    const privacy = await new WebClient(h.app).get('/s/wkm/privacy');
    expect(privacy.body).toContain('We keep case files for 3 years.');
  });

  it('is open to anyone: every /s/ route is listed as public, and none is left out', () => {
    const routes = h.app.routeList.filter((r) => r.url.startsWith('/s/') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => accessFor(r.method, r.url) !== 'public').map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('shows the not-found page for an unknown service', async () => {
    for (const path of ['/s/nobody', '/s/nobody/coverage', '/s/nobody/contact', '/s/nobody/professional-referral']) {
      const res = await new WebClient(h.app).get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).toContain('Page not found');
    }
  });
});

describe('postcode check', () => {
  it('answers covered (with the local authority when known), not covered (with signposting), and not recognised', async () => {
    const web = new WebClient(h.app);
    const form = await web.get('/s/wkm/coverage');
    expect(form.body).toContain('Check if we cover your area');
    expect(form.body).not.toContain('There is a problem');

    const covered = await web.get('/s/wkm/coverage?postcode=ct1+2ab');
    expect(covered.statusCode).toBe(200);
    expect(covered.body).toContain('We cover CT1 2AB');

    // The service covers a local authority: until a postcode lookup is loaded it cannot tell, and says so.
    const cannotTell = await web.get('/s/wkm/coverage?postcode=SW1A%201AA');
    expect(cannotTell.body).toContain('We cannot check SW1A 1AA yet');
    expect(cannotTell.body).not.toContain('We do not cover');
    await importPostcodes(h.deps.db, SAMPLE_POSTCODES_FILE);

    const notCovered = await web.get('/s/wkm/coverage?postcode=SW1A%201AA');
    expect(notCovered.body).toContain('We do not cover SW1A 1AA');
    expect(notCovered.body).toContain(SIGNPOSTING);

    const junk = await web.get('/s/wkm/coverage?postcode=hello');
    expect(junk.statusCode).toBe(422);
    expect(junk.body).toContain('There is a problem');
    expect(junk.body).toContain('Enter a real postcode, like CT1 2AB');
    expect(junk.body).toContain('value="hello"');
    expect(junk.body).toContain('href="#postcode"');

    const empty = await web.get('/s/wkm/coverage?postcode=');
    expect(empty.body).toContain('Enter a postcode, like CT1 2AB');
  });
});

describe('contact form', () => {
  it('needs an email or a phone, keeps what was typed, and records the appointment request', async () => {
    const web = new WebClient(h.app);
    await web.get('/s/wkm/contact');
    const empty = await web.post('/s/wkm/contact', {});
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Enter your name');
    expect(empty.body).toContain('Enter your message');

    const noWay = await web.post('/s/wkm/contact', { name: 'Jo Okafor', message: 'Can you help with my neighbour?', days: 'tuesday' });
    expect(noWay.statusCode).toBe(422);
    expect(noWay.body).toContain('Enter an email address or a phone number so we can reply');
    expect(noWay.body).toContain('value="Jo Okafor"');
    expect(noWay.body).toContain('Can you help with my neighbour?');
    expect(noWay.body).toMatch(/value="tuesday" checked/);

    const badEmail = await web.post('/s/wkm/contact', { name: 'Jo Okafor', email: 'jo@', message: 'Hello' });
    expect(badEmail.body).toContain('Enter an email address in the correct format');

    const sent = await postRepeated(web, '/s/wkm/contact', [
      ['name', 'Jo Okafor'],
      ['phone', '01632 960 333'],
      ['message', 'Can you help with my neighbour?'],
      ['days', 'tuesday'],
      ['days', 'thursday'],
      ['times', 'morning'],
    ]);
    expect(sent.headers.location).toMatch(/^\/s\/wkm\/contact\/sent\?ref=CDM-E-\d{4}-0001$/);
    expect((await web.get(sent.headers.location as string)).body).toContain('Message sent');
    const enquiries = await h.deps.publicIntake.listEnquiries(s.coordinator);
    expect(enquiries).toEqual([
      expect.objectContaining({ name: 'Jo Okafor', phone: '01632 960 333', appointment: { days: ['tuesday', 'thursday'], times: ['morning'] } }),
    ]);
  });
});

describe('volunteering', () => {
  it('explains what is missing, then thanks the applicant', async () => {
    const web = new WebClient(h.app);
    await web.get('/s/wkm/volunteer');
    const bad = await web.post('/s/wkm/volunteer', { name: 'Vi Volunteer', email: 'vi-at-example', languages: 'Welsh' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter an email address in the correct format');
    expect(bad.body).toContain('Tell us why you would like to volunteer');
    expect(bad.body).toContain('value="Welsh"');
    const sent = await web.post('/s/wkm/volunteer', { name: 'Vi Volunteer', email: 'vi@example.org', why: 'I like helping people talk.', languages: 'Welsh' });
    expect(sent.headers.location).toBe('/s/wkm/volunteer/sent');
    expect((await web.get('/s/wkm/volunteer/sent')).body).toContain('Thank you for your interest in volunteering');
    const applications = await h.deps.publicIntake.listVolunteerApplications(s.admin);
    expect(applications).toEqual([expect.objectContaining({ name: 'Vi Volunteer', email: 'vi@example.org' })]);
  });
});

describe('spam defence', () => {
  it('has a hidden, unfocusable honeypot on every public form, and stores nothing when a robot fills it in', async () => {
    const web = new WebClient(h.app);
    for (const path of [
      '/s/wkm/contact',
      '/s/wkm/volunteer',
      '/s/wkm/professional-referral',
      '/s/wkm/professional-referral/send/about-you',
      '/s/wkm/refer/help',
    ]) {
      const page = await web.get(path);
      expect(page.body, path).toMatch(/<div class="govuk-visually-hidden">\s*<label for="website">Leave this field blank/);
      expect(page.body, path).toContain('<input type="text" id="website" name="website" value="" autocomplete="off" tabindex="-1">');
    }
    const enquiriesBefore = (await h.deps.publicIntake.listEnquiries(s.coordinator)).length;
    await web.get('/s/wkm/contact');
    const contact = await web.post('/s/wkm/contact', { name: 'Robot', email: 'robot@example.org', message: 'Buy now', website: 'http://spam.example' });
    expect(contact.headers.location).toBe('/s/wkm/contact/sent');
    await web.get('/s/wkm/volunteer');
    const volunteer = await web.post('/s/wkm/volunteer', { name: 'Robot', email: 'robot@example.org', why: 'Spam', website: 'spam' });
    expect(volunteer.headers.location).toBe('/s/wkm/volunteer/sent');
    expect(await h.deps.publicIntake.listEnquiries(s.coordinator)).toHaveLength(enquiriesBefore);
    expect((await h.deps.publicIntake.listVolunteerApplications(s.admin)).map((a) => a.name)).not.toContain('Robot');
  });

  it('refuses a form posted without the CSRF token, and limits posts from one address', async () => {
    const web = new WebClient(h.app);
    await web.get('/s/wkm/volunteer');
    expect((await web.post('/s/wkm/volunteer', { name: 'No Token' }, { csrf: false })).statusCode).toBe(403);
    const statuses: number[] = [];
    let last = { statusCode: 0, body: '' };
    for (let i = 0; i < 11; i++) {
      last = await web.post('/s/wkm/contact', {});
      statuses.push(last.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(last.body).toContain('<title>Too many attempts – WKM Mediation (fictional)</title>'); // still the service's page
  });

  it("keeps the service's name and links on its missing pages", async () => {
    const missing = await new WebClient(h.app).get('/s/wkm/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<title>Page not found – WKM Mediation (fictional)</title>');
    expect(missing.body).toContain('href="/s/wkm/privacy"');
  });
});
