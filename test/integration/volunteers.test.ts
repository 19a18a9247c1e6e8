// Volunteer records through the pages, without JavaScript: a coordinator adds and edits a volunteer (problems
// shown next to their fields, nothing typed lost), moves them along the status pipeline and creates a record from
// an application; another service sees nothing. (Availability, connections and sign-in: volunteer-sign-in.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { addVolunteer, dateFields, errorSummary, setUpVolunteerPages, text, vera } from '../support/volunteer-pages.ts';
import type { WebClient } from '../support/web-client.ts';

type Member = Awaited<ReturnType<typeof setUpVolunteerPages>>['mia'];
let h: Harness;
let orgId: string;
let coordinator: WebClient;
let supervisorWeb: WebClient;
let sue: Member;
let mia: Member;
let miaWeb: WebClient;
let otherAdmin: WebClient;
let today: () => string;

beforeAll(async () => {
  ({ h, orgId, coordinator, supervisorWeb, sue, mia, miaWeb, otherAdmin, today } = await setUpVolunteerPages());
});
afterAll(() => h?.close());

describe('adding and editing a volunteer', () => {
  it('adds a volunteer and shows the record with the postcode normalised and the status history dated', async () => {
    const id = await addVolunteer(coordinator);
    const page = await coordinator.get(coordinator.last!.headers.location!);
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain('Volunteer added.');
    expect(body).toContain('Vera Testvolunteer');
    expect(body).toContain('vera.testvolunteer@example.org');
    expect(body).toContain('CT1 2AB');
    expect(body).toContain('English, Polish, British Sign Language');
    expect(body).toContain('12 miles');
    expect(body).toContain('0 of 2');
    expect(body).toMatch(/Applicant 27 March 2026 Cora Coordinator/);
    for (const section of ['Details', 'Availability', 'Training', 'DBS', 'Cases', 'Hours'])
      expect(page.body).toMatch(new RegExp(`href="/volunteers/${id}(/\\w+)?"[^>]*>\\s*${section}`));
  });

  it('shows each problem next to its field and keeps everything typed', async () => {
    const res = await coordinator.submit('/volunteers/new', {
      ...vera,
      name: '  ',
      email: 'not an email',
      postcode: 'NOT A POSTCODE',
      travelMiles: 'ten',
      maxActiveCases: '-1',
      worksForLocalAuthority: 'yes',
      employedByLocalAuthority: '',
    });
    expect(res.statusCode).toBe(422);
    expect(errorSummary(res.body)).toBe(
      ' There is a problem Enter their name Enter an email address in the correct format, like name@example.org Enter a real postcode, like CT1 2AB Enter how far they will travel in whole miles, like 10 Maximum active cases cannot be less than 0 Enter which local authority they work for ',
    );
    expect(res.body).toContain('value="not an email"');
    expect(res.body).toContain('value="NOT A POSTCODE"');
    expect(res.body).toContain('value="ten"');
    expect(res.body).toContain('value="-1"');
    expect(res.body).toContain('English, Polish\nBritish Sign Language');
    expect(res.body).toContain('Prefers evenings.');
    expect(res.body).toMatch(/href="#postcode"/);
    expect(res.body).toMatch(/value="yes" checked/);
  });

  it('edits the details, keeps what was typed on a problem, and clears what is left blank', async () => {
    const id = await addVolunteer(coordinator, { name: 'Ned Testvolunteer', email: 'ned@example.org' });
    const form = await coordinator.get(`/volunteers/${id}/edit`);
    expect(form.body).toContain('value="Ned Testvolunteer"');
    expect(form.body).toContain('value="CT1 2AB"');
    const bad = await coordinator.post(`/volunteers/${id}/edit`, { ...vera, name: 'Ned Changed', postcode: 'ZZ' });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Enter a real postcode, like CT1 2AB');
    expect(bad.body).toContain('value="Ned Changed"');
    expect(bad.body).toContain('value="ZZ"');
    const ok = await coordinator.post(`/volunteers/${id}/edit`, {
      ...vera,
      name: 'Ned Changed',
      phone: '',
      postcode: 'me14 1xx',
      worksForLocalAuthority: 'yes',
      employedByLocalAuthority: 'Harbour City Council',
    });
    expect(ok.statusCode, errorSummary(ok.body)).toBe(303);
    const body = text((await coordinator.get(ok.headers.location!)).body);
    expect(body).toContain('Details saved.');
    expect(body).toContain('Ned Changed');
    expect(body).toContain('ME14 1XX');
    expect(body).toContain('Yes: Harbour City Council');
    expect(body).toMatch(/Phone Not given/);
  });

  it('lists volunteers with a status filter and name search', async () => {
    await addVolunteer(coordinator, { name: 'Lena Listvolunteer', postcode: 'TN9 1AA', languages: 'Welsh' });
    const all = text((await coordinator.get('/volunteers')).body);
    expect(all).toContain('Add a volunteer');
    expect(all).toMatch(/Lena Listvolunteer Applicant TN9 1AA 0 of 2 Welsh/);
    const searched = text((await coordinator.get('/volunteers?q=listvol')).body);
    expect(searched).toContain('Lena Listvolunteer');
    expect(searched).not.toContain('Vera Testvolunteer');
    const accredited = text((await coordinator.get('/volunteers?status=accredited')).body);
    expect(accredited).not.toContain('Lena Listvolunteer');
    expect(accredited).toContain('No volunteers match');
  });

  it('lets a supervisor see volunteers but not add or change them; refuses mediators', async () => {
    const list = await supervisorWeb.get('/volunteers');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Add a volunteer');
    expect((await supervisorWeb.get('/volunteers/new')).statusCode).toBe(403);
    const mediator = await miaWeb.get('/volunteers');
    expect(mediator.statusCode).toBe(403);
    expect(text(mediator.body)).toContain('Only an admin or a case coordinator or a supervisor can see volunteers; you are a mediator.');
  });
});

