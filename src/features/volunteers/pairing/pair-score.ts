// Pure: how well a pair fits a case, 0–100, with the main contributions in words.
//
// The score is decomposable, and everything that optimises it relies on that:
//
//   score(v, w) = individual(v) + individual(w) + pairTerm(v, w)
//
//   individual(v) = workload balance (1 − activeCases / maxActiveCases)
//                 + distance (closer is better; same postcode district when there are no coordinates)
//                 + availability (freeHoursAhead, up to 3 hours a week of the policy's look-ahead)
//                 + languages: a share of the language points for each language the case needs that v speaks
//                   (when the case needs none, everyone gets half the language points)
//                 + a small boost for a trainee who still needs supervised cases signed off
//   pairTerm(v, w) = mixed-gender preference (only when the policy asks; half when a gender is not recorded)
//                  − the language share again for each needed language both speak (a language counts once a pair)
//
// so pairTerm(v, w) ≤ pairTermMax (the gender points, or 0). suggestPairs prunes with that bound and stays exact;
// allocateBatch and the exact MILP in the benchmark maximise the same sum over cases. Workload counts the cases a
// volunteer has before any new assignment, so a pair's score does not depend on the rest of a batch.
import { milesInWords } from './distance.ts';
import type { Eligibility } from './eligibility.ts';
import type { PairingCase, PairingContext, PairingVolunteer } from './pairing.types.ts';
import { AREA_LABELS } from '../volunteer-words.ts';

const POINTS = { workload: 15, distance: 12, availability: 10, languages: 16, trainee: 4, mixedGender: 6 } as const;
/** Miles at which the distance points reach nothing. */
const FAR_MILES = 20;
/** Free hours a week that earn the full availability points. */
const HOURS_A_WEEK = 3;

export type Scored = {
  v: PairingVolunteer;
  elig: Eligibility;
  /** individual(v), already scaled to the 0–100 score. */
  individual: number;
  /** Bit i set when v speaks the case's i-th needed language. */
  speaks: number;
  gender: string | null;
  needsSupervisedCases: boolean;
};

/** The scale from points to the 0–100 score, and the needed languages, for one case. */
export type ScoreSetting = { scale: number; languages: string[]; languageShare: number; preferMixed: boolean; pairTermMax: number };

export function scoreSetting(c: PairingCase, ctx: PairingContext): ScoreSetting {
  const preferMixed = ctx.policy.preferMixedGender;
  const most = 2 * (POINTS.workload + POINTS.distance + POINTS.availability) + POINTS.languages + POINTS.trainee + (preferMixed ? POINTS.mixedGender : 0);
  const scale = 100 / most;
  const byName = new Map(c.languages.map((l) => [l.trim().toLowerCase(), l.trim()] as const).filter(([key]) => key));
  const languages = [...byName.values()].slice(0, 30);
  const languageShare = languages.length ? POINTS.languages / languages.length : 0;
  return { scale, languages, languageShare, preferMixed, pairTermMax: preferMixed ? POINTS.mixedGender * scale : 0 };
}

const lower = (s: string) => s.trim().toLowerCase();

export function scoreVolunteer(v: PairingVolunteer, elig: Eligibility, s: ScoreSetting, ctx: PairingContext): Scored {
  const load = v.maxActiveCases > 0 ? Math.min(1, v.activeCases / v.maxActiveCases) : 1;
  const d = elig.distance;
  const near = d.kind === 'miles' ? Math.max(0, 1 - d.miles / FAR_MILES) : d.kind === 'near' ? 0.75 : 0.4;
  const free = Math.min(1, Math.max(0, v.freeHoursAhead) / (HOURS_A_WEEK * ctx.policy.availabilityWeeks));
  let speaks = 0;
  let language = s.languages.length ? 0 : POINTS.languages / 2;
  if (s.languages.length) {
    const spoken = new Set(v.languages.map(lower));
    s.languages.forEach((l, i) => {
      if (spoken.has(lower(l))) {
        speaks |= 1 << i;
        language += s.languageShare;
      }
    });
  }
  const needsSupervisedCases = elig.trainee && v.supervisedCasesSignedOff < ctx.policy.supervisedCasesRequired;
  const points = POINTS.workload * (1 - load) + POINTS.distance * near + POINTS.availability * free + language + (needsSupervisedCases ? POINTS.trainee : 0);
  const gender = v.gender?.trim() ? lower(v.gender) : null;
  return { v, elig, individual: points * s.scale, speaks, gender, needsSupervisedCases };
}

