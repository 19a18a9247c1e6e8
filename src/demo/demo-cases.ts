// Demo data for referrals and cases: the demo service's settings, referrals waiting for triage, and a case at every
// stage with its contacts, consents, intake records, notes and tasks, plus a safeguarding disclosure waiting for a
// decision and a note marked as about someone else (left out of the subject access summary Bailey asks for). Everything
// goes through the services, as the staff would do it, so the timeline and the audit trail read as they would in use.
// Every person and organisation here is made up.
import type { Deps } from '#src/deps.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import type { Actor, OrgActor, Role } from '#src/access/actor.ts';
import { findUserByEmail } from '#src/features/auth/accounts.ts';
import type { DemoSeeder } from './load-demo.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import type { ProfessionalReferral, SelfReferral } from '#src/features/referrals/referrals.schemas.ts';
import type { CaseStatus } from '#src/domain/case-words.ts';
import { listParties } from '#src/features/cases/case-reads.ts';

const ADMIN_EMAIL = 'admin@demo.parley.example';
const COORDINATOR_EMAIL = 'coordinator@demo.parley.example';
/** The public and professional forms have no signed-in person. */
const FORM: Actor = { type: 'anonymous', label: 'Demo data' };

type Party = {
  name: string;
  role: SelfReferral['parties'][number]['role'];
  phone?: string;
  email?: string;
  address?: string;
  postcode?: string;
  isReferredPerson?: boolean;
};
type Intake = { situationNow: string; wantedFuture: string; ideas?: string };

/** A case in the demo: the referral it came from, and how far it has gone. */
type DemoCase = {
  referral: SelfReferral;
  stage: Extract<CaseStatus, 'intake' | 'ready' | 'mediation' | 'outcome' | 'closed' | 'withdrawn'>;
  contacts?: {
    party: number;
    method: 'call' | 'letter' | 'email' | 'visit' | 'text';
    outcome: 'spoke' | 'no_answer' | 'left_message' | 'sent' | 'met' | 'declined';
    notes?: string;
  }[];
  intakes?: Intake[];
  notes?: string[];
  tasks?: { title: string; dueInDays: number }[];
  disclosure?: { party: number; text: string };
  /** A note about the party that is really about someone else: staff mark it so, and it is left out of copies of their data. */
  thirdPartyNote?: { party: number; text: string };
  outcome?: 'full_agreement' | 'partial_agreement' | 'no_agreement';
  /** What became of each issue on the case's meeting record (demo-meetings.ts), in order. */
  issueOutcomes?: string[];
  withdrawnBecause?: string;
};

const self = (caseType: SelfReferral['caseType'], description: string, parties: Party[], extra: Partial<SelfReferral> = {}): SelfReferral => ({
  caseType,
  description,
  consentToContact: true,
  parties,
  ...extra,
});

