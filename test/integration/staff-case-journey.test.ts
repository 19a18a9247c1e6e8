// A coordinator takes a referral to a case that is ready, through the staff pages only: the queue, the referral,
// triage, first contact, intake records, consents, the refusals that say why, search, tasks and the home page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '#src/db/tenant.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { systemActor } from '#src/access/actor.ts';
import { addCalendarMonths } from '#src/domain/send-deadline.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text, errorSummary } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let web: WebClient;
let coordinator: Awaited<ReturnType<typeof makeMember>>;
const anonymous = { type: 'anonymous' as const };

/** The text of the page without tags, with spaces collapsed, for reading what a person sees. */
const partyIds = (html: string) => [...new Set([...html.matchAll(/\/people\/([0-9a-f-]{36})\/intake/g)].map((m) => m[1]!))];

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'cdm', 'Canterbury and District Mediation (fictional)'));
  const admin = { type: 'user' as const, id: 'x', orgId, orgSlug: 'cdm', orgName: 'x', role: 'admin' as const };
  await h.deps.settings.update(admin, {
    referencePrefix: 'CDM',
    caseTypes: ['community', 'restorative_justice', 'send'],
    areas: { postcodePrefixes: ['CT'], localAuthorities: ['Kent'] },
  });
  coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora.coordinator@cdm.example', { name: 'Cora Coordinator' });
  await h.deps.referrals.createFromPublic(
    orgId,
    {
      caseType: 'community',
      description: 'Noise from next door late at night',
      consentToContact: true,
      whatWouldHelp: 'A quiet conversation',
      parties: [
        {
          name: 'Sam Patel',
          role: 'party',
          phone: '07700 900123',
          postcode: 'CT1 2AB',
          safeContact: 'Text first, never call after 8pm',
          isReferredPerson: true,
        },
        { name: 'Jo Okafor', role: 'party' },
      ],
    },
    anonymous,
  );
  h.clock.advance(1000);
  await h.deps.referrals.createFromProfessional(
    orgId,
    {
      caseType: 'restorative_justice',
      description: 'Burglary victim would like to meet the young person',
      consentToContact: true,
      personAgreed: true,
      urgent: true,
      risks: ['weapons'],
      referrer: { organisation: 'Youth Offending Team (fictional)', role: 'Case manager', name: 'Rae Referrer', email: 'rae@yot.example' },
      parties: [
        { name: 'Vic Tim', role: 'victim' },
        { name: 'Harry Harmer', role: 'person_who_harmed' },
      ],
      details: { offenceType: 'Burglary', inCustody: true, establishment: 'HMP Example', prisonNumber: 'A1234BC', offenderManager: 'Olu Manager' },
    },
    systemActor('test'),
  );
  h.clock.advance(1000);
  await h.deps.referrals.createFromPublic(
    orgId,
    { caseType: 'community', description: 'Parking dispute', consentToContact: true, parties: [{ name: 'S. Patel', role: 'party', phone: '07700900123' }] },
    anonymous,
  );
  h.clock.advance(3 * 86_400_000);
  web = await signIn(h, coordinator);
});
afterAll(() => h?.close());