const bitCount = (n: number) => {
  let count = 0;
  for (let m = n; m; m &= m - 1) count++;
  return count;
};

/** pairTerm(v, w) ≤ s.pairTermMax. */
export function pairTerm(a: Scored, b: Scored, s: ScoreSetting): number {
  let points = 0;
  if (s.preferMixed) points += a.gender && b.gender ? (a.gender !== b.gender ? POINTS.mixedGender : 0) : POINTS.mixedGender / 2;
  if (a.speaks & b.speaks) points -= bitCount(a.speaks & b.speaks) * s.languageShare;
  return points * s.scale;
}

/** The pair's score. Always this expression, so every caller gets the same number to the last bit. */
export const pairScore = (a: Scored, b: Scored, s: ScoreSetting) => a.individual + b.individual + pairTerm(a, b, s);

const firstName = (v: PairingVolunteer) => v.name.trim().split(/\s+/)[0] || v.name;

function distanceWords(x: Scored, name: string): string {
  const d = x.elig.distance;
  if (d.kind === 'miles') return `${name} ${milesInWords(d.miles)} away`;
  if (d.kind === 'near') return `${name} in the same postcode district`;
  return `distance not known for ${name}`;
}

/** The main contributions to a pair's score, in words. The lead (or the stronger of two leads) comes first. */
export function pairReasons(a: Scored, b: Scored, c: PairingCase, s: ScoreSetting, ctx: PairingContext): string[] {
  const same = firstName(a.v) === firstName(b.v);
  const name = (x: Scored) => (same ? x.v.name : firstName(x.v));
  const [na, nb] = [name(a), name(b)];
  const reasons: string[] = [];
  const trainee = a.elig.trainee ? a : b.elig.trainee ? b : null;
  if (trainee) {
    const lead = trainee === a ? nb : na;
    const t = name(trainee);
    reasons.push(`${lead} leads; ${t} co-mediates as a trainee (a supervised case)`);
    const required = ctx.policy.supervisedCasesRequired;
    reasons.push(
      trainee.needsSupervisedCases
        ? `counts toward ${t}’s supervised cases: ${trainee.v.supervisedCasesSignedOff} of ${required} signed off`
        : `${t} already has ${required} supervised cases signed off`,
    );
  } else reasons.push(`both accredited for ${AREA_LABELS[c.area]}`);
  s.languages.forEach((language, i) => {
    const bit = 1 << i;
    const speakers = [a, b].filter((x) => x.speaks & bit).map(name);
    reasons.push(
      speakers.length === 2
        ? `${na} and ${nb} speak ${language}`
        : speakers.length
          ? `${speakers[0]} speaks ${language}`
          : `neither speaks ${language}: book an interpreter`,
    );
  });
  reasons.push(`${distanceWords(a, na)}; ${distanceWords(b, nb)}`);
  const weeks = ctx.policy.availabilityWeeks;
  const hours = (x: Scored) => `${Math.round(x.v.freeHoursAhead)} ${Math.round(x.v.freeHoursAhead) === 1 ? 'hour' : 'hours'}`;
  reasons.push(`free in the next ${weeks === 1 ? 'week' : `${weeks} weeks`}: ${na} ${hours(a)}, ${nb} ${hours(b)}`);
  const load = (x: Scored) => `${x.v.activeCases} of ${x.v.maxActiveCases} ${x.v.maxActiveCases === 1 ? 'case' : 'cases'}`;
  reasons.push(`workload: ${na} ${load(a)}, ${nb} ${load(b)}`);
  if (s.preferMixed) {
    const unknown = [a, b].filter((x) => !x.gender).map(name);
    reasons.push(
      unknown.length ? `gender not recorded for ${unknown.join(' and ')}` : a.gender !== b.gender ? 'a mixed-gender pair' : 'not a mixed-gender pair',
    );
  }
  for (const [x, n] of [
    [a, na],
    [b, nb],
  ] as const) {
    for (const w of x.elig.warnings) if (w !== 'distance not known') reasons.push(`${n}: ${w}`);
  }
  return reasons;
}
