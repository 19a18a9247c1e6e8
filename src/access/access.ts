// The one way a service asks "may this actor do this to these records". Per kind of record, a policy decides on
// who is asking (./subjects.ts) and the record's facts, read in bulk (./facts.repo.ts): `check` answers for a list
// of ids in a few queries; `ensure` throws the refusal (404 for records the asker may not know exist, 403 with a
// reason code otherwise); `judge` decides on facts a service has already read; `may` decides what needs no record.
// Role permissions alone stay in ./permissions.ts (`authorise`), the first layer every service and route checks.
import type { Db } from '#src/db/client.ts';
import type { OrgActor } from './actor.ts';
import { type Decision, hidden, refusalError } from './decision.ts';
import { caseFacts, caseIdsOnTeam, volunteerFacts } from './facts.repo.ts';
import { ASSIGNMENT_GENERAL_RULES, ASSIGNMENT_RECORD_RULES, type SignOffFacts } from './policies/assignment.policy.ts';
import { CASE_GENERAL_RULES, CASE_MISSING, CASE_RECORD_RULES, type CaseFacts } from './policies/case.policy.ts';
import { VOLUNTEER_GENERAL_RULES, VOLUNTEER_MISSING, VOLUNTEER_RECORD_RULES, type VolunteerFacts } from './policies/volunteer.policy.ts';
import { type ClaimFacts, EXPENSE_CLAIM_RULES, HOURS_ENTRY_RULES, type HoursEntryFacts } from './policies/work.policy.ts';
import { owns, type Subject, subjectOf } from './subjects.ts';

/** What each kind of record's policy decides on. */
export type FactsOf = {
  case: CaseFacts;
  volunteer: VolunteerFacts;
  assignment: SignOffFacts;
  hours_entry: HoursEntryFacts;
  expense_claim: ClaimFacts;
};
export type RecordKind = keyof FactsOf;

type RecordRules<F> = Record<string, (s: Subject, f: F, now: Date) => Decision>;

/** Every record rule, by kind and action. */
const RECORD_RULES = {
  case: CASE_RECORD_RULES,
  volunteer: VOLUNTEER_RECORD_RULES,
  assignment: ASSIGNMENT_RECORD_RULES,
  hours_entry: HOURS_ENTRY_RULES,
  expense_claim: EXPENSE_CLAIM_RULES,
} as const satisfies { [K in RecordKind]: RecordRules<FactsOf[K]> };

/** Every rule that needs no record (who is asking decides), by kind and action. */
const GENERAL_RULES = {
  case: CASE_GENERAL_RULES,
  volunteer: VOLUNTEER_GENERAL_RULES,
  assignment: ASSIGNMENT_GENERAL_RULES,
} as const;

export type RecordAction<K extends RecordKind> = keyof (typeof RECORD_RULES)[K] & string;
type GeneralKind = keyof typeof GENERAL_RULES;
export type GeneralAction<K extends GeneralKind> = keyof (typeof GENERAL_RULES)[K] & string;

/** The kinds whose facts are read from the database, and what a missing record is called. */
const LOADERS = {
  case: {
    missing: CASE_MISSING,
    load: (tx: Db, s: Subject, orgId: string, ids: readonly string[]) => caseFacts(tx, orgId, ids, { referrers: s.kind === 'referrer' }),
  },
  volunteer: { missing: VOLUNTEER_MISSING, load: (tx: Db, _s: Subject, orgId: string, ids: readonly string[]) => volunteerFacts(tx, orgId, ids) },
} as const;
export type LoadedKind = keyof typeof LOADERS;

function rule<K extends RecordKind>(kind: K, action: RecordAction<K>) {
  return (RECORD_RULES[kind] as unknown as RecordRules<FactsOf[K]>)[action]!;
}

/** Decides on facts the service has already read (a list it shows, a record it has loaded). Pure. */
export function judge<K extends RecordKind>(actor: OrgActor, kind: K, action: RecordAction<K>, facts: FactsOf[K], now: Date = new Date()): Decision {
  return rule(kind, action)(subjectOf(actor), facts, now);
}

/** Decides what needs no record: seeing every case, moving cases, overriding the pairing rules. Pure. */
export function may<K extends GeneralKind>(actor: OrgActor, kind: K, action: GeneralAction<K>): Decision {
  const rules = GENERAL_RULES[kind] as unknown as Record<string, (s: Subject) => Decision>;
  return rules[action]!(subjectOf(actor));
}

/** The record (a volunteer's, a claim) is linked to this actor's own sign-in. */
export const ownsRecord = (actor: OrgActor, ownerUserId: string | null): boolean => owns(subjectOf(actor), ownerUserId);

/** Throws the refusal, unless it is allowed. */
export function orRefuse(decision: Decision): void {
  if (!decision.allowed) throw refusalError(decision);
}

/** For each id, whether this actor may: a few queries whatever the number of ids. Unknown ids are refused as not found. */
export async function check<K extends LoadedKind>(
  tx: Db,
  actor: OrgActor,
  kind: K,
  action: RecordAction<K>,
  ids: readonly string[],
): Promise<Map<string, Decision>> {
  const subject = subjectOf(actor);
  const facts = (await LOADERS[kind].load(tx, subject, actor.orgId, ids)) as Map<string, FactsOf[K]>;
  const decide = rule(kind, action);
  const now = new Date();
  const out = new Map<string, Decision>();
  for (const id of ids) {
    const f = facts.get(id);
    out.set(id, f ? decide(subject, f, now) : hidden(LOADERS[kind].missing));
  }
  return out;
}

/** The ids this actor may act on, in the order given. */
export async function allowedIds<K extends LoadedKind>(tx: Db, actor: OrgActor, kind: K, action: RecordAction<K>, ids: readonly string[]): Promise<string[]> {
  const decisions = await check(tx, actor, kind, action, ids);
  return ids.filter((id) => decisions.get(id)?.allowed);
}

/** The record's facts if this actor may act on it; otherwise throws the refusal (404 when it is not there for them). */
export async function ensure<K extends LoadedKind>(tx: Db, actor: OrgActor, kind: K, action: RecordAction<K>, id: string): Promise<FactsOf[K]> {
  const subject = subjectOf(actor);
  const facts = (await LOADERS[kind].load(tx, subject, actor.orgId, [id])).get(id) as FactsOf[K] | undefined;
  if (!facts) throw refusalError(hidden(LOADERS[kind].missing));
  orRefuse(rule(kind, action)(subject, facts, new Date()));
  return facts;
}

/** Which cases this actor sees, for filtering a list in its query: every case, or these ids. */
export async function caseScope(tx: Db, actor: OrgActor): Promise<{ all: true } | { all: false; ids: string[] }> {
  if (may(actor, 'case', 'see_all').allowed) return { all: true };
  return { all: false, ids: actor.type === 'user' ? await caseIdsOnTeam(tx, actor.orgId, actor.id) : [] };
}
