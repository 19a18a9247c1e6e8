// The case's Mediators page, without JavaScript: a coordinator picks a suggested pair or any two (a pair that breaks
// a rule is refused with the reasons in the error summary, keeping the choice), an admin overrides with a
// justification, the assignment ends with a reason; and the supervised-case sign-off rules.
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
  it('shows suggestions with score and reasons, and the volunteers left out in a details component', async () => {
    const res = await coordinator.get(`/cases/${caseId}/mediators`);
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain('No mediators are assigned to this case yet.');
    expect(page).toMatch(/Vera Testvolunteer \(lead\) and Tia Trainee Score [\d.]+\. A supervised case for the trainee\./);
    expect(res.body).toMatch(/<details class="govuk-details"[\s\S]*Volunteers left out \(1\) and why[\s\S]*Dora Overdue<\/strong>: DBS recheck overdue since/);
    expect(res.body).toContain('href="/cases/' + caseId + '/mediators"');
    expect(res.body).not.toContain('any-overrideJustification');
  });

  it('refuses a pair that breaks a rule with the reasons in the error summary, keeping the choice', async () => {
    const res = await coordinator.post(`/cases/${caseId}/mediators`, { choice: 'any', mediatorA: v.vera!, mediatorB: v.dora! });
    expect(res.statusCode).toBe(422);
    expect(errorSummary(res.body)).toMatch(/Dora Overdue: DBS recheck overdue since/);
    expect(errorSummary(res.body)).not.toContain('justification');
    expect(res.body).toContain(`value="${v.dora}" selected`);
    expect(res.body).toContain('This pair breaks the pairing rules');
    const none = await coordinator.post(`/cases/${caseId}/mediators`, { choice: 'any', mediatorA: v.vera! });
    expect(none.statusCode).toBe(422);
    expect(errorSummary(none.body)).toContain('Choose the second volunteer');
    const noPair = await coordinator.post(`/cases/${caseId}/mediators`, { choice: 'suggested' });
    expect(errorSummary(noPair.body)).toContain('Choose a suggested pair');
  });

  it('assigns the suggested pair, shows it on the page and the overview, with the trainee as co-mediator', async () => {
    const page = await coordinator.get(`/cases/${caseId}/mediators`);
    const pair = /name="pair" type="radio" value="([^"]+)" checked/.exec(page.body)![1]!;
    const res = await coordinator.post(`/cases/${caseId}/mediators`, { choice: 'suggested', pair });
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
    const again = await coordinator.get(`/cases/${caseId}/mediators`);
    expect(again.body).not.toContain(`value="${pair}"`);
    expect(again.body).not.toContain(`value="${pair.split(',').reverse().join(',')}"`);
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
    expect(page.body).not.toContain('Sign off a supervised case');
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
    expect(text(page.body)).not.toContain('Notes on Tia Trainee’s supervised case (optional)');
    expect(text(page.body)).toContain('Tia Trainee’s supervised case can be signed off once the case has had its joint meeting or shuttle sessions.');
    const res = await sue.post(`/cases/${caseId}/mediators/${traineeAssignment}/sign-off`, { notes: 'Too early' });
    expect(res.statusCode).toBe(409);
    expect(errorSummary(res.body)).toContain('A supervised case can be signed off once it has had its joint meeting or shuttle sessions');
  });

  it('lets the trainee’s supervisor sign it off once, counting toward the trainee’s supervised cases', async () => {
    await holdSession(h.deps, orgId, caseId);
    const sue = await signIn(h, people.supervisor!);
    const page = await sue.get(`/cases/${caseId}/mediators`);
    expect(text(page.body)).toContain('Notes on Tia Trainee’s supervised case (optional)');
    expect(page.body).not.toContain(`/mediators/${leadAssignment}/sign-off`);
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
    const page = await admin.get(`/cases/${caseId}/mediators`);
    expect(page.body).toContain('id="any-overrideJustification"');
    const refused = await admin.post(`/cases/${caseId}/mediators`, { choice: 'any', mediatorA: v.dora!, mediatorB: v.vera!, overrideJustification: '' });
    expect(refused.statusCode).toBe(422);
    expect(errorSummary(refused.body)).toContain('To assign this pair anyway, give a justification');
    const ok = await admin.post(`/cases/${caseId}/mediators`, {
      choice: 'any',
      mediatorA: v.dora!,
      mediatorB: v.vera!,
      overrideJustification: 'New certificate seen today',
    });
    expect(ok.headers.location).toBe(`/cases/${caseId}/mediators?done=override`);
    const after = text((await admin.get(ok.headers.location as string)).body);
    expect(after).toContain('Assigned despite the pairing rules New certificate seen today');
    expect(after).toMatch(/Earlier assignments .*Tia Trainee .*Replaced by Dora Overdue and Vera Testvolunteer/);
    const blank = await admin.post(`/cases/${caseId}/mediators/end`, { reason: '' });
    expect(blank.statusCode).toBe(422);
    expect(errorSummary(blank.body)).toContain('Say why the assignment is ending');
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
    expect(open.body).toContain('Choose any two volunteers');
    await h.deps.cases.transition(admins, ended, { to: 'withdrawn', reason: 'Parties settled it themselves' });

    const page = await coordinator.get(`/cases/${ended}/mediators`);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('This case has ended: it was withdrawn, so mediators cannot be assigned to it.');
    for (const form of ['Suggested pairs', 'Choose any two volunteers', 'Assign this pair', 'Assign these two', 'name="choice"'])
      expect(page.body).not.toContain(form);

    const stale = await coordinator.post(`/cases/${ended}/mediators`, { choice: 'any', mediatorA: v.vera!, mediatorB: v.tia! });
    expect(stale.statusCode).toBe(409);
    expect(errorSummary(stale.body)).toContain('This case has ended: mediators cannot be assigned to it');
    expect(stale.body).toContain('href="#case-ended"');
    expect(stale.body).toContain('id="case-ended"');

    // Those who cannot assign anyone are not told about assigning.
    const sue = await signIn(h, people.supervisor!);
    expect(text((await sue.get(`/cases/${ended}/mediators`)).body)).not.toContain('This case has ended');
  });
});
