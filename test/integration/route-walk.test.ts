// Walks every registered route: each non-public one refuses an anonymous request, a signed-in person of
// another service and an API key of another service, and never shows the other service's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFor } from '#src/http/access.ts';
import { systemActor } from '#src/features/auth/actor.ts';
import { makeMember, signIn, twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof twoServices>>;
let params: Record<string, string>;
let secretsOfA: string[];
let webB: WebClient;
let keyB: string;

beforeAll(async () => {
  h = await startHarness();
  s = await twoServices(h);
  const mediatorA = await makeMember(h.deps, s.a.orgId, 'mediator', 'mia.mediator@alpha.example', { name: 'Mia Alphamediator' });
  const keyA = await h.deps.apiKeys.createForOrg(s.a.orgId, { name: 'Alpha website form', role: 'admin' }, systemActor('test'));
  const inviteA = await h.deps.people.addMemberAsSystem(
    s.a.orgId,
    { email: 'ivo.invitee@alpha.example', name: 'Ivo Alphainvitee', role: 'viewer' },
    systemActor('test'),
  );
  const invitationId = (await h.deps.people.list({ type: 'user', id: s.adminA.userId, orgId: s.a.orgId, orgSlug: 'alpha', orgName: s.a.name, role: 'admin' }))
    .invitations[0]!.id;
  const caseData = await caseDataOfA();
  params = {
    userId: mediatorA.userId,
    keyId: keyA.id,
    invitationId,
    token: inviteA.invitationToken!,
    kind: 'css',
    file: 'parley.css',
    '*': 'favicon.ico',
    ...caseData.params,
    ...caseData.ids,
  };
  secretsOfA = [
    s.a.name,
    'mia.mediator@alpha.example',
    'Mia Alphamediator',
    'Alpha website form',
    'Ivo Alphainvitee',
    'ada.admin@alpha.example',
    ...caseData.secrets,
  ];
  webB = await signIn(h, s.adminB);
  keyB = (await h.deps.apiKeys.createForOrg(s.b.orgId, { name: 'Bravo key', role: 'admin' }, systemActor('test'))).key;
});
afterAll(() => h?.close());

/** Service A's referrals, case, party, task, safeguarding record, enquiry and volunteer application: real ids to walk with. */
async function caseDataOfA() {
  const actor = { type: 'user' as const, id: s.adminA.userId, label: 'Ada', orgId: s.a.orgId, orgSlug: 'alpha', orgName: s.a.name, role: 'admin' as const };
  const anonymous = { type: 'anonymous' as const };
  const referral = (name: string, description: string) =>
    h.deps.referrals.createFromPublic(s.a.orgId, { caseType: 'community', description, consentToContact: true, parties: [{ name, role: 'party' }] }, anonymous);
  await referral('Petra Alphaparty', 'Alpha dispute about a hedge');
  await referral('Ronan Alphareferred', 'Alpha referral still waiting');
  const { rows } = await h.deps.referrals.list(actor, { status: 'new' });
  const toAccept = rows.find((r) => r.description === 'Alpha dispute about a hedge')!;
  const waiting = rows.find((r) => r.description === 'Alpha referral still waiting')!;
  const { caseId, reference } = await h.deps.referrals.accept(actor, toAccept.id);
  const c = await h.deps.cases.get(actor, caseId);
  const partyId = c.parties[0]!.id;
  const { id: taskId } = await h.deps.caseActivity.addTask(actor, caseId, { title: 'Alpha secret task', dueOn: '2030-01-01' });
  await h.deps.caseActivity.addNote(actor, caseId, { body: 'Alpha disclosure text', disclosure: true });
  const recordId = (await h.deps.caseActivity.listSafeguarding(actor))[0]!.record.id;
  await h.deps.publicIntake.createEnquiry(s.a.orgId, { name: 'Enid Alphaenquirer', email: 'enid@alpha.example', message: 'Alpha enquiry' }, anonymous);
  const enquiryId = (await h.deps.publicIntake.listEnquiries(actor, 'new'))[0]!.id;
  await h.deps.publicIntake.createVolunteerApplication(s.a.orgId, { name: 'Val Alphavolunteer', email: 'val@alpha.example', why: 'Alpha reasons' }, anonymous);
  return {
    ids: { caseId, referralId: waiting.id, enquiryId },
    params: { partyId, taskId, recordId, caseId },
    secrets: [
      'Petra Alphaparty',
      'Ronan Alphareferred',
      'Alpha dispute about a hedge',
      'Alpha referral still waiting',
      reference,
      waiting.reference,
      'Alpha secret task',
      'Alpha disclosure text',
      'Enid Alphaenquirer',
      'Val Alphavolunteer',
    ],
  };
}

/** Route parameters filled with service A's real ids; `:id` is the referral, enquiry or case the route is about. */
const fill = (url: string) =>
  url.replace(/:(\w+)|\*/g, (m, name: string | undefined) => {
    if (name === 'id') return /^\/(api\/v1\/)?referrals\//.test(url) ? params.referralId! : url.startsWith('/enquiries/') ? params.enquiryId! : params.caseId!;
    return params[name ?? '*'] ?? m;
  });

function refused(status: number) {
  return status >= 300 && status < 500 && status !== 304;
}

describe('every route', () => {
  it('has been found (the walk is not empty)', () => {
    expect(h.app.routeList.length).toBeGreaterThan(25);
  });

  it('refuses strangers on every non-public route, and leaks nothing of another service', async () => {
    const checked: string[] = [];
    for (const route of h.app.routeList) {
      if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
      if (accessFor(route.method, route.url) === 'public') continue;
      const url = fill(route.url);
      const payload = route.method === 'GET' ? undefined : { role: 'admin', name: 'x', email: 'x@example.org', orgId: s.a.orgId, code: '123456' };

      const anon = await h.app.inject({ method: route.method as 'GET', url, payload });
      expect(refused(anon.statusCode), `${route.method} ${route.url} anonymous → ${anon.statusCode}`).toBe(true);
      if (anon.statusCode === 303) expect(anon.headers.location).toMatch(/^\/sign-in/);

      const asB = route.method === 'GET' ? await webB.get(url) : await webB.post(url, payload as Record<string, string>);
      for (const secret of secretsOfA) expect(asB.body, `${route.method} ${route.url} as another service shows "${secret}"`).not.toContain(secret);
      if (/:\w+/.test(route.url)) expect(refused(asB.statusCode), `${route.method} ${route.url} as another service → ${asB.statusCode}`).toBe(true);

      const byKey = await h.app.inject({ method: route.method as 'GET', url, payload, headers: { authorization: `Bearer ${keyB}` } });
      for (const secret of secretsOfA) expect(byKey.body, `${route.method} ${route.url} by another service's key`).not.toContain(secret);
      if (!route.url.startsWith('/api/') || /:\w+/.test(route.url))
        expect(refused(byKey.statusCode), `${route.method} ${route.url} by another service's key → ${byKey.statusCode}`).toBe(true);
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked).toContain('GET /people');
    expect(checked).toContain('POST /people/:userId/role');
    expect(checked).toContain('GET /api/v1/me');
    for (const route of [
      'GET /referrals/:id',
      'POST /referrals/:id/accept',
      'GET /cases/:id',
      'POST /cases/:id/move',
      'POST /cases/:id/people/:partyId/intake',
    ])
      expect(checked).toContain(route);
    expect(checked).toContain('POST /cases/:id/tasks/:taskId/done');
    expect(checked).toContain('POST /safeguarding/:recordId/decide');
  });

  it('leaves the other service untouched after the walk', async () => {
    const { members, invitations } = await h.deps.people.list({
      type: 'user',
      id: s.adminA.userId,
      orgId: s.a.orgId,
      orgSlug: 'alpha',
      orgName: s.a.name,
      role: 'admin',
    });
    expect(members.map((m) => [m.email, m.role, m.status])).toEqual(
      expect.arrayContaining([
        ['ada.admin@alpha.example', 'admin', 'active'],
        ['mia.mediator@alpha.example', 'mediator', 'active'],
      ]),
    );
    expect(invitations).toHaveLength(1);
    const actor = { type: 'user' as const, id: s.adminA.userId, orgId: s.a.orgId, orgSlug: 'alpha', orgName: s.a.name, role: 'admin' as const };
    const c = await h.deps.cases.get(actor, params.caseId!);
    expect(c.case.status).toBe('intake');
    expect(c.tasks.map((t) => t.doneAt)).toEqual([null]);
    expect(c.timeline.map((e) => e.kind)).toEqual(['referral', 'task', 'note', 'safeguarding']);
    expect((await h.deps.referrals.get(actor, params.referralId!)).referral.status).toBe('new');
    expect((await h.deps.caseActivity.listSafeguarding(actor))[0]!.record.status).toBe('open');
    expect(await h.deps.publicIntake.listEnquiries(actor, 'new')).toHaveLength(1);
  });
});
