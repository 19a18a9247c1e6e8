// Pure: may this volunteer mediate this case, and if not, why — every reason, in the words people see
// ("DBS recheck overdue since 3 October", "declared connection to Sam Patel"). The pair rules, the suggestions and
// batch allocation all start here, so the page, the API and the batch agree.
import { msg, type Translate, translator } from '#src/i18n/i18n.ts';
import { dateInWords } from '#src/domain/dates-in-words.ts';
import { type Distance, distanceBetween, milesBetween, milesInWords, spacedPostcode } from './distance.ts';
import type { PairingCase, PairingContext, PairingParty, PairingVolunteer } from './pairing.types.ts';
import { AREA_LABELS, ASSIGNABLE_STATUSES, type VolunteerStatus } from '../volunteer-words.ts';

export type Eligibility = {
  eligible: boolean;
  /** Why they cannot take the case; empty exactly when eligible. */
  reasons: string[];
  /** The reasons set by law (SEND independence, rules.md #15): no admin's justification lifts them. */
  statutory: string[];
  /** Shown with any pair they are in, but not a bar (a declared organisation, an unknown distance). */
  warnings: string[];
  /** Accredited for the case's area: may lead. */
  leadQualified: boolean;
  /** Status trainee: may co-mediate (community cases) beside a lead; the pair is then supervised. */
  trainee: boolean;
  distance: Distance;
};

const ENGLISH = translator('en');
/** The words of the context (English unless a reader's `t` was given). */
export const wordsOf = (ctx: Pick<PairingContext, 't' | 'locale'>) => ({ t: ctx.t ?? ENGLISH, locale: ctx.locale ?? 'en' });

