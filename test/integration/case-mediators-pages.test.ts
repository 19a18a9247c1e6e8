// The case's Mediators tab and its pages, without JavaScript: the tab sums up who is on the case and links to a page
// for each thing to do; a coordinator picks a suggested pair (never the pair already on the case) or chooses any two
// (a pair that breaks a rule is refused with the reasons in the error summary, keeping the choice), an admin overrides
// with a justification, the assignment ends with a reason; and the supervised-case sign-off rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text, errorSummary } from '../support/page-text.ts';
import { holdSession } from '../support/meetings.ts';

let h: Harness;
let orgId: string;
let caseId: string;
let coordinator: WebClient;
const v: Record<string, string> = {};
const people: Record<string, Awaited<ReturnType<typeof makeMember>>> = {};

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'cmp', 'Case Mediators Pages (fictional)'));
  for (const [key, role, name] of [
    ['admin', 'admin', 'Ada Admin'],
    ['coordinator', 'coordinator', 'Cora Coordinator'],
    ['supervisor', 'supervisor', 'Sue Supervisor'],
    ['otherSupervisor', 'supervisor', 'Stan Othersupervisor'],
    ['trainee', 'mediator', 'Tia Trainee'],
  ] as const)
    people[key] = await makeMember(h.deps, orgId, role, `${key.toLowerCase()}@cmp.example`, { name });
  const admins = actorFor(orgId, people.admin!.userId, 'admin', 'Ada Admin');
  v.vera = await makeVolunteer(h.deps, orgId, { name: 'Vera Testvolunteer' });
  v.dora = await makeVolunteer(h.deps, orgId, { name: 'Dora Overdue', dbs: { yearsAgo: 5 } });
  v.tia = await makeVolunteer(h.deps, orgId, {
    name: 'Tia Trainee',
    status: 'trainee',
    userId: people.trainee!.userId,
    supervisorUserId: people.supervisor!.userId,
  });
  caseId = (await makeCase(h.deps, orgId, admins, { description: 'Noise', parties: [{ name: 'Sam Patel' }, { name: 'Jo Okafor' }] })).caseId;
  coordinator = await signIn(h, people.coordinator!);
});
afterAll(() => h?.close());