describe('a coordinator takes a referral to a case that is ready, through the pages', () => {
  let referralId: string;
  let caseId: string;
  let reference: string;
  let parties: string[];

  it('lists new referrals, urgent first, with their age, source, type and flags', async () => {
    const res = await web.get('/referrals');
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain('New referrals (3)');
    expect(page).toMatch(/CDM-R-\d{4}-0002 3 days .* Restorative justice Professional \(online form\) Urgent Weapons/);
    expect(page).toMatch(/CDM-R-\d{4}-0001 3 days .* Community mediation Self-referral None noted/);
    expect(res.body.indexOf('-0002')).toBeLessThan(res.body.indexOf('-0001'));
    expect(res.body).toContain('href="/enquiries"');
    expect(text((await web.get('/referrals?sort=reference')).body)).toMatch(/-0001.*-0002.*-0003/);
    expect(text((await web.get('/referrals?status=accepted')).body)).toContain('There are no referrals here.');
    referralId = /href="\/referrals\/([0-9a-f-]{36})">CDM-R-\d{4}-0001</.exec(res.body)![1]!;
  });

  it('shows everything submitted and the likely duplicates', async () => {
    const res = await web.get(`/referrals/${referralId}`);
    const page = text(res.body);
    expect(page).toContain('Noise from next door late at night');
    expect(page).toContain('A quiet conversation');
    expect(page).toContain('Sam Patel – the person referred');
    expect(page).toContain('Text first, never call after 8pm');
    expect(page).toContain('Likely duplicates');
    expect(page).toMatch(/Other new referrals CDM-R-\d{4}-0003/);
  });

  it('keeps the referral when a triage form has problems, and says what is wrong', async () => {
    const declined = await web.post(`/referrals/${referralId}/decline`, { reason: '' });
    expect(declined.statusCode).toBe(422);
    expect(errorSummary(declined.body)).toContain('Give a reason: the referrer or person will be told it');
    expect(declined.body).toContain('href="#decline-reason"');
    const signposted = await web.post(`/referrals/${referralId}/signpost`, { reason: 'Needs housing advice first', signpostedTo: '' });
    expect(signposted.statusCode).toBe(422);
    expect(errorSummary(signposted.body)).toContain('Say where you signposted them');
    expect(signposted.body).toContain('Needs housing advice first');
  });

  it('accepts the referral and lands on the new case', async () => {
    await web.get(`/referrals/${referralId}`);
    const res = await web.post(`/referrals/${referralId}/accept`, { coordinatorId: coordinator.userId });
    expect(res.statusCode).toBe(303);
    caseId = /^\/cases\/([0-9a-f-]{36})\?done=accepted$/.exec(res.headers.location as string)![1]!;
    const page = await web.get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    reference = /<h1 class="govuk-heading-l">(CDM-\d{4}-\d{4})/.exec(page.body)![1]!;
    expect(text(page.body)).toContain('Referral accepted. This is the new case.');
    expect(text(page.body)).toMatch(/Status Intake/);
    expect(text(page.body)).toContain('Coordinator Cora Coordinator');
    expect(text((await web.get(`/referrals/${referralId}`)).body)).toContain('Accepted');
    const again = await web.post(`/referrals/${referralId}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(errorSummary(again.body)).toContain('This referral has already been accepted');
  });

  it('writes an audit entry for every view of the case', async () => {
    const count = async () => (await asSystem(h.deps.db, (tx) => searchEvents(tx, { orgId, action: 'case.viewed', entity: caseId }, 100, 0))).total;
    const before = await count();
    await web.get(`/cases/${caseId}/people`);
    await web.get(`/cases/${caseId}/timeline`);
    expect(await count()).toBe(before + 2);
  });

  it('shows each party with their contact details, safe-contact instructions and state', async () => {
    const res = await web.get(`/cases/${caseId}/people`);
    const page = text(res.body);
    expect(page).toMatch(
      /Sam Patel Change the details \(Sam Patel\) Remove from the case \(Sam Patel\) Role Party Consent Not asked yet Record consent \(Sam Patel\) Intake No intake record yet/,
    );
    expect(page).toContain('07700 900123');
    expect(page).toContain('Text first, never call after 8pm');
    parties = partyIds(res.body);
    expect(parties).toHaveLength(2);
  });

  it('refuses Ready with the reasons in words until the rules allow', async () => {
    await web.get(`/cases/${caseId}`);
    const refused = await web.post(`/cases/${caseId}/move`, { to: 'ready', reason: '' });
    expect(refused.statusCode).toBe(409);
    expect(errorSummary(refused.body)).toContain('Ready needs consent from every party: Sam Patel, Jo Okafor have not consented');
    expect(errorSummary(refused.body)).toContain('Ready needs an intake record for every party: Sam Patel, Jo Okafor have none');
    expect(refused.body).toMatch(/id="to" name="to" type="radio" value="ready" checked/);
    const nothing = await web.post(`/cases/${caseId}/move`, {});
    expect(errorSummary(nothing.body)).toContain('Choose where the case should move');
  });

  it('records first contact with each party, on a page of its own', async () => {
    const page = await web.get(`/cases/${caseId}/contacts`);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Record a contact attempt Person');
    expect(page.body).toContain(`href="/cases/${caseId}/people"`);
    const bad = await web.post(`/cases/${caseId}/contacts`, { partyId: '', method: 'call', notes: 'Tried the mobile' });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Choose the person contacted');
    expect(errorSummary(bad.body)).toContain('Choose what happened');
    expect(bad.body).toContain('href="#partyId"');
    expect(bad.body).toMatch(/id="method" name="method" type="radio" value="call" checked/);
    expect(text(bad.body)).toContain('Record a contact attempt');
    expect(bad.body).toContain('Tried the mobile</textarea>');
    for (const partyId of parties) {
      const res = await web.post(`/cases/${caseId}/contacts`, { partyId, method: 'call', outcome: 'spoke', notes: 'First call' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/cases/${caseId}/people?done=contact`);
    }
  });

  it('records an intake for each party, keeping what was typed when the date is wrong', async () => {
    const [sam, jo] = parties as [string, string];
    const form = await web.get(`/cases/${caseId}/people/${sam}/intake`);
    expect(text(form.body)).toContain('How do they see the situation now?');
    const bad = await web.post(`/cases/${caseId}/people/${sam}/intake`, {
      'metOn-day': '31',
      'metOn-month': '2',
      'metOn-year': '2026',
      situationNow: 'Cannot sleep for the music',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Date met must be a real date');
    expect(bad.body).toContain('Cannot sleep for the music</textarea>');
    for (const partyId of [sam, jo]) {
      await web.get(`/cases/${caseId}/people/${partyId}/intake`);
      const res = await web.post(`/cases/${caseId}/people/${partyId}/intake`, {
        'metOn-day': '2',
        'metOn-month': '3',
        'metOn-year': '2026',
        meetingMode: 'home_visit',
        situationNow: 'Tense',
        wantedFuture: 'Quiet nights',
        ideas: 'Agree hours for music',
        suitability: 'suitable',
      });
      expect(res.statusCode).toBe(303);
    }
    const saved = await web.get(`/cases/${caseId}/people/${sam}/intake`);
    expect(saved.body).toContain('Agree hours for music</textarea>');
    expect(saved.body).toMatch(/name="metOn-day" type="text" value="2"/);
    expect(text((await web.get(`/cases/${caseId}/people`)).body)).toContain('Recorded – met on 2 March 2026 – Suitable for mediation');
  });

  it('still refuses Ready while consent is missing, then records consents and moves to Ready', async () => {
    await web.get(`/cases/${caseId}`);
    const refused = await web.post(`/cases/${caseId}/move`, { to: 'ready' });
    expect(errorSummary(refused.body)).toBe(' There is a problem Ready needs consent from every party: Sam Patel, Jo Okafor have not consented ');
    const people = await web.get(`/cases/${caseId}/people`);
    expect(people.body).toContain(`href="/cases/${caseId}/consents?partyId=${parties[0]}"`);
    const page = await web.get(`/cases/${caseId}/consents?partyId=${parties[0]}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${parties[0]}" selected`);
    const missing = await web.post(`/cases/${caseId}/consents`, { partyId: parties[0]!, status: 'given', notes: 'Asked at the home visit' });
    expect(missing.statusCode).toBe(422);
    expect(errorSummary(missing.body)).toContain('Say how consent was given or withdrawn');
    expect(missing.body).toContain('href="#method"');
    expect(missing.body).toMatch(/id="status" name="status" type="radio" value="given" checked/);
    expect(missing.body).toContain('Asked at the home visit</textarea>');
    expect(missing.body).toContain(`value="${parties[0]}" selected`);
    const first = await web.post(`/cases/${caseId}/consents`, { partyId: parties[0]!, status: 'given', method: 'verbal' });
    expect(first.statusCode).toBe(303);
    await web.get(`/cases/${caseId}`);
    const stillOne = await web.post(`/cases/${caseId}/move`, { to: 'ready' });
    expect(errorSummary(stillOne.body)).toContain('Ready needs consent from every party: Jo Okafor has not consented');
    await web.get(`/cases/${caseId}/people`);
    await web.post(`/cases/${caseId}/consents`, { partyId: parties[1]!, status: 'given', method: 'written' });
    await web.get(`/cases/${caseId}`);
    const ready = await web.post(`/cases/${caseId}/move`, { to: 'ready', reason: 'Both want to meet' });
    expect(ready.statusCode).toBe(303);
    const overview = text((await web.get(ready.headers.location as string)).body);
    expect(overview).toContain('The case has moved.');
    expect(overview).toMatch(/Status Ready/);
  });

  it('keeps it all on the timeline, filterable by kind', async () => {
    const all = text((await web.get(`/cases/${caseId}/timeline`)).body);
    expect(all).toMatch(/Intake → Ready .*Both want to meet/);
    expect(all).toContain('Sam Patel: consent given (verbal)');
    expect(all).toContain('Call – Jo Okafor: spoke to them');
    expect(all).toContain(`Referral CDM-R-`);
    const consents = text((await web.get(`/cases/${caseId}/timeline?kind=consent`)).body);
    expect(consents).toContain('Jo Okafor: consent given (written)');
    expect(consents).not.toContain('spoke to them');
    expect(consents).not.toContain('Intake → Ready');
  });

  it('finds the case again by search on the list page', async () => {
    for (const q of [reference, 'Patel', 'okafor', '07700 900123', 'CT1 2AB']) {
      const res = await web.get(`/cases?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain(`href="/cases/${caseId}"`);
    }
    const none = await web.get('/cases?q=nobody');
    expect(text(none.body)).toContain('No cases found');
    const filtered = await web.get(`/cases?status=ready&coordinator=${coordinator.userId}&type=community`);
    expect(filtered.body).toContain(`href="/cases/${caseId}"`);
    expect(text(filtered.body)).toContain('Selected filters');
    expect((await web.get('/cases?status=intake')).body).not.toContain(`href="/cases/${caseId}"`);
    expect((await web.get('/cases?overdue=yes')).body).not.toContain(`href="/cases/${caseId}"`);
  });

  it('adds tasks with due dates, shows them on the home page, and marks them done', async () => {
    await web.get(`/cases/${caseId}/tasks`);
    const bad = await web.post(`/cases/${caseId}/tasks`, { title: 'Book the joint meeting', 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Enter the due date');
    expect(bad.body).toContain('value="Book the joint meeting"');
    const today = h.clock.now();
    const yesterday = new Date(today.getTime() - 86_400_000);
    const added = await web.post(`/cases/${caseId}/tasks`, {
      title: 'Book the joint meeting',
      'dueOn-day': String(yesterday.getUTCDate()),
      'dueOn-month': String(yesterday.getUTCMonth() + 1),
      'dueOn-year': String(yesterday.getUTCFullYear()),
    });
    expect(added.statusCode).toBe(303);
    const tasks = await web.get(`/cases/${caseId}/tasks`);
    expect(text(tasks.body)).toMatch(/Book the joint meeting .* Overdue Cora Coordinator/);
    const home = text((await web.get('/home')).body);
    expect(home).toMatch(/My tasks 1 Book the joint meeting \(CDM-\d{4}-\d{4}\) Overdue – Overdue: due/);
    expect(home).toMatch(/Your cases 1 CDM-\d{4}-\d{4}/);
    expect((await web.get('/cases?overdue=yes')).body).toContain(`href="/cases/${caseId}"`);
    const taskId = /\/tasks\/([0-9a-f-]{36})\/done/.exec(tasks.body)![1]!;
    const done = await web.post(`/cases/${caseId}/tasks/${taskId}/done`);
    expect(done.headers.location).toBe(`/cases/${caseId}/tasks?done=taskDone`);
    expect(text((await web.get('/home')).body)).toMatch(/My tasks 0/);
  });

  it('shows the coordinator the new referrals and enquiries on the home page, and marks enquiries answered', async () => {
    await h.deps.publicIntake.createEnquiry(orgId, { name: 'Erin Enquirer', email: 'erin@example.org', message: 'Do you cover Whitstable?' }, anonymous);
    const home = text((await web.get('/home')).body);
    expect(home).toMatch(/New referrals 2 CDM-R-\d{4}-0002: Restorative justice Urgent – Received 3 days ago/);
    expect(home).toMatch(/New enquiries 1 Erin Enquirer/);
    const list = await web.get('/enquiries');
    expect(text(list.body)).toContain('Do you cover Whitstable?');
    const id = /action="\/enquiries\/([0-9a-f-]{36})\/answered"/.exec(list.body)![1]!;
    expect((await web.post(`/enquiries/${id}/answered`)).headers.location).toBe('/enquiries?done=answered');
    expect(text((await web.get('/enquiries')).body)).toContain('There are no enquiries here.');
    expect(text((await web.get('/enquiries?status=answered')).body)).toContain('Erin Enquirer');
  });

  it('says that contact with a person in custody goes through the offender manager', async () => {
    const list = await web.get('/referrals');
    const rj = /href="\/referrals\/([0-9a-f-]{36})">CDM-R-\d{4}-0002</.exec(list.body)![1]!;
    const referral = text((await web.get(`/referrals/${rj}`)).body);
    expect(referral).toContain('Offender manager Olu Manager');
    expect(referral).toContain('Rae Referrer');
    const accepted = await web.post(`/referrals/${rj}/accept`, {});
    const rjCase = /^\/cases\/([0-9a-f-]{36})/.exec(accepted.headers.location as string)![1]!;
    const people = text((await web.get(`/cases/${rjCase}/people`)).body);
    expect(people).toContain('Harry Harmer is in custody: contact goes through the offender manager.');
    expect(people).toContain('In custody: HMP Example (prison number A1234BC)');
    const contact = text((await web.get(`/cases/${rjCase}/contacts`)).body);
    expect(contact).toContain('Harry Harmer is in custody: contact goes through the offender manager (Olu Manager).');
  });

  it('links a duplicate referral to the open case instead of opening another', async () => {
    const list = await web.get('/referrals');
    const parking = /href="\/referrals\/([0-9a-f-]{36})">CDM-R-\d{4}-0003</.exec(list.body)![1]!;
    const page = await web.get(`/referrals/${parking}`);
    expect(text(page.body)).toContain(`Open cases with the same name, phone, email or postcode ${reference} (Ready) Link this referral to ${reference}`);
    const linked = await web.post(`/referrals/${parking}/link`, { caseId });
    expect(linked.headers.location).toBe(`/cases/${caseId}/timeline?done=linked`);
    const timeline = text((await web.get(linked.headers.location as string)).body);
    expect(timeline).toContain('Referral linked to this case.');
    // S. Patel has Sam Patel's phone number, so is taken to be the same person: nobody new joins the case.
    expect(timeline).toMatch(/Referral CDM-R-\d{4}-0003 linked to this case by Cora Coordinator/);
    expect(timeline).toContain('People (2)');
    expect(text((await web.get('/referrals')).body)).toContain('There are no referrals here.');
  });
});

describe('a SEND referral', () => {
  it('shows the decision letter date and the 2-month deadline to contact the service, on the referral and the case', async () => {
    const letter = new Date(h.clock.now().getTime() - 20 * 86_400_000).toISOString().slice(0, 10);
    const deadline = new Date(`${addCalendarMonths(letter, 2)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    await h.deps.referrals.createFromPublic(
      orgId,
      {
        caseType: 'send',
        description: 'The council will not assess our son',
        consentToContact: true,
        parties: [
          { name: 'Pat Parent', role: 'parent' },
          { name: 'Kent County Council (fictional)', role: 'local_authority' },
        ],
        details: { decisionType: 'refusal_to_assess', decisionLetterDate: letter },
      },
      anonymous,
    );
    const list = await web.get('/referrals');
    const id = /href="\/referrals\/([0-9a-f-]{36})">CDM-R-\d{4}-0004</.exec(list.body)![1]!;
    const page = text((await web.get(`/referrals/${id}`)).body);
    expect(page).toContain('Decision being disputed Refusal to carry out an EHC needs assessment');
    expect(page).toMatch(new RegExp(`Deadline to contact the mediation service \\(2 months\\) ${deadline} – \\d+ days left`));
    const accepted = await web.post(`/referrals/${id}/accept`, {});
    const overview = text((await web.get(accepted.headers.location as string)).body);
    expect(overview).toMatch(new RegExp(`Deadline to contact the mediation service \\(2 months\\) ${deadline} – \\d+ days left`));
  });
});
