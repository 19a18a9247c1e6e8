// The demo service: `parley demo` loads a service with referrals and cases at every stage, through the services.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgActor } from '#src/access/actor.ts';
import { systemActor } from '#src/access/actor.ts';
import { DEMO_SLUG, loadDemo } from '#src/demo/load-demo.ts';
import { createHomeService } from '#src/features/home/home.service.ts';
import { translator } from '#src/i18n/i18n.ts';
import { REPORT_IDS } from '#src/features/reports/report-list.ts';
import { type Harness, startHarness } from '../support/harness.ts';

type ListedCase = { id: string; reference: string; caseType: string; status: string; urgent: boolean };
type CaseDetail = { status: string; parties: { name: string; role: string; consent: string }[]; tasks: { title: string; dueOn: string; done: boolean }[] };

let h: Harness;
let key: string;
let admin: OrgActor;
let orgId: string;
const get = (url: string) => h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
/** The year of history behind the reports (demo-reports.ts) is numbered from 9001; the rest are the live demo's. */
const HISTORY = /^RCM-\d{4}-9\d{3}$/;
/** Every page of the case list. */
async function allCases(): Promise<ListedCase[]> {
  const all: ListedCase[] = [];
  for (let page = 1; page < 100; page++) {
    const rows = (await get(`/api/v1/cases?page=${page}`)).json().cases as ListedCase[];
    all.push(...rows);
    if (rows.length === 0 || rows.length < 25) break;
  }
  return all;
}
const liveCases = async () => (await allCases()).filter((c) => !HISTORY.test(c.reference));

beforeAll(async () => {
  h = await startHarness();
  const first = await loadDemo(h.deps);
  expect(first.created).toBe(true);
  orgId = first.orgId;
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'demo check', role: 'admin' }, systemActor('test'))).key;
  admin = (await h.deps.apiKeys.authenticate(key, {}))!;
}, 120_000);
afterAll(() => h?.close());

