// Finding the volunteer pages: the list links to the section's other pages, each only for the roles that may use
// them (and every link shown opens); the volunteer's own pages share one sub-navigation; and a trainee's record
// says how many of their supervised cases are signed off, linking to the Training page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text } from '../support/page-text.ts';
import { holdSession } from '../support/meetings.ts';

let h: Harness;
let orgId: string;
const web: Record<string, WebClient> = {};
const people: Record<string, Awaited<ReturnType<typeof makeMember>>> = {};
let traineeId: string;
let accreditedId: string;

/** The links in the list page's "Other volunteer pages" navigation, as [text, href]. */
const sectionLinks = (html: string) => {
  const nav = /<nav[^>]*aria-label="Other volunteer pages"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [...nav.matchAll(/<a class="govuk-link" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[2]!, m[1]!]);
};
/** The "My volunteering" sub-navigation: its links, and the one marked as the current page. */
const myNav = (html: string) => {
  const nav = /<nav class="moj-sub-navigation"[^>]*aria-label="My volunteering"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return {
    hrefs: [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]),
    current: /aria-current="page" href="([^"]+)"/.exec(nav)?.[1],
  };
};

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'vnav', 'Volunteer Navigation Mediation (fictional)'));
  for (const [key, role, name] of [
    ['admin', 'admin', 'Ada Admin'],
    ['coordinator', 'coordinator', 'Cora Coordinator'],
    ['supervisor', 'supervisor', 'Sue Supervisor'],
    ['trainee', 'mediator', 'Tia Trainee'],
  ] as const) {
    people[key] = await makeMember(h.deps, orgId, role, `${key}@vnav.example`, { name });
    web[key] = await signIn(h, people[key]!);
  }
  traineeId = await makeVolunteer(h.deps, orgId, {
    name: 'Tia Trainee',
    status: 'trainee',
    userId: people.trainee!.userId,
    supervisorUserId: people.supervisor!.userId,
  });
  accreditedId = await makeVolunteer(h.deps, orgId, { name: 'Vera Testvolunteer' });
});
afterAll(() => h?.close());

describe('the volunteers list', () => {
  const ALL = [
    ['Training courses', '/volunteers/courses'],
    ['Volunteer policy', '/volunteers/policy'],
    ['Allocate mediators to unassigned cases', '/volunteers/allocation'],
    ['Volunteer hours report', '/volunteers/hours'],
    ['Expense claims to approve', '/expenses'],
    ['Volunteer applications from the public form', '/volunteer-applications'],
  ];

  it.each(['admin', 'coordinator'])('links the %s to every other volunteer page, and each opens', async (who) => {
    const res = await web[who]!.get('/volunteers');
    expect(res.statusCode).toBe(200);
    expect(sectionLinks(res.body)).toEqual(ALL);
    for (const [, href] of ALL) expect((await web[who]!.get(href!)).statusCode, href).toBe(200);
  });

  it('links a supervisor only to the pages a supervisor may use', async () => {
    const links = sectionLinks((await web.supervisor!.get('/volunteers')).body);
    expect(links).toEqual([
      ['Training courses', '/volunteers/courses'],
      ['Volunteer policy', '/volunteers/policy'],
      ['Volunteer hours report', '/volunteers/hours'],
    ]);
    for (const [, href] of links) expect((await web.supervisor!.get(href!)).statusCode, href).toBe(200);
    // The ones left out are indeed refused to a supervisor.
    expect((await web.supervisor!.get('/volunteers/allocation')).statusCode).toBe(403);
    expect((await web.supervisor!.get('/volunteer-applications')).statusCode).toBe(403);
    expect((await web.supervisor!.get('/expenses')).statusCode).toBe(403);
  });
});

describe('the volunteer’s own pages', () => {
  const MY = ['/my', '/my/cases', '/my/calendar', '/my/availability', '/my/training', '/my/hours', '/my/expenses'];

  it.each(MY)('%s has the one "My volunteering" sub-navigation, with itself as the current page', async (path) => {
    const res = await web.trainee!.get(path);
    expect(res.statusCode).toBe(200);
    expect(myNav(res.body)).toEqual({ hrefs: MY, current: path });
    expect(res.body.match(/aria-label="My volunteering"/g)).toHaveLength(1);
  });
});

describe('a trainee’s record', () => {
  it('says how many supervised cases are signed off of those the policy requires, linking to the Training page', async () => {
    const before = await web.coordinator!.get(`/volunteers/${traineeId}`);
    expect(text(before.body)).toContain('Supervised cases: 0 of 3 signed off.');
    expect(before.body).toContain(`href="/volunteers/${traineeId}/training#supervised"`);

    const admin = actorFor(orgId, people.admin!.userId, 'admin', 'Ada Admin');
    const { caseId } = await makeCase(h.deps, orgId, admin, { description: 'Hedge', parties: [{ name: 'Sam Patel' }, { name: 'Jo Okafor' }] });
    const assignmentId = await insertAssignment(h.deps, orgId, caseId, traineeId, { role: 'co', supervised: true });
    await holdSession(h.deps, orgId, caseId);
    await h.deps.assignments.signOff(actorFor(orgId, people.supervisor!.userId, 'supervisor', 'Sue Supervisor'), assignmentId, {});
    await h.deps.settings.update(admin, { volunteers: { supervisedCasesRequired: 2 } });

    const after = text((await web.supervisor!.get(`/volunteers/${traineeId}`)).body);
    expect(after).toContain('Supervised cases: 1 of 2 signed off.');
  });

  it('is not shown for a volunteer who is not a trainee', async () => {
    const page = await web.coordinator!.get(`/volunteers/${accreditedId}`);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).not.toContain('Supervised cases:');
  });
});