function demoCases(day: (offset: number) => string): DemoCase[] {
  return [
    {
      stage: 'intake',
      referral: self(
        'community',
        'The people next door run a home gym in the garage until late. The thumping carries through the wall and I have not slept properly for weeks.',
        [
          { name: 'Riley Pretend', role: 'party', phone: '07700 900201', postcode: 'CT1 2AB', isReferredPerson: true },
          { name: 'Quinn Sampleton', role: 'party', postcode: 'CT1 2AB' },
        ],
        { whatWouldHelp: 'A calm conversation about times that suit both households', bestTimes: 'Weekday evenings' },
      ),
      contacts: [
        { party: 0, method: 'call', outcome: 'spoke', notes: 'Riley explained the noise starts around 10pm. Happy to try mediation.' },
        { party: 1, method: 'call', outcome: 'no_answer' },
        { party: 1, method: 'letter', outcome: 'sent', notes: 'Standard introduction letter about the service.' },
        { party: 1, method: 'call', outcome: 'left_message', notes: 'Left a message with the office number.' },
      ],
      tasks: [{ title: 'Call Quinn Sampleton again about the letter', dueInDays: 2 }],
    },
    {
      stage: 'ready',
      referral: self('community', 'A car is parked across our shared driveway most mornings, so I cannot get out for work.', [
        {
          name: 'Frankie Fictitious',
          role: 'party',
          phone: '07700 900202',
          address: '7 Example Close, Sampletown',
          postcode: 'CT2 7NZ',
          isReferredPerson: true,
        },
        { name: 'Jamie Imaginary', role: 'party', phone: '07700 900203', postcode: 'CT2 7NZ' },
      ]),
      intakes: [
        {
          situationNow: 'Late for work twice a week because the drive is blocked.',
          wantedFuture: 'Both cars can get out in the morning.',
          ideas: 'A rota for the space by the gate.',
        },
        { situationNow: 'Has nowhere else to park since the road works started.', wantedFuture: 'To keep a space near the house for the children.' },
      ],
      tasks: [{ title: 'Offer dates for a joint meeting', dueInDays: 5 }],
    },
    {
      stage: 'mediation',
      referral: self('social_care', 'Our family disagrees about how often the grandparents can see the children since the care plan changed.', [
        { name: 'Charlie Notreal', role: 'family_member', email: 'charlie.notreal@example.org', postcode: 'ME14 1XX', isReferredPerson: true },
        { name: 'Eden Fakeley', role: 'family_member', postcode: 'ME14 2LP' },
      ]),
      intakes: [
        { situationNow: 'Sees the grandchildren once a month at a contact centre.', wantedFuture: 'Regular visits at home.' },
        { situationNow: 'Worried visits unsettle the children after school.', wantedFuture: 'A plan everyone keeps to.' },
      ],
      tasks: [{ title: 'Book a room for the second joint meeting', dueInDays: -3 }],
    },
    {
      stage: 'outcome',
      referral: self('restorative_justice', 'My shop window was smashed. I would like to ask the young man who did it why he chose my shop.', [
        {
          name: 'Bailey Dummyworth',
          role: 'victim',
          phone: '07700 900204',
          email: 'bailey.dummyworth@example.org',
          postcode: 'TN9 1AA',
          isReferredPerson: true,
        },
        { name: 'Rowan Mockford', role: 'person_who_harmed', postcode: 'TN9 1AA' },
      ]),
      intakes: [
        { situationNow: 'Still anxious closing up at night.', wantedFuture: 'To understand why it happened and feel safe again.' },
        { situationNow: 'Regrets it and wants to make up for it.', wantedFuture: 'To apologise in person.', ideas: 'Help repaint the shop front.' },
      ],
      outcome: 'full_agreement',
      notes: ['Restorative meeting held at the community centre. Rowan apologised and offered to help repaint the shop front; Bailey accepted.'],
      thirdPartyNote: {
        party: 0,
        text: 'Dale Pretendington, who rents the flat above the shop, rang: he saw the window broken and would give a statement if asked, but does not want Bailey told that he called. (Demo text.)',
      },
      tasks: [{ title: 'Follow-up call to both parties in six weeks', dueInDays: 40 }],
    },
    {
      stage: 'closed',
      referral: self('community', 'Leaves and branches from next door’s tree fill our gutters and the hedge blocks our light.', [
        { name: 'Ellis Placeholder', role: 'party', phone: '07700 900205', postcode: 'CT5 1QT', isReferredPerson: true },
        { name: 'Indy Examplefield', role: 'party', postcode: 'CT5 1QT' },
      ]),
      intakes: [
        { situationNow: 'Gutters overflow every autumn.', wantedFuture: 'The tree cut back each year.' },
        { situationNow: 'Cannot afford a tree surgeon this year.', wantedFuture: 'To share the cost.' },
      ],
      outcome: 'partial_agreement',
      issueOutcomes: ['agreed', 'not_agreed'],
      notes: ['Agreed to share a tree surgeon next spring; no agreement yet on the hedge height.'],
    },
    {
      stage: 'withdrawn',
      referral: self('community', 'Children from the flats kick footballs against our wall every evening.', [
        { name: 'Georgie Testperson', role: 'party', phone: '07700 900206', postcode: 'CT9 2PL', isReferredPerson: true },
        { name: 'Hayden Pretendson', role: 'party', postcode: 'CT9 2PL' },
      ]),
      contacts: [
        { party: 0, method: 'call', outcome: 'spoke' },
        { party: 1, method: 'visit', outcome: 'declined', notes: 'Hayden does not want to take part; says the children play in a public space.' },
      ],
      withdrawnBecause: 'The other party declined to take part. Signposted Georgie to the housing association’s community officer.',
    },
    {
      stage: 'intake',
      referral: self(
        'send',
        'The local authority refused to carry out an EHC needs assessment for my son. We want to talk it through before going to tribunal.',
        [
          { name: 'Jo Placeholder', role: 'parent', phone: '07700 900207', email: 'jo.placeholder@example.org', postcode: 'CT1 2AB', isReferredPerson: true },
          { name: 'Riverside District Council (fictional)', role: 'local_authority', email: 'send@riverside.example.org' },
          { name: 'Kit Placeholder', role: 'young_person' },
        ],
        { details: { decisionType: 'refusal_to_assess', decisionLetterDate: day(-38), ehcPlanStatus: 'assessment_requested' } },
      ),
      contacts: [{ party: 0, method: 'call', outcome: 'spoke', notes: 'Intake call booked.' }],
      disclosure: {
        party: 0,
        text: 'During the intake call Jo said Kit has talked about hurting himself when he is excluded from school. Needs a decision by the safeguarding lead.',
      },
      tasks: [{ title: 'Send the intake letter to the local authority', dueInDays: -2 }],
    },
  ];
}