describe('parley demo', () => {
  it('sets up the demo service: prefix, case types, areas and a notice', async () => {
    const res = await get('/api/v1/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      referencePrefix: 'RCM',
      caseTypes: ['community', 'restorative_justice', 'send', 'social_care', 'workplace-mediation'],
      areas: { postcodePrefixes: ['CT', 'ME14', 'TN9 1'], localAuthorities: ['Riverside District (fictional)'] },
    });
    expect(res.json().notices).toHaveLength(1);
    // A case type of its own, with a referral waiting, named on the queue and kept for its kind's period.
    expect((await get('/api/v1/case-types')).json()).toContainEqual(
      expect.objectContaining({ code: 'workplace-mediation', name: 'Workplace mediation', kind: 'community', referencePrefix: 'WPM' }),
    );
    const referrals = (await get('/api/v1/referrals?status=new')).json().referrals as { caseType: string }[];
    expect(referrals.filter((r) => r.caseType === 'workplace-mediation')).toHaveLength(1);
    expect((await get('/api/v1/retention')).json().rules).toContainEqual(
      expect.objectContaining({ caseType: 'workplace-mediation', years: 3, isDefault: true }),
    );
  });

  it('has a case at every stage', async () => {
    expect((await get('/api/v1/cases')).statusCode).toBe(200);
    const cases = await liveCases();
    expect(cases).toHaveLength(12);
    const byStatus = Object.fromEntries(
      ['intake', 'ready', 'mediation', 'follow_up', 'closed', 'withdrawn'].map((s) => [s, cases.filter((c) => c.status === s).length]),
    );
    expect(byStatus).toEqual({ intake: 6, ready: 1, mediation: 2, follow_up: 1, closed: 1, withdrawn: 1 });
    expect(cases.every((c) => /^RCM-\d{4}-\d{4}$/.test(c.reference))).toBe(true);
    expect(new Set(cases.map((c) => c.caseType))).toEqual(new Set(['community', 'restorative_justice', 'send', 'social_care']));
  });

  it('records consents and intake records on the cases that are ready or beyond, and a contact log on intake', async () => {
    const cases = await liveCases();
    const ready = (await get(`/api/v1/cases/${cases.find((c) => c.status === 'ready')!.id}`)).json() as CaseDetail & { timeline: { kind: string }[] };
    expect(ready.parties.every((p) => p.consent === 'given')).toBe(true);
    expect(ready.timeline.filter((e) => e.kind === 'intake')).toHaveLength(2);
    const intake = cases.filter((c) => c.status === 'intake' && c.caseType === 'community')[0]!;
    const contacts = ((await get(`/api/v1/cases/${intake.id}`)).json() as { timeline: { kind: string }[] }).timeline.filter((e) => e.kind === 'contact');
    expect(contacts.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves tasks, some of them overdue', async () => {
    const cases = await liveCases();
    const today = h.clock.now().toISOString().slice(0, 10);
    const tasks = (await Promise.all(cases.map(async (c) => ((await get(`/api/v1/cases/${c.id}`)).json() as CaseDetail).tasks))).flat();
    expect(tasks.length).toBeGreaterThanOrEqual(5);
    expect(tasks.filter((t) => !t.done && t.dueOn < today).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves referrals to triage: one urgent, a SEND one with its decision letter date, a restorative one with someone in custody', async () => {
    const res = await get('/api/v1/referrals?status=new');
    expect(res.statusCode).toBe(200);
    const referrals = res.json().referrals as { id: string; caseType: string; urgent: boolean }[];
    expect(res.json().total).toBe(5);
    expect(referrals.filter((r) => r.urgent)).toHaveLength(1);
    const send = await h.deps.referrals.get(admin, referrals.find((r) => r.caseType === 'send')!.id);
    expect((send.referral.answers.details as { decisionLetterDate?: string }).decisionLetterDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const rj = await h.deps.referrals.get(admin, referrals.find((r) => r.caseType === 'restorative_justice')!.id);
    expect(rj.referral.answers.details).toMatchObject({ inCustody: true, establishment: 'HMP Example (fictional)' });
  });

  it('has one safeguarding disclosure waiting for a decision', async () => {
    const open = await h.deps.caseActivity.listSafeguarding(admin, { status: 'open' });
    expect(open).toHaveLength(1);
    expect(open[0]!.record.decision).toBeNull();
  });

  it('has volunteers at every stage, and pair suggestions that leave people out for different reasons', async () => {
    const res = await get('/api/v1/volunteers');
    expect(res.statusCode).toBe(200);
    const volunteers = res.json().volunteers as { id: string; name: string; status: string }[];
    expect(new Set(volunteers.map((v) => v.status))).toEqual(new Set(['applicant', 'in_training', 'trainee', 'accredited', 'left']));
    const cases = (await get('/api/v1/cases?q=Frankie%20Fictitious')).json().cases as ListedCase[];
    const pairs = await get(`/api/v1/cases/${cases[0]!.id}/pair-suggestions`);
    expect(pairs.statusCode).toBe(200);
    const reasons = (pairs.json().excluded as { reasons: string[] }[]).flatMap((e) => e.reasons).join('\n');
    expect(reasons).toMatch(/DBS recheck overdue since/);
    expect(reasons).toMatch(/away until/);
    expect(reasons).toMatch(/same surname as Jamie Imaginary/);
    expect(reasons).toMatch(/at capacity: 1 of 1/);
    expect(pairs.json().suggestions.length).toBeGreaterThan(0);
  });

  it('gives the demo mediator one case, some hours and a claim waiting for approval', async () => {
    const mediator = await h.deps.people.list(admin).then((p) => p.members.find((m) => m.email === 'mediator@demo.parley.example')!);
    const actor: OrgActor = { ...admin, type: 'user', id: mediator.userId, role: 'mediator' };
    const { rows } = await h.deps.cases.list(actor, {});
    expect(rows.map((r) => r.id)).toHaveLength(1);
    const claims = (await get('/api/v1/expenses?status=submitted')).json();
    expect(JSON.stringify(claims)).toMatch(/Driving to the home visit/);
  });

  it('has venues, a joint meeting booked, a shuttle session held with its log, requests for a further meeting and the invitations held in the outbox', async () => {
    const venues = (await get('/api/v1/venues')).json();
    expect(venues.venues.map((v: { name: string }) => v.name).sort()).toEqual(['Riverside Community Centre', 'Sampletown Library']);
    const requests = (await get('/api/v1/meeting-requests?status=open')).json();
    expect(requests.requests.length).toBe(2);
    const frankie = (await get('/api/v1/cases?q=Frankie')).json().cases[0];
    const joint = (await get(`/api/v1/cases/${frankie.id}/meetings`)).json().meetings;
    expect(joint).toMatchObject([{ kind: 'joint', status: 'booked' }]);
    const charlie = (await get('/api/v1/cases?q=Charlie')).json().cases[0];
    const [shuttle] = (await get(`/api/v1/cases/${charlie.id}/meetings`)).json().meetings;
    expect(shuttle).toMatchObject({ kind: 'shuttle', status: 'held' });
    const log = (await get(`/api/v1/cases/${charlie.id}/meetings/${shuttle.id}/shuttle`)).json();
    expect(log.statements.map((x: { permission: string }) => x.permission).sort()).toEqual(['no', 'yes', 'yes_in_words']);
    const held = (await get('/api/v1/email/outbox?status=held')).json();
    expect(held.messages.length).toBeGreaterThanOrEqual(4);
  });

  it('has a letter to post for Frankie, who has no email address, and none for Jamie, whose safe-contact instructions say no letters', async () => {
    const letters = (await get('/api/v1/email/outbox?status=to_post')).json().messages as { id: string; toName: string; postalAddress: string | null }[];
    expect(letters.map((l) => l.toName)).toContain('Frankie Fictitious');
    expect(letters.map((l) => l.toName)).not.toContain('Jamie Imaginary');
    const frankie = letters.find((l) => l.toName === 'Frankie Fictitious')!;
    expect(frankie.postalAddress).toBe('7 Example Close\nSampletown\nCT2 7NZ');
    const pdf = await get(`/api/v1/email/letters/${frankie.id}.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has an enquiry with an appointment booked, on the calendar and its invitation in the outbox', async () => {
    const [enquiry] = await h.deps.publicIntake.listEnquiries(admin);
    const appointments = (await get(`/api/v1/enquiries/${enquiry!.id}/appointments`)).json();
    expect(appointments.booked).toMatchObject({ mode: 'in_person', venueName: 'Sampletown Library', status: 'booked' });
    const week = appointments.booked.startsAt.slice(0, 10);
    const calendar = await h.deps.calendar.service(admin, { view: 'week', date: week, cancelled: false });
    expect(calendar.meetings.map((m) => m.href)).toContain(`/enquiries/${enquiry!.id}/appointment`);
    const held = (await get('/api/v1/email/outbox?q=robin.madeup')).json().messages as { subject: string }[];
    expect(held.map((m) => m.subject).join('\n')).toContain('Meeting about your enquiry');
  });

  it('has signed agreements (one with a drawn signature) whose PDFs download from the case, at Outcome or beyond', async () => {
    const cases = await liveCases();
    const signed: string[] = [];
    for (const c of cases.filter((x) => ['outcome', 'follow_up', 'closed'].includes(x.status))) {
      const { agreements } = (await get(`/api/v1/cases/${c.id}/agreements`)).json() as {
        agreements: { id: string; version: { id: string; status: string }; signers: { method: string }[] }[];
      };
      const a = agreements[0]!;
      expect(a.version.status).toBe('signed');
      expect(a.signers.some((x) => x.method === 'drawn')).toBe(true);
      const pdf = await get(`/api/v1/cases/${c.id}/agreements/${a.id}/versions/${a.version.id}/pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      signed.push(c.status);
    }
    expect(signed).toHaveLength(2);
  });

  it('has SEND cases at each point of the statutory clocks: due, overdue (deemed prompted) and a certificate issued', async () => {
    const deadlines = (await get('/api/v1/send/deadlines')).json() as { kind: string; overdue: boolean }[];
    expect(deadlines.some((k) => k.kind === 'declined_certificate' && !k.overdue)).toBe(true);
    expect(deadlines.some((k) => k.kind === 'mediation_held' && k.overdue)).toBe(true);
    expect(deadlines.some((k) => k.kind === 'deemed_certificate')).toBe(true);
    expect(deadlines.some((k) => k.kind === 'contact' && !k.overdue)).toBe(true);
    const register = (await get('/api/v1/send/certificates')).json() as { kind: string; outcome: string }[];
    expect(register).toEqual([
      expect.objectContaining({ kind: 'after_mediation', outcome: 'partial' }),
      expect.objectContaining({ kind: 'declined', outcome: null }),
    ]);
  });

  it('has a SEND case mediated with the decision-maker present, an agreement signed and the reg 42 duty running', async () => {
    const mediated = (await get('/api/v1/cases?q=Alex Exampleby')).json().cases[0] as ListedCase;
    expect(mediated.status).toBe('mediation');
    const send = (await get(`/api/v1/cases/${mediated.id}/send`)).json();
    expect(send).toMatchObject({ laAttendeeHasAuthority: true, attendees: [{ kind: 'advocate' }] });
    expect(send.duties).toEqual([expect.objectContaining({ appealable: true, metOn: null, daysLeft: expect.any(Number) })]);
    expect(send.duties[0].daysLeft).toBeGreaterThan(0);
    const deemed = (await get('/api/v1/cases?q=Sam Sampleton')).json().cases[0] as ListedCase;
    expect((await get(`/api/v1/cases/${deemed.id}/send`)).json().delayReason).toContain('could not be released');
    const report = (await get('/api/v1/send/report')).json();
    expect(report.reg42.notYetDue).toBe(1);
  });

  it('does not list its own accounts as sign-in problems on the admin’s home', async () => {
    const { queues } = await createHomeService(h.deps).pageFor(admin, translator('en'));
    const problems = queues.find((q) => q.id === 'sign-in-problems');
    expect(problems).toBeDefined();
    expect(problems!.items).toEqual([]);
  });

  it('only renews the passwords when loaded again', async () => {
    const again = await loadDemo(h.deps);
    expect(again).toMatchObject({ created: false, orgId });
    expect(again.accounts.map((a) => a.role)).toContain('admin');
    expect((await liveCases()).length).toBe(12);
    expect(admin.orgSlug).toBe(DEMO_SLUG);
  });

  it('has a case in follow-up with a check-in answered, and an approved testimonial on the public page', async () => {
    const cases = await liveCases();
    const followUp = cases.find((c) => c.status === 'follow_up')!;
    const schedule = (await get(`/api/v1/cases/${followUp.id}/follow-ups`)).json();
    expect(schedule.points.length).toBeGreaterThanOrEqual(2);
    expect(schedule.checkIns).toHaveLength(1);
    const home = await h.app.inject({ method: 'GET', url: '/s/demo' });
    expect(home.body).toContain('What our clients say');
    expect(home.body).toContain('we found a way to share the cost of the tree');
    expect(home.body).not.toContain('Ellis');
  });

  it('has a restorative case waiting on an assessment, its conference refused with the reason, and one with vetted letters', async () => {
    const cases = await liveCases();
    const rjCases = cases.filter((c) => c.caseType === 'restorative_justice');
    const summaries = await Promise.all(rjCases.map(async (c) => ({ c, rj: (await get(`/api/v1/cases/${c.id}/rj`)).json() })));
    const waiting = summaries.find((s) => s.c.status === 'intake')!;
    expect(waiting.rj.direct.allowed).toBe(false);
    expect(waiting.rj.direct.problems.map((p: { message: string }) => p.message)).toEqual([
      'Drew Fakeley’s risk assessment has not been signed off by a supervisor',
    ]);
    expect(waiting.rj.participants.find((p: { name: string }) => p.name === 'Drew Fakeley').custody.establishment).toBe('HMP Example (fictional)');
    const withLetters = summaries.find((s) => s.c.status === 'follow_up')!;
    const letters = (await get(`/api/v1/cases/${withLetters.c.id}/rj/letters`)).json().letters as { status: string; recipientCopy: string }[];
    expect(letters.map((l) => l.status)).toEqual(['passed', 'awaiting_vetting']);
    expect(letters[0]!.recipientCopy).not.toMatch(/Pretend Road|TN9 1AA|Kai/);
    expect(letters[1]!.recipientCopy).not.toContain('07700 900204');
    // The funders' return counts the restorative case's agreement, signed and (at Bailey's check-in) kept.
    const today = h.clock.now().toISOString().slice(0, 10);
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 40 * 86_400_000).toISOString().slice(0, 10);
    const ret = (await get(`/api/v1/reports/rj?from=${from}&to=${today}`)).json();
    expect(ret.metrics.find((m: { id: string }) => m.id === 'agreements').figures).toEqual([
      { label: 'made', value: 1 },
      { label: 'kept', value: 1 },
      { label: 'partly kept', value: 0 },
      { label: 'not kept', value: 0 },
    ]);
  });

  it('has a breach on the ICO clock and a subject access request waiting, on the data-protection queue', async () => {
    const breaches = (await get('/api/v1/data-protection/breaches')).json().breaches;
    expect(breaches).toEqual([expect.objectContaining({ reference: 'BR-001', icoStatus: 'due' })]);
    expect(breaches[0].hours).toBeGreaterThanOrEqual(46); // aware a day ago: about 48 hours left
    const requests = (await get('/api/v1/data-protection/requests')).json().requests;
    expect(requests).toEqual([expect.objectContaining({ kind: 'access', status: 'open', requesterName: 'Bailey Dummyworth' })]);
    expect((await get('/api/v1/retention')).json().rules.map((r: { years: number }) => r.years)).toEqual([3, 7, 6, 6, 3]);
  });

  it('answers the subject access request with the letter passed on to the person, the other party taken out', async () => {
    const [request] = (await get('/api/v1/data-protection/requests')).json().requests;
    const people = (await get('/api/v1/data-protection/people?q=Bailey')).json().people as { partyId: string; name: string }[];
    const ids = people.filter((p) => p.name === 'Bailey Dummyworth').map((p) => `partyId=${p.partyId}`);
    expect(ids.length).toBeGreaterThan(0);
    const res = await get(`/api/v1/data-protection/requests/${request.id}/archive?${ids.join('&')}`);
    expect(res.statusCode).toBe(200);
    const text = Object.values(unzipSync(new Uint8Array(res.rawPayload)))
      .map((f) => strFromU8(f))
      .join('\n');
    expect(text).toContain('I am sorry I smashed your window');
    expect(text).toContain('Passed on to you');
    for (const gone of ['Rowan', 'Mockford', '9 Pretend Road', 'My friend Kai dared me']) expect(text, gone).not.toContain(gone);
    // The note staff marked as about someone else is on her case, and left out of her copy, which says so.
    expect(text).toContain('1 note that staff marked as about other people was left out.');
    expect(text).not.toContain('Dale Pretendington');
  });

  it('has a note on the restorative case marked as about someone else, shown so on the timeline', async () => {
    const [rj] = (await get('/api/v1/cases?q=Bailey%20Dummyworth')).json().cases as ListedCase[];
    const note = (await h.deps.cases.get(admin, rj!.id)).timeline.find((e) => e.body?.includes('Dale Pretendington'));
    expect(note).toMatchObject({ kind: 'note', visibility: 'team', data: { thirdParty: true } });
    expect(note!.body).toContain('(Demo text.)');
  });

  it('has a year of closed cases, so every report shows real numbers and at least one small number hidden', async () => {
    type Value = { value: number | null; suppressed: string | null };
    type Metric = {
      id: string;
      kind: string;
      cells?: Value[][];
      figures?: Value[];
      rows?: { count: number | null; medianDays: number | null; suppressed: string | null }[];
    };
    const hidden: string[] = [];
    for (const id of REPORT_IDS) {
      const res = await get(`/api/v1/reports/${id}`);
      expect(res.statusCode, id).toBe(200);
      const values = (res.json().metrics as Metric[]).flatMap((m) =>
        m.kind === 'table' ? m.cells!.flat() : m.kind === 'spread' ? m.rows!.map((r) => ({ value: r.count, suppressed: r.suppressed })) : m.figures!,
      );
      expect(
        values.some((v) => (v.value ?? 0) > 0),
        `${id} shows a number`,
      ).toBe(true);
      if (values.some((v) => v.suppressed === 'fewer_than_threshold')) hidden.push(id);
    }
    expect(hidden).toContain('referrals'); // 3 by API and 3 from the contact form
    const agreements = (await get('/api/v1/reports/agreements')).json().metrics as Metric[];
    expect(agreements.find((m) => m.id === 'closed-by-reason')!.cells!.at(-1)![0]!.value).toBeGreaterThanOrEqual(30);
    // Kept at follow-up comes from the check-ins; the time in each stage from the stage changes; the volunteers' hours.
    expect(agreements.find((m) => m.id === 'kept-at-follow-up')!.cells![0]![0]!.value).toBeGreaterThanOrEqual(5);
    const stages = ((await get('/api/v1/reports/cases')).json().metrics as Metric[]).find((m) => m.id === 'time-in-stage')!;
    expect(stages.rows!.filter((r) => (r.medianDays ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
    const work = ((await get('/api/v1/reports/volunteers')).json().metrics as Metric[])[0]!;
    expect(work.figures![0]!.value).toBeGreaterThan(50);
    // The area filter narrows to the demo's own areas.
    const total = (q: string) => get(`/api/v1/reports/referrals${q}`).then((r) => r.json().metrics[0].cells.at(-1).at(-1).value as number);
    const [all, ct] = [await total(''), await total('?area=CT')];
    expect(ct).toBeGreaterThan(0);
    expect(ct).toBeLessThan(all);
    // The demo's commissioner sees the same reports and nothing else.
    const commissioner = (await h.deps.people.list(admin)).members.find((m) => m.role === 'commissioner');
    expect(commissioner?.email).toBe('commissioner@demo.parley.example');
  });
});
