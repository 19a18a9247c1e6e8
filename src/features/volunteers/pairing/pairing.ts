// Pure: pair suggestions for a case, and the check on a chosen pair. One set of rules for the case page, the API
// (GET /api/v1/cases/{id}/pair-suggestions, POST …/assignments) and batch allocation.
//
// Pair rules: exactly two different volunteers; both eligible (eligibility.ts); at least one lead-qualified
// (accredited for the case's area); not two trainees. A pair with a trainee is supervised.
// Scores: pair-score.ts (score = individual(v) + individual(w) + pairTerm(v, w), pairTerm ≤ its maximum).
import { caseFacts, type Eligibility, eligibilityFor, plainlyLeftOut, type VolunteerKeys, wordsOf } from './eligibility.ts';
import { pairReasons, pairTerm, type Scored, type ScoreSetting, scoreSetting, scoreVolunteer } from './pair-score.ts';
import type { Exclusion, PairingCase, PairingContext, PairingVolunteer, PairSuggestion, PairSuggestions } from './pairing.types.ts';
import { AREA_LABELS } from '../volunteer-words.ts';

export { type Eligibility, volunteerEligibility } from './eligibility.ts';

/** A case with every volunteer's eligibility, and the eligible ones scored, best individual score first. */
export type PreparedCase = {
  c: PairingCase;
  setting: ScoreSetting;
  eligibility: Eligibility[];
  /** Eligible volunteers, individual score descending, then id. */
  candidates: Scored[];
};

const byIndividual = (a: Scored, b: Scored) => b.individual - a.individual || (a.v.id < b.v.id ? -1 : a.v.id > b.v.id ? 1 : 0);

const LEFT_OUT: Eligibility = Object.freeze({
  eligible: false,
  reasons: Object.freeze(['left out (reasons not worked out)']) as string[],
  warnings: Object.freeze([]) as unknown as string[],
  leadQualified: false,
  trainee: false,
  distance: { kind: 'unknown' },
}) as Eligibility;

/**
 * Every volunteer's eligibility for the case, and the eligible ones scored. `keys` (from volunteerKeys, parallel to
 * volunteers) saves normalising the same volunteers again for every case; `explain: false` (batch allocation) skips
 * the words for volunteers a plain rule leaves out — their eligibility then carries no real reasons.
 */
export function prepareCase(
  c: PairingCase,
  volunteers: readonly PairingVolunteer[],
  ctx: PairingContext,
  { keys, explain = true }: { keys?: readonly VolunteerKeys[]; explain?: boolean } = {},
): PreparedCase {
  const facts = caseFacts(c);
  const setting = scoreSetting(c, ctx);
  const eligibility = volunteers.map((v, i) => (!explain && plainlyLeftOut(v, facts, ctx) ? LEFT_OUT : eligibilityFor(v, facts, ctx, keys?.[i])));
  const candidates: Scored[] = [];
  volunteers.forEach((v, i) => {
    const elig = eligibility[i]!;
    if (elig.eligible) candidates.push(scoreVolunteer(v, elig, setting, ctx));
  });
  candidates.sort(byIndividual);
  return { c, setting, eligibility, candidates };
}

/** Two eligible volunteers make a pair when one of them may lead (eligible trainees never may, so never two trainees). */
export const canPair = (a: Scored, b: Scored) => a.elig.leadQualified || b.elig.leadQualified;

export type RankedPair = { a: Scored; b: Scored; score: number };

/** Ties in score go to the pair whose ids, in order, sort first. */
export function pairKey(a: Scored, b: Scored): string {
  return a.v.id < b.v.id ? `${a.v.id}\u0000${b.v.id}` : `${b.v.id}\u0000${a.v.id}`;
}
export const ranksBefore = (x: RankedPair, y: RankedPair) => x.score > y.score || (x.score === y.score && pairKey(x.a, x.b) < pairKey(y.a, y.b));

/**
 * The best `limit` pairs among `candidates`, exactly as scoring every pair would rank them. `values` are the
 * candidates' individual parts (individual(v) by default; batch allocation subtracts a price) and candidates must be
 * sorted by them, best first. A pair scores at most value(a) + value(b) + pairTermMax, so once that bound falls below
 * the worst pair kept, no later pair can get in.
 */
export function bestPairs(
  candidates: readonly Scored[],
  setting: ScoreSetting,
  limit: number,
  values: readonly number[] = candidates.map((x) => x.individual),
): RankedPair[] {
  const kept: RankedPair[] = [];
  if (limit <= 0) return kept;
  const n = candidates.length;
  const bonus = setting.pairTermMax;
  for (let i = 0; i < n - 1; i++) {
    const a = candidates[i]!;
    const va = values[i]!;
    if (kept.length === limit && va + values[i + 1]! + bonus < kept[limit - 1]!.score) break;
    for (let j = i + 1; j < n; j++) {
      if (kept.length === limit && va + values[j]! + bonus < kept[limit - 1]!.score) break;
      const b = candidates[j]!;
      if (!canPair(a, b)) continue;
      const pair = { a, b, score: va + values[j]! + pairTerm(a, b, setting) };
      if (kept.length === limit && !ranksBefore(pair, kept[limit - 1]!)) continue;
      let at = kept.length;
      while (at > 0 && ranksBefore(pair, kept[at - 1]!)) at--;
      kept.splice(at, 0, pair);
      if (kept.length > limit) kept.pop();
    }
  }
  return kept;
}