/** Referrals left for triage: one urgent, a SEND referral with its decision letter date, a restorative case with someone in custody. */
function newReferrals(day: (offset: number) => string): { professional?: ProfessionalReferral; self?: SelfReferral }[] {
  return [
    {
      self: self(
        'community',
        'The man next door has started shouting threats over the fence at my children. I am frightened to let them play outside.',
        [
          { name: 'Robin Example', role: 'party', phone: '07700 900208', postcode: 'CT1 2AB', isReferredPerson: true },
          { name: 'Drew Dummy', role: 'party', postcode: 'CT1 2AB' },
        ],
        { urgent: true, anyoneAtRisk: true, safetyDetails: 'Threats made twice this week; the police have a log number.', bestTimes: 'Mornings' },
      ),
    },
    {
      professional: {
        ...self('send', 'Parents disagree with the decision not to issue an EHC plan after assessment.', [
          { name: 'Max Samplewood', role: 'parent', email: 'max.samplewood@example.org', postcode: 'ME14 1XX', isReferredPerson: true },
          { name: 'Riverside District Council (fictional)', role: 'local_authority', email: 'send@riverside.example.org' },
        ]),
        details: { decisionType: 'refusal_to_issue', decisionLetterDate: day(-24), ehcPlanStatus: 'assessment_requested', issues: ['B', 'F'] },
        referrer: { organisation: 'Riverside SEND Information Service (fictional)', role: 'Caseworker', name: 'Pat Pretend', email: 'pat.pretend@example.org' },
        personAgreed: true,
      },
    },
    {
      professional: {
        ...self(
          'restorative_justice',
          'The man serving a sentence for the burglary of Ms Madeupson’s home has asked to write to her and, if she agrees, meet her.',
          [
            { name: 'Val Madeupson', role: 'victim', phone: '07700 900209', postcode: 'TN9 1AA' },
            { name: 'Nico Notaname', role: 'person_who_harmed', isReferredPerson: true },
          ],
        ),
        details: {
          offenceType: 'Burglary',
          sentencingStage: 'custody',
          inCustody: true,
          establishment: 'HMP Example (fictional)',
          prisonNumber: 'A0000AA',
          offenderManager: 'Lee Lorem, Riverside Probation (fictional)',
          initiatedBy: 'person_who_harmed',
        },
        referrer: {
          organisation: 'Riverside Probation Delivery Unit (fictional)',
          role: 'Probation officer',
          name: 'Lee Lorem',
          email: 'lee.lorem@example.org',
        },
        personAgreed: true,
      },
    },
    {
      // The demo service's own case type (seedDemoCases adds it): community rules, its own reference prefix.
      self: self('workplace-mediation', 'Two teams at the depot have stopped speaking since the rota changed, and the shifts are suffering.', [
        { name: 'Kit Placeholder', role: 'party', phone: '07700 900211', postcode: 'CT2 7NZ', isReferredPerson: true },
        { name: 'Jules Fictitious', role: 'party' },
      ]),
    },
    {
      self: self('social_care', 'My mum has dementia and my brother and I cannot agree whether she should move into a care home.', [
        { name: 'Ollie Imaginary', role: 'family_member', phone: '07700 900210', postcode: 'ME14 2LP', isReferredPerson: true },
        { name: 'Remy Imaginary', role: 'family_member' },
      ]),
    },
  ];
}

