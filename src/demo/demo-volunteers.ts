// Demo volunteers: one at every stage of the pipeline, and accredited mediators who cannot take some cases for
// different reasons (a DBS recheck overdue, away, at capacity, a declared connection, the same surname as a party,
// a local-authority employer on SEND cases, not trained in restorative conferencing). The demo mediator account
// is linked to an accredited volunteer who works on one case. Everything goes through the services, as staff
// would do it; every person here is made up.
import type { Deps } from '#src/deps.ts';
import { asSystem } from '#src/db/tenant.ts';
import { type OrgActor, systemActor } from '#src/access/actor.ts';
import { demoOrgActor } from './demo-cases.ts';
import type { DemoSeeder } from './load-demo.ts';
import { countPostcodes } from '#src/features/postcodes/postcode-lookup.ts';
import { SAMPLE_POSTCODES_FILE } from '#src/features/postcodes/postcodes-import.ts';
import type { WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { addDays } from '#src/domain/availability.ts';
import { todayOf } from '#src/features/volunteers/calendar.ts';
import type { Area, VolunteerStatus } from '#src/features/volunteers/volunteer-words.ts';

type DemoVolunteer = {
  name: string;
  email?: string;
  postcode: string;
  languages?: string[];
  gender?: string;
  maxActiveCases?: number;
  employedByLocalAuthority?: string;
  status: VolunteerStatus;
  areas?: Area[];
  /** Days from today to the DBS certificate's issue (negative: in the past); absent: no check recorded. */
  dbsIssuedDaysAgo?: number;
  awayDays?: number;
  connection?: string;
  supervisionWeeksAgo?: number;
};

const WEEKDAYS_DAYTIME: WeeklyWindow[] = [1, 2, 3, 4, 5].flatMap((day) => [
  { day, from: '09:00', to: '13:00' },
  { day, from: '13:00', to: '17:00' },
]);
const EVENINGS: WeeklyWindow[] = [1, 2, 3, 4].map((day) => ({ day, from: '17:00', to: '21:00' }));

const YEAR = 365;
/** A one-pixel PNG standing in for a photographed receipt. */
const DEMO_RECEIPT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const VOLUNTEERS: DemoVolunteer[] = [
  {
    name: 'Morgan Madeup',
    email: 'mediator@demo.parley.example',
    postcode: 'CT1 3XY',
    status: 'accredited',
    areas: ['community', 'parent_teen'],
    dbsIssuedDaysAgo: 400,
    gender: 'woman',
  },
  {
    name: 'Avery Invented',
    email: 'avery@demo.parley.example',
    postcode: 'CT6 8LP',
    status: 'accredited',
    areas: ['community', 'restorative_conferencing'],
    dbsIssuedDaysAgo: 200,
    languages: ['Polish'],
    supervisionWeeksAgo: 15,
    gender: 'man',
  },
  {
    name: 'Blair Madeupton',
    postcode: 'ME16 8QT',
    status: 'accredited',
    areas: ['community', 'social_care'],
    dbsIssuedDaysAgo: 3 * YEAR - 25,
    maxActiveCases: 1,
  },
  { name: 'Cameron Notional', postcode: 'CT1 1AA', status: 'accredited', areas: ['community'], dbsIssuedDaysAgo: 3 * YEAR + 50 },
  { name: 'Emery Imaginary', postcode: 'ME15 6AB', status: 'accredited', areas: ['community', 'social_care'], dbsIssuedDaysAgo: 500, languages: ['Urdu'] },
  {
    name: 'Finley Pretendsworth',
    postcode: 'ME14 1XX',
    status: 'accredited',
    areas: ['community', 'send'],
    dbsIssuedDaysAgo: 300,
    employedByLocalAuthority: 'Riverside District Council (fictional)',
  },
  { name: 'Harley Sampleford', postcode: 'CT3 4DF', status: 'accredited', areas: ['community'], dbsIssuedDaysAgo: 150, connection: 'Robin Example' },
  {
    name: 'Logan Awayton',
    email: 'logan@demo.parley.example',
    postcode: 'TN9 2RW',
    status: 'accredited',
    areas: ['community', 'restorative_conferencing', 'send'],
    dbsIssuedDaysAgo: 100,
    awayDays: 40,
  },
  { name: 'Reese Caseworthy', postcode: 'TN4 8EX', status: 'accredited', areas: ['community', 'send'], dbsIssuedDaysAgo: 250, languages: ['Welsh'] },
  { name: 'Dana Fakename', postcode: 'CT5 1QT', status: 'trainee', dbsIssuedDaysAgo: 60, gender: 'woman' },
  { name: 'Indigo Testwell', postcode: 'CT6 8LP', status: 'in_training', dbsIssuedDaysAgo: 20 },
  { name: 'Jules Newcomer', postcode: 'CT9 2PL', status: 'applicant' },
  { name: 'Kai Formerly', postcode: 'CT10 1SH', status: 'left', areas: ['community'] },
];

const PATH: Record<VolunteerStatus, VolunteerStatus[]> = {
  applicant: [],
  in_training: ['in_training'],
  trainee: ['in_training', 'trainee'],
  accredited: ['in_training', 'trainee', 'accredited'],
  inactive: ['in_training', 'trainee', 'accredited', 'inactive'],
  left: ['in_training', 'trainee', 'accredited', 'left'],
};

/** The sample postcodes (fictional local authorities, with places) when the lookup is empty, so distances show. */
async function ensurePostcodes(deps: Deps) {
  const count = await asSystem(deps.db, (tx) => countPostcodes(tx));
  if (count === 0) await deps.postcodeLoads.loadFromCommandLine(systemActor('parley demo'), SAMPLE_POSTCODES_FILE);
}

async function seedVolunteer(deps: Deps, admin: OrgActor, supervisorId: string, v: DemoVolunteer, day: (offset: number) => string) {
  const { id } = await deps.volunteers.create(admin, {
    name: v.name,
    email: v.email ?? `${v.name.toLowerCase().replace(/[^a-z]+/g, '.')}@volunteers.demo.parley.example`,
    phone: '07700 900300',
    postcode: v.postcode,
    languages: v.languages ?? [],
    gender: v.gender ?? null,
    travelMiles: 15,
    maxActiveCases: v.maxActiveCases ?? 3,
    employer: v.employedByLocalAuthority ?? null,
    employedByLocalAuthority: v.employedByLocalAuthority ?? null,
  });
  const today = day(0);
  for (const status of PATH[v.status]) {
    const note = status === 'accredited' ? 'Completed supervised cases before Parley was used (demo).' : undefined;
    await deps.volunteers.changeStatus(admin, id, { status, on: today, note, ...(status === 'trainee' ? { supervisorUserId: supervisorId } : {}) });
  }
  await deps.volunteers.setAvailability(admin, id, {
    weekly: v.status === 'trainee' ? EVENINGS : WEEKDAYS_DAYTIME,
    away: v.awayDays ? [{ from: day(-2), to: day(v.awayDays), reason: 'Travelling (demo)' }] : [],
  });
  if (v.connection) await deps.volunteers.addConnection(admin, id, { kind: 'person', text: v.connection });
  if (v.status !== 'applicant') {
    const foundation = (await deps.training.listCourses(admin)).courses.find((c) => c.foundation);
    if (foundation) await deps.training.addRecord(admin, id, { kind: 'course', courseId: foundation.id, on: day(-420) });
  }
  for (const area of v.status === 'accredited' ? (v.areas ?? []) : []) await deps.training.addAccreditation(admin, id, { area, accreditedOn: day(-300) });
  if (v.supervisionWeeksAgo) await deps.training.addRecord(admin, id, { kind: 'supervision', on: day(-7 * v.supervisionWeeksAgo) });
  if (v.dbsIssuedDaysAgo !== undefined)
    await deps.dbs.record(admin, id, {
      level: 'enhanced_barred',
      workforce: 'both',
      certificateNumber: `0012${String(100000000 + Math.abs(v.name.length * 7919)).slice(-8)}`,
      issuedOn: day(-v.dbsIssuedDaysAgo),
      updateService: false,
    });
  // The demo mediator and the restorative case's two facilitators (who vet its letters) sign in as themselves.
  if (v.email) await deps.volunteers.linkToAccount(admin, id);
  return id;
}

/** Registered in DEMO_SEEDERS after the cases, so that conflicts with the demo parties show. */
export const seedDemoVolunteers: DemoSeeder = async (deps, orgId) => {
  await ensurePostcodes(deps);
  const admin = await demoOrgActor(deps, orgId, 'admin@demo.parley.example', 'admin');
  const supervisor = await demoOrgActor(deps, orgId, 'supervisor@demo.parley.example', 'supervisor');
  const today = todayOf(deps.clock);
  const day = (offset: number) => addDays(today, offset);
  const ids = new Map<string, string>();
  for (const v of VOLUNTEERS) ids.set(v.name, await seedVolunteer(deps, admin, supervisor.id, v, day));
  const coordinator = await demoOrgActor(deps, orgId, 'coordinator@demo.parley.example', 'coordinator');
  for (const [party, pair] of PAIRS) {
    const found = await deps.cases.list(coordinator, { q: party });
    const caseId = found.rows[0]?.id;
    const mediatorIds: [string, string] = [ids.get(pair[0])!, ids.get(pair[1])!];
    if (!caseId) continue;
    // A demo pair the rules refuse today (one of them away, a DBS recheck due) is the pair that mediated the case: an
    // admin assigns it with a justification, as a service would.
    await deps.assignments
      .assign(coordinator, caseId, { mediatorIds })
      .catch(() => deps.assignments.assign(admin, caseId, { mediatorIds, overrideJustification: 'The pair that mediated this case (demo).' }));
  }
  // The demo mediator's hours on their case, and a mileage claim waiting for approval.
  const morgan = ids.get('Morgan Madeup')!;
  const morgansCase = (await deps.cases.list(coordinator, { q: 'Frankie Fictitious' })).rows[0]?.id;
  await deps.hours.addFor(admin, morgan, { on: day(-6), minutes: 90, activity: 'intake_visit', caseId: morgansCase, notes: 'Home visit to Frankie (demo).' });
  await deps.hours.addFor(admin, morgan, { on: day(-6), minutes: 40, activity: 'travel', caseId: morgansCase });
  await deps.expenses.submitFor(
    admin,
    morgan,
    { kind: 'travel', on: day(-6), amountPence: 1250, description: 'Car park by the community centre (demo)', caseId: morgansCase },
    { filename: 'car-park-receipt.png', bytes: Buffer.from(DEMO_RECEIPT_PNG, 'base64') },
  );
  await deps.expenses.submitFor(admin, morgan, {
    kind: 'mileage',
    on: day(-6),
    miles: 14,
    description: 'Driving to the home visit and back (demo)',
    caseId: morgansCase,
  });
};

/** Pairs on demo cases, found by a party's name: the demo mediator's case, a supervised trainee, a volunteer at capacity. */
const PAIRS: [string, [string, string]][] = [
  ['Frankie Fictitious', ['Morgan Madeup', 'Avery Invented']],
  ['Charlie Notreal', ['Emery Imaginary', 'Blair Madeupton']],
  ['Riley Pretend', ['Harley Sampleford', 'Dana Fakename']],
  ['Bailey Dummyworth', ['Avery Invented', 'Logan Awayton']],
  ['Ellis Placeholder', ['Cameron Notional', 'Reese Caseworthy']],
];
