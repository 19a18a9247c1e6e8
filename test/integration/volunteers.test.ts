// Volunteer records through the pages, without JavaScript: a coordinator adds and edits a volunteer (problems
// shown next to their fields, nothing typed lost), moves them along the status pipeline, records availability
// and declared connections, creates a record from an application, and links or invites the volunteer's sign-in.
// A mediator sees only their own record; another service sees nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, PASSWORD, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let orgId: string;
let coordinator: WebClient;
let supervisorWeb: WebClient;
let cora: Awaited<ReturnType<typeof makeMember>>;
let sue: Awaited<ReturnType<typeof makeMember>>;
let mia: Awaited<ReturnType<typeof makeMember>>;
let miaWeb: WebClient;
let maxWeb: WebClient;
let otherAdmin: WebClient;

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;|&rsquo;|’/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const errorSummary = (html: string) => text(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '');
const idFrom = (location: string | undefined) => /\/volunteers\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

const vera = {
  name: 'Vera Testvolunteer',
  email: 'Vera.Testvolunteer@example.org',
  phone: '01632 960 001',
  address: '4 Mill Lane\nRiverside',
  postcode: 'ct1 2ab',
  languages: 'English, Polish\nBritish Sign Language',
  gender: 'Woman',
  travelMiles: '12',
  maxActiveCases: '2',
  employer: 'Riverside Library',
  worksForLocalAuthority: 'no',
  employedByLocalAuthority: '',
  notes: 'Prefers evenings.',
};

async function addVolunteer(web: WebClient, fields: Partial<typeof vera> = {}) {
  const res = await web.submit('/volunteers/new', { ...vera, ...fields });
  expect(res.statusCode, errorSummary(res.body)).toBe(303);
  return idFrom(res.headers.location);
}

const today = () => h.clock.now().toISOString().slice(0, 10);
const dateFields = (prefix: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(m)), [`${prefix}-year`]: y! };
};

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-03-27T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'cdm', 'Coastal District Mediation (fictional)'));
  cora = await makeMember(h.deps, orgId, 'coordinator', 'cora.coordinator@cdm.example', { name: 'Cora Coordinator' });
  coordinator = await signIn(h, cora);
  sue = await makeMember(h.deps, orgId, 'supervisor', 'sue.supervisor@cdm.example', { name: 'Sue Supervisor' });
  supervisorWeb = await signIn(h, sue);
  mia = await makeMember(h.deps, orgId, 'mediator', 'mia.mediator@cdm.example', { name: 'Mia Mediator' });
  miaWeb = await signIn(h, mia);
  maxWeb = await signIn(h, await makeMember(h.deps, orgId, 'mediator', 'max.mediator@cdm.example', { name: 'Max Mediator' }));
  const other = await makeOrg(h.deps, 'odm', 'Other District Mediation (fictional)');
  otherAdmin = await signIn(h, await makeMember(h.deps, other.orgId, 'admin', 'olu.admin@odm.example'));
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