/** A demo staff member as an actor in the demo service (demo seeders act as the staff would). */
export async function demoOrgActor(deps: Deps, orgId: string, email: string, role: Role): Promise<OrgActor> {
  const [user, org] = await asSystem(deps.db, async (tx) => [await findUserByEmail(tx, email), await findOrgById(tx, orgId)] as const);
  if (!user || !org) throw new Error(`The demo service has no ${role} (${email}) to add its cases with`);
  return { type: 'user', id: user.id, label: user.name, orgId, orgSlug: org.slug, orgName: org.name, role };
}

/** Takes one demo case from its referral to its stage. */
async function seedCase(deps: Deps, actor: OrgActor, c: DemoCase, day: (offset: number) => string) {
  const referral = c.referral;
  const { id } = await deps.referrals.createFromPublic(actor.orgId, referral, FORM);
  const { caseId } = await deps.referrals.accept(actor, id);
  const parties = await inOrg(deps.db, actor.orgId, (tx) => listParties(tx, actor.orgId, caseId));
  const partyId = (i: number) => {
    const p = parties.find((x) => x.name === referral.parties[i]?.name);
    if (!p) throw new Error(`The demo case has no party ${referral.parties[i]?.name}`);
    return p.id;
  };
  const move = (to: CaseStatus, extra: { reason?: string; outcome?: DemoCase['outcome'] } = {}) => deps.cases.transition(actor, caseId, { to, ...extra });

  for (const contact of c.contacts ?? []) await deps.caseActivity.recordContact(actor, caseId, { ...contact, partyId: partyId(contact.party) });
  if (c.disclosure) await deps.caseActivity.addNote(actor, caseId, { body: c.disclosure.text, partyId: partyId(c.disclosure.party), disclosure: true });
  if (c.thirdPartyNote)
    await deps.caseActivity.addNote(actor, caseId, { body: c.thirdPartyNote.text, partyId: partyId(c.thirdPartyNote.party), thirdParty: true });
  for (const task of c.tasks ?? []) await deps.caseActivity.addTask(actor, caseId, { title: task.title, dueOn: day(task.dueInDays) });
  if (c.stage === 'withdrawn') {
    await move('withdrawn', { reason: c.withdrawnBecause ?? 'Withdrawn' });
    return;
  }
  if (c.stage === 'intake') return;

  for (const [i, intake] of (c.intakes ?? []).entries()) {
    const rj = c.referral.caseType === 'restorative_justice';
    await deps.caseActivity.recordConsent(actor, caseId, {
      partyId: partyId(i),
      status: 'given',
      method: i === 0 && !rj ? 'verbal' : 'written',
      // Restorative justice needs written consent: the information's version and the date signed.
      ...(rj ? { informationVersion: 'Restorative justice leaflet v2', signedOn: deps.clock.now().toISOString().slice(0, 10) } : {}),
    });
    await deps.caseActivity.saveIntake(actor, caseId, {
      partyId: partyId(i),
      ...intake,
      suitability: 'suitable',
      meetingMode: c.referral.caseType === 'restorative_justice' ? 'office' : 'home_visit',
      metOn: day(-7 + i),
    });
  }
  await move('ready');
  // Mediation and beyond need a lead-qualified pair and, for Outcome, a session held: seedDemoStages moves these
  // cases on once the volunteers and meetings seeders have assigned their pairs and held their meetings.
}