describe('the status pipeline', () => {
  let id: string;
  beforeAll(async () => {
    id = await addVolunteer(coordinator, { name: 'Tara Trainee', email: 'tara@example.org' });
  });
  const move = (fields: Record<string, string>) => coordinator.submit(`/volunteers/${id}/status`, { ...dateFields('on', today()), ...fields });

  it('offers the moves there are, explained, and refuses others with the reason', async () => {
    const page = text((await coordinator.get(`/volunteers/${id}/status`)).body);
    expect(page).toContain('In training They have started the foundation course.');
    const refused = await move({ status: 'accredited', note: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(errorSummary(refused.body)).toContain('A volunteer who is applicant cannot become accredited: they can become in training or left');
  });

  it('refuses a future date and a missing supervisor, keeping what was typed', async () => {
    const early = await move({ status: 'in_training', ...dateFields('on', '2026-03-02') });
    expect(errorSummary(early.body)).toContain('The date cannot be before the last change, on 27 March 2026');
    expect((await move({ status: 'in_training', note: 'Started the course' })).statusCode).toBe(303);
    const future = await move({ status: 'trainee', ...dateFields('on', '2026-04-01'), note: 'Keep me' });
    expect(future.statusCode).toBe(409);
    expect(errorSummary(future.body)).toContain('The date of the change cannot be in the future');
    expect(errorSummary(future.body)).toContain('Choose a supervisor: every trainee has one');
    expect(future.body).toContain('Keep me');
    expect(future.body).toContain('value="2026"');
    const badDate = await move({ status: 'trainee', 'on-day': '31', 'on-month': '2', 'on-year': '2026' });
    expect(badDate.statusCode).toBe(422);
    expect(errorSummary(badDate.body)).toContain('Date of the change must be a real date');
  });

  it('moves to trainee with a supervisor, refuses accrediting without a note, then accredits with one', async () => {
    expect((await move({ status: 'trainee', supervisorUserId: mia.userId })).statusCode).toBe(422); // a mediator cannot supervise
    expect((await move({ status: 'trainee', supervisorUserId: sue.userId })).statusCode).toBe(303);
    const noNote = await move({ status: 'accredited' });
    expect(noNote.statusCode).toBe(409);
    expect(errorSummary(noNote.body)).toContain('Add a note saying why you are accrediting them here');
    expect((await move({ status: 'accredited', note: 'Three cases signed off on paper before Parley' })).statusCode).toBe(303);
    const record = text((await coordinator.get(`/volunteers/${id}`)).body);
    expect(record).toContain('Supervisor: Sue Supervisor');
    expect(record).toMatch(
      /Accredited 27 March 2026 Cora Coordinator Three cases signed off on paper before Parley Trainee 27 March 2026 Cora Coordinator In training 27 March 2026 Cora Coordinator Started the course Applicant 27 March 2026/,
    );
  });

  it('changes the supervisor on its own, refusing someone who is not a supervisor', async () => {
    const bad = await coordinator.submit(`/volunteers/${id}/status`, { supervisor: mia.userId }, `/volunteers/${id}/supervisor`);
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Choose a supervisor from the people in this service with the supervisor or admin role');
    const cleared = await coordinator.submit(`/volunteers/${id}/status`, { supervisor: '' }, `/volunteers/${id}/supervisor`);
    expect(cleared.statusCode).toBe(303);
    expect(text((await coordinator.get(`/volunteers/${id}`)).body)).toContain('No supervisor chosen.');
  });

  it('lets a supervisor read the history but not change it', async () => {
    const page = await supervisorWeb.get(`/volunteers/${id}/status`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Change status</button>');
    expect((await supervisorWeb.post(`/volunteers/${id}/status`, { status: 'left', ...dateFields('on', today()) })).statusCode).toBe(403);
  });
});

describe('from an application', () => {
  it('creates the record prefilled from the application and marks it accepted', async () => {
    await h.deps.publicIntake.createVolunteerApplication(
      orgId,
      {
        name: 'Abi Applicant',
        email: 'Abi@Example.org',
        phone: '07700 900 982',
        postcode: 'ct2 7nz',
        languages: 'English, Urdu',
        availability: 'Weekday evenings',
        why: 'To help neighbours',
      },
      { type: 'anonymous' },
    );
    const list = await coordinator.get('/volunteer-applications');
    const action = /action="(\/volunteer-applications\/[0-9a-f-]{36}\/volunteer)"/.exec(list.body)?.[1];
    expect(action, 'a Create volunteer record button').toBeDefined();
    expect(text(list.body)).toContain('Create volunteer record');
    const created = await coordinator.post(action!);
    expect(created.statusCode).toBe(303);
    const record = text((await coordinator.get(created.headers.location!)).body);
    expect(record).toContain('Volunteer record created from their application');
    expect(record).toContain('Abi Applicant');
    expect(record).toContain('abi@example.org');
    expect(record).toContain('CT2 7NZ');
    expect(record).toContain('English, Urdu');
    expect(record).toContain('Availability given on their application: Weekday evenings');
    expect(record).toMatch(/Applicant 27 March 2026 Cora Coordinator From their application/);
    const after = await coordinator.get('/volunteer-applications');
    expect(after.body).not.toContain(action!);
    expect(text(after.body)).toContain('Accepted');
    expect((await coordinator.post(action!)).statusCode).toBe(409);
  });
});

describe('another service', () => {
  it('cannot see or change these volunteers', async () => {
    const id = await addVolunteer(coordinator, { name: 'Priya Private' });
    for (const path of [
      `/volunteers/${id}`,
      `/volunteers/${id}/edit`,
      `/volunteers/${id}/availability`,
      `/volunteers/${id}/status`,
      `/volunteers/${id}/connections`,
    ]) {
      const res = await otherAdmin.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).not.toContain('Priya Private');
    }
    expect((await otherAdmin.get('/volunteers')).body).not.toContain('Priya Private');
    await otherAdmin.get('/volunteers');
    expect((await otherAdmin.post(`/volunteers/${id}/status`, { status: 'left', ...dateFields('on', today()) })).statusCode).toBe(404);
  });
});
