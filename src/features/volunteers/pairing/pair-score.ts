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
import type { Translate } from '#src/i18n/i18n.ts';
import { type Eligibility, wordsOf } from './eligibility.ts';
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

function distanceWords(x: Scored, name: string, t: Translate): string {
  const d = x.elig.distance;
  if (d.kind === 'miles') return t('{name} {distance} away', { name, distance: milesInWords(d.miles, undefined, t) });
  if (d.kind === 'near') return t('{name} in the same postcode district', { name });
  return t('distance not known for {name}', { name });
}

/** The main contributions to a pair's score, in words. The lead (or the stronger of two leads) comes first. */
export function pairReasons(a: Scored, b: Scored, c: PairingCase, s: ScoreSetting, ctx: PairingContext): string[] {
  const same = firstName(a.v) === firstName(b.v);
  const name = (x: Scored) => (same ? x.v.name : firstName(x.v));
  const [na, nb] = [name(a), name(b)];
  const { t } = wordsOf(ctx);
  const reasons: string[] = [];
  const trainee = a.elig.trainee ? a : b.elig.trainee ? b : null;
  if (trainee) {
    const lead = trainee === a ? nb : na;
    const nt = name(trainee);
    reasons.push(t('{lead} leads; {trainee} co-mediates as a trainee (a supervised case)', { lead, trainee: nt }));
    const required = String(ctx.policy.supervisedCasesRequired);
    reasons.push(
      trainee.needsSupervisedCases
        ? t('counts toward {trainee}’s supervised cases: {signedOff} of {required} signed off', {
            trainee: nt,
            signedOff: String(trainee.v.supervisedCasesSignedOff),
            required,
          })
        : t('{trainee} already has {required} supervised cases signed off', { trainee: nt, required }),
    );
  } else reasons.push(t('both accredited for {area}', { area: t(AREA_LABELS[c.area]) }));
  s.languages.forEach((language, i) => {
    const bit = 1 << i;
    const speakers = [a, b].filter((x) => x.speaks & bit).map(name);
    reasons.push(
      speakers.length === 2
        ? t('{first} and {second} speak {language}', { first: na, second: nb, language })
        : speakers.length
          ? t('{name} speaks {language}', { name: speakers[0], language })
          : t('neither speaks {language}: book an interpreter', { language }),
    );
  });
  reasons.push(`${distanceWords(a, na, t)}; ${distanceWords(b, nb, t)}`);
  const weeks = ctx.policy.availabilityWeeks;
  const hours = (x: Scored) => t('{hours, plural, one {# hour} other {# hours}}', { hours: Math.round(x.v.freeHoursAhead) });
  reasons.push(
    t('free in the next {weeks, plural, one {week} other {# weeks}}: {first} {firstHours}, {second} {secondHours}', {
      weeks,
      first: na,
      firstHours: hours(a),
      second: nb,
      secondHours: hours(b),
    }),
  );
  const load = (x: Scored) => t('{active} of {max} {max, plural, one {case} other {cases}}', { active: String(x.v.activeCases), max: x.v.maxActiveCases });
  reasons.push(t('workload: {first} {firstLoad}, {second} {secondLoad}', { first: na, firstLoad: load(a), second: nb, secondLoad: load(b) }));
  if (s.preferMixed) {
    const unknown = [a, b].filter((x) => !x.gender).map(name);
    reasons.push(
      unknown.length
        ? t('gender not recorded for {names}', { names: unknown.join(' and ') })
        : a.gender !== b.gender
          ? t('a mixed-gender pair')
          : t('not a mixed-gender pair'),
    );
  }
  for (const [x, n] of [
    [a, na],
    [b, nb],
  ] as const) {
    const distanceNotKnown = t('distance not known');
    for (const w of x.elig.warnings) if (w !== distanceNotKnown) reasons.push(`${n}: ${w}`);
  }
  return reasons;
}