/**
 * The demo cases in Mediation or beyond, moved on from Ready through the same gates staff meet (registered in
 * DEMO_SEEDERS after the volunteers and meetings, which assign each case its pair and hold its sessions).
 */
export const seedDemoStages: DemoSeeder = async (deps, orgId) => {
  const actor = await demoOrgActor(deps, orgId, COORDINATOR_EMAIL, 'coordinator');
  const today = deps.clock.now();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const c of demoCases(day)) {
    if (!['mediation', 'outcome', 'closed'].includes(c.stage)) continue;
    const caseId = (await deps.cases.list(actor, { q: c.referral.parties[0]!.name })).rows[0]?.id;
    if (!caseId) continue;
    const move = (to: CaseStatus, extra: { reason?: string; outcome?: DemoCase['outcome']; issueOutcomes?: string[]; closingReason?: string } = {}) =>
      deps.cases.transition(actor, caseId, { to, ...extra });
    await move('mediation');
    if (c.stage === 'mediation') continue;
    for (const note of c.notes ?? []) await deps.caseActivity.addNote(actor, caseId, { body: note });
    await move('outcome', { outcome: c.outcome ?? 'full_agreement', issueOutcomes: c.issueOutcomes ?? [] });
    if (c.stage === 'outcome') continue;
    await move('closed', { closingReason: c.outcome === 'no_agreement' ? 'no_agreement' : 'agreement_kept' });
  }
};

/** The demo service's settings, referrals and cases (registered in DEMO_SEEDERS; runs once, when the demo service is created). */
export const seedDemoCases: DemoSeeder = async (deps, orgId) => {
  const admin = await demoOrgActor(deps, orgId, ADMIN_EMAIL, 'admin');
  const coordinator = await demoOrgActor(deps, orgId, COORDINATOR_EMAIL, 'coordinator');
  const today = deps.clock.now();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

  await deps.settings.update(admin, {
    referencePrefix: 'RCM',
    caseTypes: ['community', 'restorative_justice', 'send', 'social_care'],
    areas: { postcodePrefixes: ['CT', 'ME14', 'TN9 1'], localAuthorities: ['Riverside District (fictional)'] },
    notices: [
      {
        id: 'demo-training-day',
        text: 'The office is closed on Friday afternoons this month for volunteer training. Phone calls are answered as usual. (A demo notice.)',
        from: day(-3),
        to: day(27),
        homeVisitsSuspended: false,
        officeClosed: true,
      },
    ],
    welcome:
      'Riverside Community Mediation helps neighbours, families, schools and people affected by crime talk things through. This is a demo service: every person in it is made up.',
    signposting: 'If we do not cover your area, your local council can tell you about mediation near you. (Demo text.)',
  });

  // A case type of the service's own, named everywhere a case's type is and kept for its own retention period.
  await deps.settings.addCaseType(admin, { name: 'Workplace mediation', kind: 'community', referencePrefix: 'WPM' });

  for (const c of demoCases(day)) await seedCase(deps, coordinator, c, day);
  for (const r of newReferrals(day)) {
    if (r.professional) await deps.referrals.createFromProfessional(orgId, r.professional, FORM);
    if (r.self) await deps.referrals.createFromPublic(orgId, r.self, FORM);
  }
};