/** The lead first; of two leads, the one with the higher individual score (then id). */
export function leadFirst(a: Scored, b: Scored): [Scored, Scored] {
  if (a.elig.leadQualified !== b.elig.leadQualified) return a.elig.leadQualified ? [a, b] : [b, a];
  return byIndividual(a, b) <= 0 ? [a, b] : [b, a];
}

export const roundScore = (score: number) => Math.round(score * 10) / 10;

export function describePair(p: RankedPair, prepared: PreparedCase, ctx: PairingContext): PairSuggestion {
  const [lead, co] = leadFirst(p.a, p.b);
  return {
    mediatorIds: [lead.v.id, co.v.id],
    score: roundScore(p.score),
    reasons: pairReasons(lead, co, prepared.c, prepared.setting, ctx),
    supervised: lead.elig.trainee || co.elig.trainee,
  };
}

function exclusions(volunteers: readonly PairingVolunteer[], eligibility: Eligibility[]): Exclusion[] {
  const excluded: (Exclusion & { key: string })[] = [];
  volunteers.forEach((v, i) => {
    const e = eligibility[i]!;
    if (!e.eligible) excluded.push({ volunteerId: v.id, name: v.name, reasons: e.reasons, key: v.name.toLowerCase() });
  });
  excluded.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.volunteerId < y.volunteerId ? -1 : x.volunteerId > y.volunteerId ? 1 : 0));
  return excluded.map(({ volunteerId, name, reasons }) => ({ volunteerId, name, reasons }));
}

function whyNoPairs(prepared: PreparedCase, ctx: PairingContext): string[] {
  const { t } = wordsOf(ctx);
  const leads = prepared.candidates.filter((x) => x.elig.leadQualified).length;
  const area = t(AREA_LABELS[prepared.c.area]);
  if (leads === 0) return [t('no mediator accredited for {area} can take this case: every pair needs one to lead', { area })];
  if (prepared.candidates.length < 2) return [t('only one mediator can take this case: a case needs two')];
  return [];
}

/** Ranked pairs for a case, best first, and every volunteer left out with all their reasons. */
export function suggestPairs(
  c: PairingCase,
  volunteers: readonly PairingVolunteer[],
  ctx: PairingContext,
  { limit = 10 }: { limit?: number } = {},
): PairSuggestions {
  const prepared = prepareCase(c, volunteers, ctx);
  const pairs = bestPairs(prepared.candidates, prepared.setting, limit);
  const suggestions = pairs.map((p) => describePair(p, prepared, ctx));
  const excluded = exclusions(volunteers, prepared.eligibility);
  return suggestions.length ? { suggestions, excluded } : { suggestions, excluded, notes: whyNoPairs(prepared, ctx) };
}

/**
 * The suggestions without the pair already on the case (suggested as a replacement, it could only be refused as
 * already assigned), at most `limit` of them.
 */
export function withoutCurrentPair(result: PairSuggestions, currentIds: readonly string[], limit = 10): PairSuggestions {
  const isCurrent = (ids: readonly string[]) => currentIds.length === 2 && ids.every((id) => currentIds.includes(id));
  return { ...result, suggestions: result.suggestions.filter((s) => !isCurrent(s.mediatorIds)).slice(0, limit) };
}

/** `statutory`: the reasons no admin's justification lifts (SEND independence), each naming the person. */
export type PairCheck = { allowed: boolean; reasons: string[]; statutory: string[]; supervised: boolean };

/** Whether these two may mediate the case together, and every rule the pair breaks, naming the person. */
export function checkPair(c: PairingCase, mediatorIds: readonly string[], volunteers: readonly PairingVolunteer[], ctx: PairingContext): PairCheck {
  const { t } = wordsOf(ctx);
  const reasons: string[] = [];
  if (mediatorIds.length !== 2) reasons.push(t('a case needs exactly two mediators; {count} chosen', { count: String(mediatorIds.length) }));
  const byId = new Map(volunteers.map((v) => [v.id, v]));
  const chosen: PairingVolunteer[] = [];
  for (const id of new Set(mediatorIds)) {
    const v = byId.get(id);
    if (v) chosen.push(v);
    else reasons.push(t('no volunteer with the id {id}', { id }));
  }
  if (mediatorIds.length === 2 && mediatorIds[0] === mediatorIds[1] && chosen[0]) {
    reasons.push(t('choose two different mediators: {name} is chosen twice', { name: chosen[0].name }));
  }
  const facts = caseFacts(c);
  const checked = chosen.map((v) => ({ v, e: eligibilityFor(v, facts, ctx) }));
  for (const { v, e } of checked) for (const r of e.reasons) reasons.push(`${v.name}: ${r}`);
  const statutory = checked.flatMap(({ v, e }) => e.statutory.map((r) => `${v.name}: ${r}`));
  if (checked.length === 2) {
    const [x, y] = checked as [(typeof checked)[0], (typeof checked)[0]];
    if (x.v.status === 'trainee' && y.v.status === 'trainee') reasons.push(t('two trainees cannot work together'));
    if (!x.e.leadQualified && !y.e.leadQualified) {
      reasons.push(
        t('neither {first} nor {second} is accredited for {area}: one of the pair must lead', {
          first: x.v.name,
          second: y.v.name,
          area: t(AREA_LABELS[c.area]),
        }),
      );
    }
  }
  const supervised = checked.some(({ v }) => v.status === 'trainee');
  return { allowed: reasons.length === 0, reasons, statutory, supervised };
}