describe('a coordinator on the Mediators page', () => {
  it('sums up the tab with links to a page for each thing to do, none of them a form', async () => {
    const res = await coordinator.get(`/cases/${caseId}/mediators`);
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('No mediators are assigned to this case yet.');
    expect(res.body).toContain(`href="/cases/${caseId}/mediators/suggested">Suggested pairs</a>`);
    expect(res.body).toContain(`href="/cases/${caseId}/mediators/choose">Choose mediators yourself</a>`);
    expect(res.body).not.toContain('End an assignment'); // nobody to end yet
    expect(res.body).not.toContain('<form method="post" action="/cases/');
  });

  it('shows suggestions with score and reasons, and the volunteers left out in a details component', async () => {
    const res = await coordinator.get(`/cases/${caseId}/mediators/suggested`);
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain('Suggested pairs');
    expect(page).toMatch(/Vera Testvolunteer \(lead\) and Tia Trainee Score [\d.]+\. A supervised case for the trainee\./);
    expect(res.body).toMatch(/<details class="govuk-details"[\s\S]*Volunteers left out \(1\) and why[\s\S]*Dora Overdue<\/strong>: DBS recheck overdue since/);
    expect(res.body).toContain(`action="/cases/${caseId}/mediators/suggested"`);
    expect(res.body).toContain(`href="/cases/${caseId}/mediators"`); // back to the tab
    const choose = await coordinator.get(`/cases/${caseId}/mediators/choose`);
    expect(choose.statusCode).toBe(200);
    expect(text(choose.body)).toContain('Choose mediators yourself First volunteer');
    expect(choose.body).not.toContain('overrideJustification');
  });

  it('refuses a pair that breaks a rule with the reasons in the error summary, keeping the choice', async () => {
    await coordinator.get(`/cases/${caseId}/mediators/choose`);
    const res = await coordinator.post(`/cases/${caseId}/mediators/choose`, { mediatorA: v.vera!, mediatorB: v.dora! });
    expect(res.statusCode).toBe(422);
    expect(errorSummary(res.body)).toMatch(/Dora Overdue: DBS recheck overdue since/);
    expect(errorSummary(res.body)).not.toContain('justification');
    expect(res.body).toContain(`value="${v.dora}" selected`);
    expect(res.body).toContain('This pair breaks the pairing rules');
    expect(res.body).toContain('href="#mediatorA"');
    const none = await coordinator.post(`/cases/${caseId}/mediators/choose`, { mediatorA: v.vera! });
    expect(none.statusCode).toBe(422);
    expect(errorSummary(none.body)).toContain('Choose the second volunteer');
    expect(none.body).toContain('href="#mediatorB"');
    expect(none.body).toContain(`value="${v.vera}" selected`);
    const noPair = await coordinator.post(`/cases/${caseId}/mediators/suggested`, {});
    expect(noPair.statusCode).toBe(422);
    expect(errorSummary(noPair.body)).toContain('Choose a suggested pair');
    expect(noPair.body).toContain('href="#pair"');
    expect(text(noPair.body)).toContain('Suggested pairs');
  });

  it('assigns the suggested pair, shows it on the page and the overview, with the trainee as co-mediator', async () => {
    const page = await coordinator.get(`/cases/${caseId}/mediators/suggested`);
    const pair = /name="pair" type="radio" value="([^"]+)" checked/.exec(page.body)![1]!;
    const res = await coordinator.post(`/cases/${caseId}/mediators/suggested`, { pair });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}/mediators?done=assigned`);
    const after = text((await coordinator.get(res.headers.location as string)).body);
    expect(after).toContain('Mediators assigned. The change is on the case timeline.');
    expect(after).toMatch(/Vera Testvolunteer Role Lead mediator Since .* Supervised case No/);
    expect(after).toMatch(/Tia Trainee Role Co-mediator Since .* Supervised case Yes: not signed off yet/);
    expect(text((await coordinator.get(`/cases/${caseId}`)).body)).toContain(
      'Mediators Vera Testvolunteer (lead) and Tia Trainee (co-mediator, supervised case)',
    );
    // The pair now on the case is never suggested to replace itself (choosing it could only be refused).
    const again = await coordinator.get(`/cases/${caseId}/mediators/suggested`);
    expect(again.statusCode).toBe(200);
    expect(text(again.body)).toContain('No other pair of volunteers meets the rules for this case.');
    expect(again.body).not.toContain(`value="${pair}"`);
    expect(again.body).not.toContain(`value="${pair.split(',').reverse().join(',')}"`);
    expect(text(again.body)).toContain('The pair you choose replaces Vera Testvolunteer and Tia Trainee. The pair already on the case is not suggested.');
    // Chosen by hand, the same pair is refused in words, keeping the choice.
    const same = await coordinator.post(`/cases/${caseId}/mediators/choose`, { mediatorA: v.vera!, mediatorB: v.tia! });
    expect(same.statusCode).toBe(409);
    expect(errorSummary(same.body)).toContain('Vera Testvolunteer and Tia Trainee are already the mediators on this case');
    expect(same.body).toContain(`value="${v.tia}" selected`);
    expect(text((await coordinator.get(`/cases/${caseId}/mediators`)).body)).toContain('End an assignment');
    // Only the trainee's own supervisor signs off (tested below), so a coordinator has no form for it.
    expect(after).not.toContain('Sign off a supervised case');
  });
});

describe('signing off a supervised case', () => {
  let traineeAssignment: string;
  let leadAssignment: string;

  it('is refused to a coordinator, another supervisor and the trainee, with the reason', async () => {
    const list = await h.deps.assignments.list(actorFor(orgId, people.admin!.userId, 'admin'), caseId);
    traineeAssignment = list.find((a) => a.name === 'Tia Trainee')!.id;
    leadAssignment = list.find((a) => a.name === 'Vera Testvolunteer')!.id;
    const other = await signIn(h, people.otherSupervisor!);
    const page = await other.get(`/cases/${caseId}/mediators`);
    expect(page.body).not.toContain('/sign-off');
    expect((await other.get(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`)).statusCode).toBe(403);
    const res = await other.post(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`, { notes: 'Looks fine' });
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('Only the trainee’s supervisor can sign off a supervised case');
    await coordinator.get(`/cases/${caseId}/mediators`);
    const byCoordinator = await coordinator.post(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`, { notes: 'Fine' });
    expect(byCoordinator.statusCode).toBe(403);
    expect(text(byCoordinator.body)).toContain('Only the trainee’s supervisor can sign off a supervised case');
    const trainee = await signIn(h, people.trainee!);
    await trainee.get(`/cases/${caseId}/mediators`);
    expect((await trainee.post(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`, {})).statusCode).toBe(403);
  });

  it('is refused to the supervisor while the case is still in intake, with no joint meeting or shuttle session held', async () => {
    const sue = await signIn(h, people.supervisor!);
    const page = await sue.get(`/cases/${caseId}/mediators`);
    expect(page.body).not.toContain('/sign-off');
    const early = await sue.get(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`);
    expect(early.statusCode).toBe(409);
    expect(text(early.body)).toContain('A supervised case can be signed off once it has had its joint meeting or shuttle sessions');
    expect(text(page.body)).toContain('Tia Trainee’s supervised case can be signed off once the case has had its joint meeting or shuttle sessions.');
    const res = await sue.post(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`, { notes: 'Too early' });
    expect(res.statusCode).toBe(409);
    expect(errorSummary(res.body)).toContain('A supervised case can be signed off once it has had its joint meeting or shuttle sessions');
  });

  it('lets the trainee’s supervisor sign it off once, counting toward the trainee’s supervised cases', async () => {
    await holdSession(h.deps, orgId, caseId);
    const sue = await signIn(h, people.supervisor!);
    const tab = await sue.get(`/cases/${caseId}/mediators`);
    expect(tab.body).toContain(`href="/cases/${caseId}/mediators/${traineeAssignment}/sign-off"`);
    expect(tab.body).not.toContain(`/mediators/${leadAssignment}/sign-off`);
    const page = await sue.get(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Sign off a trainee');
    expect(text(page.body)).toContain('Notes on Tia Trainee’s supervised case (optional)');
    const long = await sue.post(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`, { notes: 'x'.repeat(5001) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('href="#notes"');
    expect(long.body).toContain('x'.repeat(5001));
    const res = await sue.post(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`, { notes: 'Tia led the joint meeting well' });
    expect(res.statusCode).toBe(303);
    const after = text((await sue.get(res.headers.location as string)).body);
    expect(after).toContain('Supervised case signed off.');
    expect(after).toContain('Yes: signed off by Sue Supervisor');
    const again = await sue.post(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`, {});
    expect(again.statusCode).toBe(409);
    expect(errorSummary(again.body)).toContain('This supervised case has already been signed off');
    const admin = actorFor(orgId, people.admin!.userId, 'admin');
    const timeline = (await h.deps.cases.get(admin, caseId)).timeline.filter((e) => e.kind === 'assignment');
    expect(timeline.at(-1)).toMatchObject({ summary: 'Supervised case signed off for Tia Trainee (1 of 3)', body: 'Tia led the joint meeting well' });
  });

  it('refuses to sign off an assignment that is not a supervised case', async () => {
    const admin = actorFor(orgId, people.admin!.userId, 'admin');
    await expect(h.deps.assignments.signOff(admin, leadAssignment, {})).rejects.toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUPERVISED' });
  });
});