describe('availability and connections', () => {
  let id: string;
  beforeAll(async () => {
    id = await addVolunteer(coordinator, { name: 'Ava Availability', email: 'ava@example.org' });
  });

  it('saves the weekly pattern from checkboxes and shows it on the record', async () => {
    const res = await coordinator.submit(`/volunteers/${id}/availability`, { slots: '1:morning' });
    expect(res.statusCode).toBe(303);
    // Several ticks arrive as repeated fields.
    await coordinator.get(`/volunteers/${id}/availability`);
    const body = `_csrf=${encodeURIComponent(coordinator.csrf!)}&slots=1%3Amorning&slots=3%3Aevening&slots=9%3Anight`;
    const multi = await h.app.inject({
      method: 'POST',
      url: `/volunteers/${id}/availability`,
      payload: body,
      headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(multi.statusCode).toBe(303);
    const page = await coordinator.get(`/volunteers/${id}/availability`);
    expect(page.body).toMatch(/value="1:morning" checked/);
    expect(page.body).toMatch(/value="3:evening" checked/);
    expect(page.body).not.toMatch(/value="2:morning" checked/);
    expect(text((await coordinator.get(`/volunteers/${id}`)).body)).toContain('Monday morning, Wednesday evening');
  });

  it('adds time away, refusing dates that are not real or out of order and keeping what was typed', async () => {
    const bad = await coordinator.submit(
      `/volunteers/${id}/availability`,
      {
        'awayFrom-day': '30',
        'awayFrom-month': '2',
        'awayFrom-year': '2026',
        ...dateFields('awayTo', '2026-04-10'),
        awayReason: 'Holiday in Kraków',
      },
      `/volunteers/${id}/availability/away`,
    );
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('First day away must be a real date');
    expect(bad.body).toContain('value="30"');
    expect(bad.body).toContain('Holiday in Kraków');
    const backwards = await coordinator.submit(
      `/volunteers/${id}/availability`,
      { ...dateFields('awayFrom', '2026-04-10'), ...dateFields('awayTo', '2026-04-01') },
      `/volunteers/${id}/availability/away`,
    );
    expect(backwards.statusCode).toBe(422);
    expect(errorSummary(backwards.body)).toContain('The last day away must be the same as or after the first day');
    const missing = await coordinator.submit(`/volunteers/${id}/availability`, {}, `/volunteers/${id}/availability/away`);
    expect(errorSummary(missing.body)).toContain('Enter the first day away');
    const ok = await coordinator.submit(
      `/volunteers/${id}/availability`,
      { ...dateFields('awayFrom', '2026-04-01'), ...dateFields('awayTo', '2026-04-10'), awayReason: 'Holiday' },
      `/volunteers/${id}/availability/away`,
    );
    expect(ok.statusCode).toBe(303);
    const page = await coordinator.get(`/volunteers/${id}/availability`);
    expect(text(page.body)).toContain('1 April 2026 10 April 2026 Holiday');
    const periodId = /\/availability\/away\/([0-9a-f-]{36})\/remove/.exec(page.body)?.[1];
    expect(periodId).toBeDefined();
    expect((await coordinator.post(`/volunteers/${id}/availability/away/${periodId}/remove`)).statusCode).toBe(303);
    expect(text((await coordinator.get(`/volunteers/${id}/availability`)).body)).toContain('No time away recorded.');
    expect((await coordinator.post(`/volunteers/${id}/availability/away/${periodId}/remove`)).statusCode).toBe(404);
  });

  it('lets a supervisor see availability but not change it', async () => {
    const page = await supervisorWeb.get(`/volunteers/${id}/availability`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Save weekly availability');
    expect(text(page.body)).toContain('Monday morning, Wednesday evening');
    expect((await supervisorWeb.post(`/volunteers/${id}/availability`, { slots: '2:morning' })).statusCode).toBe(403);
  });

  it('declares and removes connections, shown on the record', async () => {
    const bad = await coordinator.submit(`/volunteers/${id}/connections`, { text: 'Sam Patel' });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Choose whether the connection is to a person, an address or an organisation');
    expect(bad.body).toContain('value="Sam Patel"');
    expect((await coordinator.submit(`/volunteers/${id}/connections`, { kind: 'person', text: 'Sam Patel' })).statusCode).toBe(303);
    const record = text((await coordinator.get(`/volunteers/${id}`)).body);
    expect(record).toContain('Declared connections');
    expect(record).toContain('A person: Sam Patel (declared 27 March 2026)');
    const page = await coordinator.get(`/volunteers/${id}/connections`);
    const connectionId = /\/connections\/([0-9a-f-]{36})\/remove/.exec(page.body)?.[1];
    expect((await coordinator.post(`/volunteers/${id}/connections/${connectionId}/remove`)).statusCode).toBe(303);
    expect(text((await coordinator.get(`/volunteers/${id}`)).body)).toContain('None declared.');
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

describe('signing in as a volunteer', () => {
  it('invites the volunteer; accepting the invitation links their record', async () => {
    const id = await addVolunteer(coordinator, { name: 'Ian Invitee', email: 'ian.invitee@example.org' });
    await coordinator.get(`/volunteers/${id}`);
    const invited = await coordinator.post(`/volunteers/${id}/invite`);
    expect(invited.statusCode).toBe(200);
    const token = /\/invitations\/([\w-]+)/.exec(invited.body)?.[1];
    expect(token).toBeDefined();
    await h.deps.people.acceptInvitation(token!, PASSWORD, {});
    const record = text((await coordinator.get(`/volunteers/${id}`)).body);
    expect(record).toMatch(/Signs in as Ian Invitee Email ian.invitee@example.org Role Mediator/);
    const again = await coordinator.post(`/volunteers/${id}/invite`);
    expect(again.statusCode).toBe(409);
    expect(errorSummary(again.body)).toContain('Ian Invitee can already sign in');
  });

  it('offers to link to an existing account with the same email, and refuses to invite them again', async () => {
    const id = await addVolunteer(coordinator, { name: 'Mia Mediator', email: 'mia.mediator@cdm.example' });
    const record = await coordinator.get(`/volunteers/${id}`);
    expect(record.body).toContain('Link to existing account');
    expect(record.body).not.toContain('Invite to sign in');
    const invite = await coordinator.post(`/volunteers/${id}/invite`);
    expect(invite.statusCode).toBe(409);
    expect(errorSummary(invite.body)).toContain('already signs in to this service');
    await coordinator.get(`/volunteers/${id}`);
    const linked = await coordinator.post(`/volunteers/${id}/link`);
    expect(linked.statusCode).toBe(303);
    const after = text((await coordinator.get(linked.headers.location!)).body);
    expect(after).toContain('Their record is now linked to their sign-in.');
    expect(after).toMatch(/Signs in as Mia Mediator Email mia.mediator@cdm.example Role Mediator/);
  });

  it('refuses to invite someone without an email address', async () => {
    const id = await addVolunteer(coordinator, { name: 'Nel Noemail', email: '' });
    const record = await coordinator.get(`/volunteers/${id}`);
    expect(text(record.body)).toContain('Add their email address to invite them to sign in.');
    const res = await coordinator.post(`/volunteers/${id}/invite`);
    expect(res.statusCode).toBe(422);
    expect(errorSummary(res.body)).toContain('Add Nel Noemail’s email address to their details first'.replace('’', "'"));
  });
});

describe('a mediator', () => {
  let miaId: string;
  let otherId: string;
  beforeAll(async () => {
    const actor = { type: 'user' as const, id: mia.userId, orgId, orgSlug: 'cdm', orgName: 'x', role: 'mediator' as const };
    const coordinatorActor = { ...actor, id: cora.userId, role: 'coordinator' as const };
    const mine = (await h.deps.volunteers.list(coordinatorActor, { q: 'Mia Mediator' }))[0]!;
    miaId = mine.id;
    otherId = (await h.deps.volunteers.list(coordinatorActor, { q: 'Vera' }))[0]!.id;
    expect((await h.deps.volunteers.view(actor, miaId)).volunteer.userId).toBe(mia.userId);
  });

  it('keeps their own availability at /my/availability without JavaScript', async () => {
    const page = await miaWeb.get('/my/availability');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('My availability');
    expect((await miaWeb.post('/my/availability', { slots: '6:morning' })).statusCode).toBe(303);
    const away = await miaWeb.submit(
      '/my/availability',
      { ...dateFields('awayFrom', '2026-05-01'), ...dateFields('awayTo', '2026-05-02') },
      '/my/availability/away',
    );
    expect(away.statusCode).toBe(303);
    const after = await miaWeb.get('/my/availability?done=away');
    expect(after.body).toMatch(/value="6:morning" checked/);
    expect(text(after.body)).toContain('Time away added.');
    expect(text(after.body)).toContain('1 May 2026 2 May 2026');
    expect(text((await coordinator.get(`/volunteers/${miaId}`)).body)).toContain('Saturday morning');
  });

  it('sees their own record but is refused anyone else’s, with the reason', async () => {
    expect((await miaWeb.get(`/volunteers/${miaId}`)).statusCode).toBe(200);
    const history = await miaWeb.get(`/volunteers/${miaId}/status`);
    expect(history.statusCode).toBe(200);
    expect(history.body).not.toContain('Change status</button>');
    for (const path of [`/volunteers/${otherId}`, `/volunteers/${otherId}/availability`]) {
      const res = await miaWeb.get(path);
      expect(res.statusCode, path).toBe(403);
      expect(text(res.body)).toContain("You can see only your own volunteer record, not other volunteers' records.");
    }
    const change = await miaWeb.post(`/volunteers/${otherId}/availability`, { slots: '1:morning' });
    expect(change.statusCode).toBe(403);
    expect(text(change.body)).toContain("You can change only your own availability, not other volunteers'.");
    expect((await miaWeb.post(`/volunteers/${miaId}/edit`, vera)).statusCode).toBe(403);
  });

  it('without a linked record is told so clearly', async () => {
    const page = await maxWeb.get('/my/availability');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain(
      'Your sign-in is not linked to a volunteer record in Coastal District Mediation (fictional). Ask your volunteer coordinator',
    );
    expect((await maxWeb.post('/my/availability', { slots: '1:morning' })).statusCode).toBe(404);
  });

  it('staff cannot use /my/availability', async () => {
    expect((await coordinator.get('/my/availability')).statusCode).toBe(403);
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
