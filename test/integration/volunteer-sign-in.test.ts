// Volunteer records through the pages, without JavaScript: availability and declared connections, inviting or
// linking the volunteer's sign-in, and a mediator who sees only their own record and keeps their own availability.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/factories.ts';
import type { Harness } from '../support/harness.ts';
import { addVolunteer, dateFields, errorSummary, setUpVolunteerPages, text, vera } from '../support/volunteer-pages.ts';
import type { WebClient } from '../support/web-client.ts';

type Member = Awaited<ReturnType<typeof setUpVolunteerPages>>['mia'];
let h: Harness;
let orgId: string;
let coordinator: WebClient;
let supervisorWeb: WebClient;
let cora: Member;
let mia: Member;
let miaWeb: WebClient;
let maxWeb: WebClient;

beforeAll(async () => {
  ({ h, orgId, coordinator, supervisorWeb, cora, mia, miaWeb, maxWeb } = await setUpVolunteerPages());
});
afterAll(() => h?.close());

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
    expect(errorSummary(res.body)).toContain('Add Nel Noemail’s email address to their details first');
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
    otherId = await addVolunteer(coordinator);
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
      expect(text(res.body)).toContain("You can see only your own volunteer record, not other volunteers’ records.");
    }
    const change = await miaWeb.post(`/volunteers/${otherId}/availability`, { slots: '1:morning' });
    expect(change.statusCode).toBe(403);
    expect(text(change.body)).toContain("You can change only your own availability, not other volunteers’.");
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