describe('an admin on the Mediators page', () => {
  it('overrides the rules only with a justification, and ends the assignment with a reason', async () => {
    const admin = await signIn(h, people.admin!);
    const page = await admin.get(`/cases/${caseId}/mediators/choose`);
    expect(page.body).toContain('id="overrideJustification"');
    const refused = await admin.post(`/cases/${caseId}/mediators/choose`, { mediatorA: v.dora!, mediatorB: v.vera!, overrideJustification: '' });
    expect(refused.statusCode).toBe(422);
    expect(errorSummary(refused.body)).toContain('To assign this pair anyway, give a justification');
    expect(refused.body).toContain('href="#overrideJustification"');
    const ok = await admin.post(`/cases/${caseId}/mediators/choose`, {
      mediatorA: v.dora!,
      mediatorB: v.vera!,
      overrideJustification: 'New certificate seen today',
    });
    expect(ok.headers.location).toBe(`/cases/${caseId}/mediators?done=override`);
    const after = text((await admin.get(ok.headers.location as string)).body);
    expect(after).toContain('Assigned despite the pairing rules New certificate seen today');
    expect(after).toMatch(/Earlier assignments .*Tia Trainee .*Replaced by Dora Overdue and Vera Testvolunteer/);
    const endPage = await admin.get(`/cases/${caseId}/mediators/end`);
    expect(endPage.statusCode).toBe(200);
    expect(text(endPage.body)).toContain('End an assignment This ends the assignment of Dora Overdue and Vera Testvolunteer.');
    const blank = await admin.post(`/cases/${caseId}/mediators/end`, { reason: '  ' });
    expect(blank.statusCode).toBe(422);
    expect(errorSummary(blank.body)).toContain('Say why the assignment is ending');
    expect(blank.body).toContain('href="#reason"');
    const long = await admin.post(`/cases/${caseId}/mediators/end`, { reason: 'y'.repeat(1001) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('y'.repeat(1001));
    const ended = await admin.post(`/cases/${caseId}/mediators/end`, { reason: 'Case paused' });
    expect(ended.headers.location).toBe(`/cases/${caseId}/mediators?done=ended`);
    expect(text((await admin.get(`/cases/${caseId}/timeline`)).body)).toContain('Assignment ended: Dora Overdue and Vera Testvolunteer');
  });
});

describe('a case that has ended', () => {
  it('says why in place of the forms to assign, and a stale form is refused with the same reason', async () => {
    const admins = actorFor(orgId, people.admin!.userId, 'admin', 'Ada Admin');
    const ended = (await makeCase(h.deps, orgId, admins, { description: 'Parking', parties: [{ name: 'Ria Testparty' }, { name: 'Lee Testparty' }] })).caseId;
    const open = await coordinator.get(`/cases/${ended}/mediators`);
    expect(open.body).toContain('Choose mediators yourself');
    await h.deps.cases.transition(admins, ended, { to: 'withdrawn', reason: 'Parties settled it themselves' });

    const page = await coordinator.get(`/cases/${ended}/mediators`);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('This case has ended: it was withdrawn, so mediators cannot be assigned to it.');
    for (const link of ['Suggested pairs', 'Choose mediators yourself', '/mediators/suggested', '/mediators/choose']) expect(page.body).not.toContain(link);
    const suggested = await coordinator.get(`/cases/${ended}/mediators/suggested`);
    expect(text(suggested.body)).toContain('This case has ended: it was withdrawn');
    expect(suggested.body).not.toContain('Assign this pair');

    const stale = await coordinator.post(`/cases/${ended}/mediators/choose`, { mediatorA: v.vera!, mediatorB: v.tia! });
    expect(stale.statusCode).toBe(409);
    expect(errorSummary(stale.body)).toContain('This case has ended: mediators cannot be assigned to it');
    expect(stale.body).toContain('href="#case-ended"');
    expect(stale.body).toContain('id="case-ended"');

    // Those who cannot assign anyone are not told about assigning.
    const sue = await signIn(h, people.supervisor!);
    expect(text((await sue.get(`/cases/${ended}/mediators`)).body)).not.toContain('This case has ended');
  });
});
