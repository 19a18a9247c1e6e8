// The meetings settings page and the intake's weekly availability grid: an admin sets ground rules, the video
// link template and meeting hours without JavaScript; problems are shown by their fields and nothing typed is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { eq } from '#src/db/orm.ts';
import { intakeRecords } from '#src/db/schema/cases.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let admin: WebClient;
let adminId: string;
let coordinator: WebClient;

const valid = {
  groundRules: 'Listen without interrupting\nNo offensive remarks\n',
  videoLinkTemplate: 'https://meet.example.org/{room}',
  reminderHours: '48',
  travelMinutes: '20',
  sendNoticeWorkingDays: '5',
  dayStarts: '10:00',
  dayEnds: '19:30',
  weekends: 'yes',
};

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'msm', 'Millstream Mediation (fictional)'));
  const ada = await makeMember(h.deps, orgId, 'admin', 'ada@msm.example');
  adminId = ada.userId;
  admin = await signIn(h, ada);
  coordinator = await signIn(h, await makeMember(h.deps, orgId, 'coordinator', 'cora@msm.example'));
});
afterAll(() => h?.close());

describe('the meetings settings page', () => {
  it('shows coordinators the settings and lets only admins change them', async () => {
    const read = await coordinator.get('/settings/meetings');
    expect(read.statusCode).toBe(200);
    expect(text(read.body)).toContain('Listen to each other without interrupting');
    expect(text(read.body)).toContain('Only admins can change these settings.');
    expect((await coordinator.post('/settings/meetings', valid)).statusCode).toBe(403);
  });

  it('keeps what was typed and says what is wrong', async () => {
    await admin.get('/settings/meetings');
    const res = await admin.post('/settings/meetings', { ...valid, videoLinkTemplate: 'http://meet.example.org/x', dayEnds: '09:00', reminderHours: 'soon' });
    expect(res.statusCode).toBe(422);
    const page = text(res.body);
    expect(page).toContain('A video link template starts with https:// and contains {room}');
    expect(page).toContain('The last meeting must end after the first can start');
    expect(page).toContain('Send reminders must be a whole number from 0 to 168');
    expect(res.body).toContain('value="http://meet.example.org/x"');
    expect(res.body).toContain('No offensive remarks');
  });

  it('saves the settings for the API and every page', async () => {
    await admin.get('/settings/meetings');
    const res = await admin.post('/settings/meetings', valid);
    expect(res.statusCode).toBe(303);
    const policy = (await h.deps.settings.forWork(orgId)).meetings;
    expect(policy).toMatchObject({
      groundRules: ['Listen without interrupting', 'No offensive remarks'],
      videoLinkTemplate: 'https://meet.example.org/{room}',
      reminderHours: 48,
      travelMinutes: 20,
      dayStarts: '10:00',
      dayEnds: '19:30',
      weekends: true,
    });
  });
});

describe('the email wording page', () => {
  it('shows coordinators the wording and lets only admins change it', async () => {
    const read = await coordinator.get('/settings/emails');
    expect(read.statusCode).toBe(200);
    expect(text(read.body)).toContain('Meeting invitation Built-in wording');
    expect(text(read.body)).toContain('Only admins can change the wording.');
    expect((await coordinator.post('/settings/emails/meeting_reminder', { subject: 'x', body: 'y' })).statusCode).toBe(403);
  });

  it('refuses a placeholder the email does not know, keeping what was typed', async () => {
    await admin.get('/settings/emails');
    const res = await admin.post('/settings/emails/meeting_reminder', {
      action: 'save',
      subject: 'Soon: {meetingKind}',
      body: 'Hello {recipientName}, see you at {venueName}',
    });
    expect(res.statusCode).toBe(422);
    expect(text(res.body)).toContain('This email does not know {venueName}');
    expect(res.body).toContain('see you at {venueName}</textarea>');
  });

  it('saves a service’s own wording, used for its emails, and goes back to the built-in one', async () => {
    await admin.get('/settings/emails');
    const saved = await admin.post('/settings/emails/meeting_reminder', {
      action: 'save',
      subject: 'Soon: {meetingKind}',
      body: 'Hello {recipientName}, see you {when} at {where}.',
    });
    expect(saved.statusCode).toBe(303);
    expect((await h.deps.settings.forWork(orgId)).meetings.emailTemplates.meeting_reminder).toEqual({
      subject: 'Soon: {meetingKind}',
      body: 'Hello {recipientName}, see you {when} at {where}.',
    });
    expect(text((await admin.get('/settings/emails')).body)).toContain('Meeting reminder Your wording');
    await admin.post('/settings/emails/meeting_reminder', { action: 'reset' });
    expect((await h.deps.settings.forWork(orgId)).meetings.emailTemplates.meeting_reminder).toBeUndefined();
    expect((await admin.post('/settings/emails/no_such_email', { action: 'reset' })).statusCode).toBe(404);
  });
});

describe('the intake availability grid', () => {
  it('saves the parts of the week a party can meet, and shows them ticked again', async () => {
    const { caseId } = await makeCase(h.deps, orgId, actorFor(orgId, adminId, 'admin'), {
      description: 'Music late at night (availability test)',
      parties: [{ name: 'Sam Example' }, { name: 'Jo Example' }],
    });
    const view = await h.deps.cases.get(actorFor(orgId, adminId, 'admin'), caseId);
    const partyId = view.parties[0]!.id;
    const url = `/cases/${caseId}/people/${partyId}/intake`;
    await coordinator.get(url);
    const res = await coordinator.post(url, { situationNow: 'Tense', slots: ['2:evening', '4:evening', '6:morning'] });
    expect(res.statusCode).toBe(303);
    const [saved] = await inOrg(h.deps.db, orgId, (tx) => tx.select().from(intakeRecords).where(eq(intakeRecords.partyId, partyId)));
    expect(saved?.availabilityWindows).toEqual([
      { day: 2, from: '17:00', to: '21:00' },
      { day: 4, from: '17:00', to: '21:00' },
      { day: 6, from: '09:00', to: '13:00' },
    ]);
    const page = (await coordinator.get(url)).body;
    expect(page).toMatch(/value="4:evening" checked/);
    expect(page).not.toMatch(/value="4:morning" checked/);
  });
});
