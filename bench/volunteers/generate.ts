// A seeded, fictional volunteer pool and case backlog for the pairing benchmark: statuses, accreditations by area,
// DBS checks (some overdue or missing), availability and time away, languages, homes around a fictional centre,
// declared connections, and surnames shared with some parties. Same seed, same service.
import type { PairingCase, PairingParty, PairingVolunteer, Place } from '#src/features/volunteers/pairing/pairing.types.ts';
import type { Area, DbsWorkforce, VolunteerStatus } from '#src/features/volunteers/volunteer-words.ts';

export const TODAY = '2026-06-15';
/** "Marbridge", a fictional town; the coordinates are only numbers to measure miles from. */
const CENTRE: Place = { lat: 51.2, lng: 0.55 };
const MILE_LAT = 1 / 69;
const MILE_LNG = 1 / (69 * Math.cos((CENTRE.lat * Math.PI) / 180));
export const LOCAL_AUTHORITY = 'Marbridge County Council (fictional)';

const FIRST = (
  'Sam Jo Alex Charlie Robin Jamie Frankie Kit Morgan Riley Casey Taylor Jordan Drew Rowan Ash Bailey Eden Harper Quinn ' +
  'Reese Sasha Toby Val Wren Billie Dani Ellis Finley Georgie Hayden Indy Jules Kai Lee Max Nico Ollie Pat Remy'
).split(' ');
const SURNAME_START = 'Ash Birch Brook Cald Elm Fern Hart Holm Marsh Oak Pen Stone Thorn Wick Frost Rook'.split(' ');
const SURNAME_END = 'ford well ton ley wood field more gate'.split(' ');
const STREETS = 'Oak Road|Mill Lane|Church Street|Station Road|Victoria Avenue|Orchard Close|Meadow Way|Queens Road'.split('|');
const LANGUAGES = ['Polish', 'Romanian', 'Urdu', 'Punjabi', 'Arabic', 'Bengali'];
const ORGANISATIONS = [LOCAL_AUTHORITY, 'Marbridge Housing Trust (fictional)', 'Weald Youth Club (fictional)', 'St Aldric School (fictional)'];
const INWARD_LETTERS = 'ABDEFGHJ';

/** A small, fast, seeded generator (mulberry32). */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  /** Skewed towards the start of the list: a few common values, a long tail. */
  const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * next() ** 1.6)]!;
  const chance = (p: number) => next() < p;
  const weighted = <T extends string>(w: Record<T, number>): T => {
    let r = next() * Object.values<number>(w).reduce((s, x) => s + x, 0);
    for (const [k, x] of Object.entries<number>(w)) {
      r -= x;
      if (r < 0) return k as T;
    }
    return Object.keys(w)[0] as T;
  };
  return { next, int, pick, skewed, chance, weighted };
}
type Random = ReturnType<typeof seeded>;

type District = { code: string; centre: Place };
/** Twelve postcode districts of a fictional area "MB", spread up to `radiusMiles` from the centre. */
function districts(radiusMiles: number): District[] {
  return Array.from({ length: 12 }, (_, i) => {
    const angle = (i * 2 * Math.PI) / 12;
    const r = i < 4 ? radiusMiles * 0.25 : i < 8 ? radiusMiles * 0.6 : radiusMiles;
    return { code: `MB${i + 1}`, centre: { lat: CENTRE.lat + r * Math.sin(angle) * MILE_LAT, lng: CENTRE.lng + r * Math.cos(angle) * MILE_LNG } };
  });
}