const NOT_ASSIGNABLE: Record<VolunteerStatus, string> = {
  applicant: msg('status is applicant: not yet trained'),
  in_training: msg('status is in training: not yet trained'),
  trainee: '',
  accredited: '',
  inactive: msg('status is inactive: not taking cases'),
  left: msg('status is left: no longer volunteering'),
};
const PLAIN = /^[\x20-\x7e]*$/;
/** normName from src/lib/normalise.ts, without the Unicode decomposition when the text is plain ASCII (most names). */
const normName = (text: string) =>
  (PLAIN.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9' -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'rev']);

const nameWords = (name: string) =>
  normName(name)
    .split(' ')
    .filter((w) => w && !TITLES.has(w));
/** Keys a person's name is matched by: all its words in any order, and its first and last words in either order. */
function personKeys(name: string): string[] {
  const words = nameWords(name);
  if (!words.length) return [];
  const keys = [`all:${[...words].sort().join(' ')}`];
  if (words.length >= 2) keys.push(`ends:${[words[0], words[words.length - 1]].sort().join(' ')}`);
  return keys;
}
const firstLine = (address: string) => normName(address.split(/[,\n]/)[0] ?? '');
const compactPostcode = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();
const POSTCODE_IN_TEXT = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/i;
const postcodeIn = (text: string) => {
  const m = POSTCODE_IN_TEXT.exec(text);
  return m ? `${m[1]}${m[2]}`.toUpperCase() : null;
};
/** The same first line is the same address unless both postcodes are known and differ. */
const samePlace = (party: PairingParty, postcode: string | null) => !postcode || !party.postcode || compactPostcode(party.postcode) === postcode;

function addTo<K>(map: Map<K, PairingParty[]>, key: K | null | undefined | '', party: PairingParty) {
  if (!key) return;
  const list = map.get(key);
  if (list) {
    if (!list.includes(party)) list.push(party);
  } else map.set(key, [party]);
}
const names = (parties: PairingParty[]) => parties.map((p) => p.name).join(' and ');

/** What the rules need from a case, worked out once for all the volunteers. */
export type CaseFacts = {
  c: PairingCase;
  byPerson: Map<string, PairingParty[]>;
  byAddress: Map<string, PairingParty[]>;
  byPostcode: Map<string, PairingParty[]>;
  bySurname: Map<string, PairingParty[]>;
  localAuthority: string | null;
  current: Set<string>;
};

export function caseFacts(c: PairingCase): CaseFacts {
  const facts: CaseFacts = {
    c,
    byPerson: new Map(),
    byAddress: new Map(),
    byPostcode: new Map(),
    bySurname: new Map(),
    localAuthority: c.localAuthority ? normName(c.localAuthority) || null : null,
    current: new Set(c.currentVolunteerIds),
  };
  for (const p of c.parties) {
    for (const key of personKeys(p.name)) addTo(facts.byPerson, key, p);
    addTo(facts.byAddress, p.address && firstLine(p.address), p);
    addTo(facts.byPostcode, p.postcode && compactPostcode(p.postcode), p);
    addTo(facts.bySurname, normName(p.surname || nameWords(p.name).at(-1) || ''), p);
  }
  return facts;
}

const sameOrganisation = (a: string, la: string) => a === la || ` ${a} `.includes(` ${la} `);

/** What the rules match on a volunteer, normalised once (batch allocation reuses them for every case). */
export type VolunteerKeys = {
  postcode: string | null;
  address: string | null;
  surname: string;
  people: string[][];
  addresses: { line: string; postcode: string | null }[];
  organisations: { name: string; text: string }[];
};

export function volunteerKeys(v: PairingVolunteer): VolunteerKeys {
  const keys: VolunteerKeys = {
    postcode: v.postcode ? compactPostcode(v.postcode) : null,
    address: v.address ? firstLine(v.address) : null,
    surname: normName(v.surname || nameWords(v.name).at(-1) || ''),
    people: [],
    addresses: [],
    organisations: [],
  };
  for (const conn of v.connections) {
    if (conn.kind === 'person') keys.people.push(personKeys(conn.text));
    else if (conn.kind === 'address') keys.addresses.push({ line: firstLine(conn.text), postcode: postcodeIn(conn.text) });
    else if (normName(conn.text)) keys.organisations.push({ name: normName(conn.text), text: conn.text.trim() });
  }
  return keys;
}

function connectionReasons(k: VolunteerKeys, f: CaseFacts, reasons: string[], warnings: string[], t: Translate) {
  for (const person of k.people) {
    const parties = new Set(person.flatMap((key) => f.byPerson.get(key) ?? []));
    if (parties.size) reasons.push(t('declared connection to {names}', { names: names([...parties]) }));
  }
  for (const address of k.addresses) {
    const parties = f.byAddress.get(address.line)?.filter((p) => samePlace(p, address.postcode));
    if (parties?.length) reasons.push(t('declared connection to the address of {names}', { names: names(parties) }));
  }
  for (const org of k.organisations) {
    if (f.localAuthority && sameOrganisation(org.name, f.localAuthority)) {
      reasons.push(t('declared connection to {organisation}, the local authority for this case', { organisation: org.text }));
    } else warnings.push(t('declared connection to {organisation} (an organisation): check it has no part in this case', { organisation: org.text }));
  }
}

/**
 * rules.md #15: a SEND mediator (who may also be the case's information and advice contact) must be independent of the
 * local authority: anyone employed by one is refused on a SEND case. The one rule for SEND independence: pairing,
 * assignment and every meeting (only the case's mediators are booked) go through it.
 */
export function sendIndependence(v: Pick<PairingVolunteer, 'employedByLocalAuthority'>, caseKind: string, t: Translate): string | null {
  if (caseKind !== 'send' || !v.employedByLocalAuthority?.trim()) return null;
  return t('works for {authority}: SEND mediators must be independent of the local authority', { authority: v.employedByLocalAuthority.trim() });
}

function conflictReasons(v: PairingVolunteer, k: VolunteerKeys, f: CaseFacts, reasons: string[], warnings: string[], t: Translate) {
  connectionReasons(k, f, reasons, warnings, t);
  const sameAddress = k.address ? f.byAddress.get(k.address)?.filter((p) => samePlace(p, k.postcode)) : undefined;
  if (sameAddress?.length) reasons.push(t('lives at the same address as {names}', { names: names(sameAddress) }));
  const samePostcode = k.postcode ? f.byPostcode.get(k.postcode)?.filter((p) => !sameAddress?.includes(p)) : undefined;
  if (samePostcode?.length)
    reasons.push(t('lives in the same postcode ({postcode}) as {names}', { postcode: spacedPostcode(k.postcode!), names: names(samePostcode) }));
  const sameSurname = k.surname ? f.bySurname.get(k.surname) : undefined;
  if (sameSurname) reasons.push(t('same surname as {names}', { names: names(sameSurname) }));
  const independence = sendIndependence(v, f.c.caseKind, t);
  if (independence) reasons.push(independence);
}

function dbsReasons(v: PairingVolunteer, c: PairingCase, ctx: PairingContext, reasons: string[]) {
  if (!c.needsDbs) return;
  const { t, locale } = wordsOf(ctx);
  if (!v.dbs) {
    reasons.push(t('no DBS check recorded'));
    return;
  }
  if (v.dbs.recheckDueOn < ctx.today) reasons.push(t('DBS recheck overdue since {date}', { date: dateInWords(v.dbs.recheckDueOn, ctx.today, locale) }));
  if (c.workforce && v.dbs.workforce !== 'both' && v.dbs.workforce !== c.workforce) {
    reasons.push(t('DBS check is for the {has} workforce; this case needs the {needs} workforce', { has: v.dbs.workforce, needs: c.workforce }));
  }
}

function availabilityReasons(v: PairingVolunteer, f: CaseFacts, ctx: PairingContext, reasons: string[]) {
  const { t, locale } = wordsOf(ctx);
  if (!f.current.has(v.id) && v.activeCases >= v.maxActiveCases) {
    reasons.push(t('at capacity: {active} of {max} {max, plural, one {case} other {cases}}', { active: String(v.activeCases), max: v.maxActiveCases }));
  }
  const weeks = ctx.policy.availabilityWeeks;
  if (v.awayUntil) reasons.push(t('away until {date}', { date: dateInWords(v.awayUntil, ctx.today, locale) }));
  else if (v.freeHoursAhead <= 0) reasons.push(t('no free time in the next {weeks, plural, one {week} other {# weeks}}', { weeks }));
}

/**
 * A facilitator whose RJ practitioner-code checks are overdue (rules.md #28) does not take a new restorative case:
 * one reason per check overdue. Someone already on the case keeps it (as with capacity).
 */
const RJ_PRACTICE_WORDS = {
  supervision: msg('RJ case supervision overdue since {date}: cannot take a new restorative justice case'),
  observed_practice: msg('RJ observed practice overdue since {date}: cannot take a new restorative justice case'),
  cpd: msg('RJ CPD hours short for {year}: cannot take a new restorative justice case'),
} as const;
const rjPracticeBars = (v: PairingVolunteer, f: CaseFacts) =>
  f.c.area === 'restorative_conferencing' && !f.current.has(v.id) ? (v.rjPracticeOverdue ?? []) : [];

function rjPracticeReasons(v: PairingVolunteer, f: CaseFacts, ctx: PairingContext, reasons: string[]) {
  const { t, locale } = wordsOf(ctx);
  for (const check of rjPracticeBars(v, f)) {
    const words = RJ_PRACTICE_WORDS[check.id];
    // i18n-dynamic: RJ_PRACTICE_WORDS are msg() literals
    reasons.push(t(words, { date: dateInWords(check.dueOn, ctx.today, locale), year: check.dueOn.slice(0, 4) }));
  }
}

/** The rules for one volunteer and one case, with the case's facts already worked out. */
export function eligibilityFor(v: PairingVolunteer, f: CaseFacts, ctx: PairingContext, keys = volunteerKeys(v)): Eligibility {
  const c = f.c;
  const { t } = wordsOf(ctx);
  const reasons: string[] = [];
  const warnings: string[] = [];
  const assignable = ASSIGNABLE_STATUSES.includes(v.status);
  const trainee = v.status === 'trainee';
  const leadQualified = v.status === 'accredited' && v.accreditedAreas.includes(c.area);
  if (!assignable) reasons.push(t(NOT_ASSIGNABLE[v.status]));
  else if (v.status === 'accredited' && !leadQualified) reasons.push(t('not trained in {area}', { area: t(AREA_LABELS[c.area]) }));
  else if (trainee && c.area !== 'community') reasons.push(t('trainees co-mediate community cases only until accredited'));
  dbsReasons(v, c, ctx, reasons);
  rjPracticeReasons(v, f, ctx, reasons);
  availabilityReasons(v, f, ctx, reasons);
  const distance = distanceBetween(v.home, v.postcode, c.place, c.postcode);
  if (distance.kind === 'miles' && distance.miles > v.travelMiles) {
    reasons.push(t('{distance} away; travels up to {limit}', { distance: milesInWords(distance.miles, v.travelMiles, t), limit: String(v.travelMiles) }));
  } else if (distance.kind === 'unknown') warnings.push(t('distance not known')); // pairReasons leaves this one out: it says the distance itself
  conflictReasons(v, keys, f, reasons, warnings, t);
  const independence = sendIndependence(v, c.caseKind, t);
  return { eligible: reasons.length === 0, reasons, statutory: independence ? [independence] : [], warnings, leadQualified, trainee, distance };
}

/**
 * Whether a rule that needs no words or matching (status, area, DBS, capacity, time, distance) leaves the volunteer
 * out: batch allocation needs only the verdict, and skipping the words for most of its volunteer × case checks saves
 * most of the time. Never true for someone eligibilityFor would keep.
 */
export function plainlyLeftOut(v: PairingVolunteer, f: CaseFacts, ctx: PairingContext): boolean {
  const c = f.c;
  if (v.status === 'accredited' ? !v.accreditedAreas.includes(c.area) : v.status !== 'trainee' || c.area !== 'community') return true;
  if (c.needsDbs && (!v.dbs || v.dbs.recheckDueOn < ctx.today || (c.workforce && v.dbs.workforce !== 'both' && v.dbs.workforce !== c.workforce))) return true;
  if (rjPracticeBars(v, f).length) return true;
  if ((v.activeCases >= v.maxActiveCases && !f.current.has(v.id)) || v.awayUntil || v.freeHoursAhead <= 0) return true;
  return Boolean(v.home && c.place && milesBetween(v.home, c.place) > v.travelMiles);
}

/** May this volunteer mediate this case, and if not, every reason why. */
export function volunteerEligibility(v: PairingVolunteer, c: PairingCase, ctx: PairingContext): Eligibility {
  return eligibilityFor(v, caseFacts(c), ctx);
}