function placeIn(r: Random, d: District, jitterMiles: number): Place {
  return { lat: d.centre.lat + (r.next() * 2 - 1) * jitterMiles * MILE_LAT, lng: d.centre.lng + (r.next() * 2 - 1) * jitterMiles * MILE_LNG };
}
const postcodeIn = (r: Random, d: District) => `${d.code}${r.int(0, 9)}${r.pick([...INWARD_LETTERS])}${r.pick([...INWARD_LETTERS])}`;
const surname = (r: Random) => `${r.skewed(SURNAME_START)}${r.skewed(SURNAME_END)}`;
const personName = (r: Random) => `${r.pick(FIRST)} ${surname(r)}`;
const address = (r: Random) => `${r.int(1, 80)} ${r.pick(STREETS)}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const STATUS_WEIGHTS: Record<VolunteerStatus, number> = { applicant: 8, in_training: 7, trainee: 15, accredited: 60, inactive: 7, left: 3 };
const AREA_CHANCE: Record<Area, number> = { community: 0.9, parent_teen: 0.35, restorative_conferencing: 0.3, send: 0.2, social_care: 0.15, group: 0.1 };

export type PoolSpec = { volunteers: number; cases: number; seed: number; radiusMiles: number; maxTravelMiles?: number };

export function generateVolunteer(r: Random, i: number, ds: District[], maxTravel: number): PairingVolunteer {
  const status = r.weighted(STATUS_WEIGHTS);
  const name = personName(r);
  const d = r.pick(ds);
  const home = r.chance(0.92) ? placeIn(r, d, 2) : null;
  const accreditedAreas = status === 'accredited' || status === 'inactive' ? (Object.keys(AREA_CHANCE) as Area[]).filter((a) => r.chance(AREA_CHANCE[a])) : [];
  const dbsRoll = r.next();
  const workforce: DbsWorkforce = r.weighted({ both: 60, child: 20, adult: 20 });
  const dbs = dbsRoll < 0.06 ? null : { recheckDueOn: addDays(TODAY, dbsRoll < 0.12 ? -r.int(1, 400) : r.int(1, 1000)), workforce, barredLists: r.chance(0.7) };
  const maxActiveCases = r.int(1, 4);
  const connections: PairingVolunteer['connections'] = [];
  if (r.chance(0.25)) connections.push({ kind: 'person', text: r.chance(0.5) ? personName(r) : `${surname(r)}, ${r.pick(FIRST)}` });
  if (r.chance(0.05)) connections.push({ kind: 'address', text: `${address(r)}, Marbridge` });
  if (r.chance(0.08)) connections.push({ kind: 'organisation', text: r.pick(ORGANISATIONS) });
  return {
    id: `v${String(i).padStart(5, '0')}`,
    name,
    status,
    accreditedAreas,
    dbs,
    activeCases: r.int(0, maxActiveCases),
    maxActiveCases,
    languages: r.chance(0.12) ? ['English', r.pick(LANGUAGES)] : ['English'],
    gender: r.chance(0.85) ? r.weighted({ female: 60, male: 40 }) : null,
    home,
    postcode: r.chance(0.97) ? postcodeIn(r, d) : null,
    travelMiles: Math.min(maxTravel, r.pick([5, 8, 10, 15, 20, 25])),
    freeHoursAhead: r.chance(0.08) ? 0 : r.int(2, 30),
    awayUntil: r.chance(0.05) ? addDays(TODAY, r.int(30, 90)) : null,
    connections,
    surname: name.split(' ').at(-1)!.toLowerCase(),
    address: r.chance(0.9) ? address(r).toLowerCase() : null,
    employedByLocalAuthority: r.chance(0.04) ? LOCAL_AUTHORITY : null,
    supervisedCasesSignedOff: status === 'trainee' ? r.int(0, 3) : 0,
  };
}

export function generateCase(r: Random, i: number, ds: District[]): PairingCase {
  const caseType = r.weighted({ community: 55, restorative_justice: 20, send: 15, social_care: 10 });
  const area: Area =
    caseType === 'restorative_justice'
      ? 'restorative_conferencing'
      : caseType === 'send' || caseType === 'social_care'
        ? caseType
        : r.weighted({ community: 80, parent_teen: 12, group: 8 });
  const workforce =
    area === 'send' || area === 'parent_teen'
      ? 'child'
      : caseType === 'social_care'
        ? 'adult'
        : caseType === 'restorative_justice'
          ? r.pick(['child', 'adult'] as const)
          : null;
  const d = r.pick(ds);
  const parties: PairingParty[] = Array.from({ length: r.int(2, 3) }, (_, j) => {
    const name = personName(r);
    return { id: `c${i}p${j}`, name, surname: name.split(' ').at(-1)!.toLowerCase(), postcode: postcodeIn(r, d), address: address(r).toLowerCase() };
  });
  return {
    id: `c${String(i).padStart(5, '0')}`,
    caseType,
    caseKind: caseType,
    area,
    needsDbs: true,
    workforce,
    place: r.chance(0.95) ? placeIn(r, d, 2) : null,
    postcode: parties[0]!.postcode,
    languages: r.chance(0.1) ? [r.pick(LANGUAGES)] : [],
    parties,
    localAuthority: caseType === 'send' || caseType === 'social_care' ? LOCAL_AUTHORITY : null,
    currentVolunteerIds: [],
  };
}

/** A volunteer pool and a case backlog around the fictional centre. */
export function generatePool(spec: PoolSpec): { volunteers: PairingVolunteer[]; cases: PairingCase[] } {
  const r = seeded(spec.seed);
  const ds = districts(spec.radiusMiles);
  const volunteers = Array.from({ length: spec.volunteers }, (_, i) => generateVolunteer(r, i, ds, spec.maxTravelMiles ?? 25));
  const cases = Array.from({ length: spec.cases }, (_, i) => generateCase(r, i, ds));
  return { volunteers, cases };
}
