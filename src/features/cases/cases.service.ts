// Reading cases (with per-role and per-party visibility), the case list and search, and lifecycle transitions.
import { localeOr, msg, type Translate } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { normName, normPhone, parsePostcode } from '#src/lib/normalise.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import {
  type CaseStatus,
  CLOSING_REASON_LABELS,
  type ClosingReason,
  type ConsentState,
  type PartyRole,
  type Pathway,
  STATUS_LABELS,
} from '#src/domain/case-words.ts';
import { caseScope, ensure, judge, may, orRefuse } from '#src/access/access.ts';
import { type CaseRow, findCase, findCaseByReference, listParties, type PartyRow, searchCases, updateCase } from './cases.repo.ts';
import { listCaseTasks } from './tasks.repo.ts';
import { countOpenSafeguarding } from './safeguarding.repo.ts';
import type { CaseQuery } from './cases.schemas.ts';
import { type Decision, decideTransition, issuesFromRecords, type LifecycleCase, type LifecycleMediator, nextStatuses } from './lifecycle.ts';
import { COACHING_SESSION_KINDS, caseSessions } from './case-sessions.repo.ts';
import { caseTeam } from './case-team.repo.ts';

const reasonsOf = (d: Decision) => (d.allowed ? [] : d.reasons);
import { type EventKind, insertEvent, listEvents, listIntakes } from './timeline.repo.ts';

export const PAGE_SIZE = 25;
const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/** Turns the search box into indexed lookups: a case reference, a phone number, a postcode, or a name. */
export function interpretSearch(q: string) {
  const text = q.trim();
  if (!text) return undefined;
  const reference = /^[A-Za-z]{2,6}-\d{4}-\d{1,6}$/.test(text) ? text.toUpperCase().replace(/-(\d+)$/, (_, n: string) => `-${n.padStart(4, '0')}`) : undefined;
  const digits = text.replace(/[\s()+-]/g, '');
  const phone = /^\+?\d{6,15}$/.test(digits) ? (normPhone(text) ?? undefined) : undefined;
  const postcode = parsePostcode(text)?.compact ?? (/^[A-Za-z]{1,2}\d[A-Za-z\d]?$/.test(text) ? text.toUpperCase() : undefined);
  const name = !reference && !phone && !postcode ? normName(text) : undefined;
  return { reference, phoneNorm: phone, postcodeNorm: postcode, nameNorm: name && name.length >= 2 ? name : undefined };
}

/** What the gates beyond Ready read: the mediators on the case, the sessions held and the issues their records list. */
export type GateFacts = Pick<LifecycleCase, 'mediators' | 'sessionsHeld' | 'issues' | 'followUp' | 'agreement'>;

/**
 * The mediators on a case as the lifecycle reads them (each one's name and whether they may lead it): volunteers'
 * rule, given to the case service when the app is built (deps.ts), so cases needs nothing from the features above it.
 */
export type MediatorFacts = (tx: Db, orgId: string, c: { id: string; caseKind: string; details: unknown }, today: string) => Promise<LifecycleMediator[]>;

/** A case moving from one status to another, as published to the features that act on it. */
export type CaseMove = { caseId: string; caseType: string; from: CaseStatus; to: CaseStatus; at: Date };
/**
 * What other features add to the lifecycle without cases depending on them (features/closing registers these):
 * facts for the close gate, and work done in the same transaction after a case has moved.
 */
export type CaseLifecycleHooks = {
  followUpFacts?: (tx: Db, orgId: string, caseId: string) => Promise<LifecycleCase['followUp']>;
  /** The case's written agreement, for the Outcome gate (features/agreements registers it). */
  agreementFacts?: (tx: Db, orgId: string, caseId: string) => Promise<LifecycleCase['agreement']>;
  afterTransition?: (tx: Db, actor: OrgActor, move: CaseMove) => Promise<void>;
  /** True when a feature keeps records of this party that removing them would lose (features/rj registers it). */
  partyHasRecords?: (tx: Db, orgId: string, partyId: string) => Promise<boolean>;
};

export async function gateFacts(
  tx: Db,
  orgId: string,
  c: CaseRow,
  today: string,
  mediatorFacts: MediatorFacts,
  hooks: CaseLifecycleHooks[] = [],
): Promise<GateFacts> {
  const kinds = c.pathway === 'coaching' ? COACHING_SESSION_KINDS : undefined;
  const { sessionsHeld, issueTexts } = await caseSessions(tx, orgId, c.id, kinds);
  let followUp: LifecycleCase['followUp'];
  for (const h of hooks) if (h.followUpFacts) followUp = (await h.followUpFacts(tx, orgId, c.id)) ?? followUp;
  let agreement: LifecycleCase['agreement'];
  for (const h of hooks) if (h.agreementFacts) agreement = (await h.agreementFacts(tx, orgId, c.id)) ?? agreement;
  return { mediators: await mediatorFacts(tx, orgId, c, today), sessionsHeld, issues: issuesFromRecords(issueTexts), followUp, agreement };
}

export function lifecycleView(c: CaseRow, parties: PartyRow[], intakePartyIds: Set<string>, openSafeguarding: number, facts: GateFacts = {}): LifecycleCase {
  return {
    status: c.status as CaseStatus,
    heldFrom: (c.heldFrom as CaseStatus | null) ?? null,
    pathway: c.pathway === 'coaching' ? 'coaching' : 'mediation',
    parties: parties.map((p) => ({ name: p.name, role: p.role as PartyRole, consent: p.consent as ConsentState, hasIntake: intakePartyIds.has(p.id) })),
    openSafeguarding,
    ...facts,
  };
}

export function createCaseService({ db, clock, audit, mediatorFacts }: { db: Db; clock: Clock; audit: Audit; mediatorFacts: MediatorFacts }) {
  const hooks: CaseLifecycleHooks[] = [];
  /**
   * The case, once access (src/access) allows this person to `view` it or record `work` on it: 404 when it is not
   * there for them, 403 with the reason when it is but they may not.
   */
  async function caseWithFacts(tx: Db, actor: OrgActor, caseId: string, action: 'view' | 'work') {
    const facts = await ensure(tx, actor, 'case', action, caseId);
    const c = await findCase(tx, actor.orgId, caseId);
    if (!c) throw notFound(msg('That case was not found'));
    return { c, facts };
  }
  const caseFor = async (tx: Db, actor: OrgActor, caseId: string, action: 'view' | 'work') => (await caseWithFacts(tx, actor, caseId, action)).c;

  return {
    caseFor,

    /**
     * For features that act on a case inside their own transaction once they have checked who may (the case team, or
     * a party's own link): the case's type, status and coordinator, and its people with their contact details.
     */
    async caseIn(tx: Db, orgId: string, caseId: string) {
      const c = await findCase(tx, orgId, caseId);
      if (!c) throw notFound(msg('That case was not found'));
      return {
        id: c.id,
        reference: c.reference,
        caseType: c.caseType,
        caseKind: c.caseKind,
        status: c.status as CaseStatus,
        coordinatorId: c.coordinatorId,
        pathway: c.pathway,
      };
    },
    async partiesIn(tx: Db, orgId: string, caseId: string) {
      return (await listParties(tx, orgId, caseId)).map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role as PartyRole,
        consent: p.consent as ConsentState,
        email: p.email,
        phone: p.phone,
        /** The language the party reads: what is sent to them and their personal link pages use it. */
        language: localeOr(p.preferredLanguage),
      }));
    },

    /** Another feature's part in the lifecycle (see CaseLifecycleHooks). */
    useHooks(h: CaseLifecycleHooks) {
      hooks.push(h);
    },

    /** Whether a feature above cases keeps records of this party (asked before a party is removed). */
    async partyHasRecordsElsewhere(tx: Db, orgId: string, partyId: string) {
      for (const h of hooks) if (await h.partyHasRecords?.(tx, orgId, partyId)) return true;
      return false;
    },

    /** Mediation, or conflict coaching when the other party will not take part. Coordinators and admins; audited. */
    async setPathway(actor: OrgActor, caseId: string, input: { pathway: Pathway; reason?: string }) {
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await caseFor(tx, actor, caseId, 'view');
        orRefuse(may(actor, 'case', 'change_pathway'));
        if (!['intake', 'ready', 'mediation'].includes(c.status))
          throw new AppError('CONFLICT', 'A case changes between mediation and conflict coaching only before its outcome', {
            reason: 'PATHWAY_LOCKED',
          });
        if (c.pathway === input.pathway) return { pathway: input.pathway };
        const now = clock.now();
        await updateCase(tx, actor.orgId, caseId, { pathway: input.pathway });
        await insertEvent(tx, {
          orgId: actor.orgId,
          caseId,
          kind: 'transition',
          at: now,
          actorId: actor.id,
          actorLabel: actor.label ?? null,
          summary: input.pathway === 'coaching' ? 'Changed to conflict coaching' : 'Changed back to mediation',
          body: input.reason || null,
          data: { pathway: input.pathway },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'case.pathway_changed',
          entityType: 'case',
          entityId: caseId,
          detail: { pathway: input.pathway },
        });
        return { pathway: input.pathway };
      });
    },

    async list(actor: OrgActor, query: CaseQuery) {
      authorise(actor, 'cases.view');
      const statuses = query.status ? [query.status].flat() : undefined;
      const page = query.page ?? 1;
      return inOrg(db, actor.orgId, async (tx) => {
        const result = await searchCases(tx, {
          orgId: actor.orgId,
          status: statuses,
          caseType: query.type,
          coordinatorId: query.coordinator,
          localAuthority: query.area,
          overdueTasks: query.overdue === 'yes',
          // Mediators: only the cases they are assigned to now, filtered in the query so paging stays right.
          onlyCaseIds: await caseScope(tx, actor).then((scope) => (scope.all ? undefined : scope.ids)),
          search: query.q ? interpretSearch(query.q) : undefined,
          today: today(clock),
          sort: query.sort ?? 'opened_desc',
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        });
        return { ...result, page };
      });
    },

    async findByReference(actor: OrgActor, reference: string) {
      return inOrg(db, actor.orgId, (tx) => findCaseByReference(tx, actor.orgId, reference.toUpperCase()));
    },

    /** The case with its parties, intake records, tasks and timeline, as this person may see them. Audited. */
    async get(actor: OrgActor, caseId: string, opts: { kinds?: EventKind[] } = {}) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, facts: access } = await caseWithFacts(tx, actor, caseId, 'view');
        const [parties, intakes, tasks, events, openSafeguarding, pair] = [
          await listParties(tx, actor.orgId, caseId),
          await listIntakes(tx, actor.orgId, caseId),
          await listCaseTasks(tx, actor.orgId, caseId),
          await listEvents(tx, actor.orgId, caseId, opts.kinds),
          await countOpenSafeguarding(tx, actor.orgId, caseId),
          await caseTeam(tx, actor.orgId, caseId),
        ];
        // The mediators on the case now: names and roles only.
        const team = pair.map((a) => ({ name: a.name, role: a.role, supervised: a.supervised, assignedAt: a.assignedAt }));
        const seesRestricted = may(actor, 'case', 'read_safeguarding').allowed;
        const timeline = events.map((e) =>
          e.visibility === 'restricted' && !seesRestricted ? { ...e, summary: 'Restricted safeguarding record', body: null, data: {} } : e,
        );
        const facts = await gateFacts(tx, actor.orgId, c, today(clock), mediatorFacts, hooks);
        const lifecycle = lifecycleView(c, parties, new Set(intakes.map((i) => i.partyId)), openSafeguarding, facts);
        // What would still stop each move once the form is filled in (a reason, the outcome of each issue, why it closes).
        const filledIn = {
          reason: 'x',
          outcome: 'partial_agreement',
          issueOutcomes: (facts.issues ?? []).map((_, i) => (i === 0 ? 'agreed' : 'not_agreed')),
          closingReason: 'other',
        };
        const moves = nextStatuses(lifecycle).map((to) => ({
          to,
          label: STATUS_LABELS[to],
          decision: decideTransition(lifecycle, to, filledIn),
        }));
        await audit.record(tx, actor, actor.orgId, { action: 'case.viewed', entityType: 'case', entityId: caseId });
        return {
          case: c,
          parties,
          intakes,
          tasks,
          timeline,
          openSafeguarding,
          moves,
          issues: facts.issues ?? [],
          team,
          canManage: may(actor, 'case', 'move').allowed,
          canWork: judge(actor, 'case', 'work', access).allowed,
        };
      });
    },

    /** Moves the case if the lifecycle allows it; otherwise 409 with the reasons in words. */
    async transition(
      actor: OrgActor,
      caseId: string,
      input: { to: CaseStatus; reason?: string; outcome?: string; issueOutcomes?: (string | undefined)[]; closingReason?: string },
    ) {
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await caseFor(tx, actor, caseId, 'view');
        orRefuse(may(actor, 'case', 'move'));
        const parties = await listParties(tx, actor.orgId, caseId);
        const intakes = await listIntakes(tx, actor.orgId, caseId);
        const facts = await gateFacts(tx, actor.orgId, c, today(clock), mediatorFacts, hooks);
        const lifecycle = lifecycleView(c, parties, new Set(intakes.map((i) => i.partyId)), await countOpenSafeguarding(tx, actor.orgId, caseId), facts);
        const decision = decideTransition(lifecycle, input.to, input);
        if (!decision.allowed) {
          // The reasons are worded again in the reader's language where the error is shown (the rule is pure).
          const refusal = {
            text: msg('{reasons}'),
            params: { reasons: (t: Translate) => reasonsOf(decideTransition(lifecycle, input.to, input, t)).join('. ') },
          };
          throw new AppError('CONFLICT', refusal.text, {
            reason: 'TRANSITION_REFUSED',
            params: refusal.params,
            fields: { to: decision.reasons.join('. ') },
            fieldParams: { to: refusal },
          });
        }
        const now = clock.now();
        const ended = ['closed', 'withdrawn', 'unsuitable'].includes(input.to);
        await updateCase(tx, actor.orgId, caseId, {
          status: input.to,
          heldFrom: input.to === 'on_hold' ? c.status : null,
          outcome: input.to === 'outcome' ? (input.outcome ?? null) : c.outcome,
          closingReason: input.to === 'closed' ? (input.closingReason ?? null) : ended ? c.closingReason : null,
          statusChangedAt: now,
          closedAt: ended ? now : null,
        });
        await insertEvent(tx, {
          orgId: actor.orgId,
          caseId,
          kind: 'transition',
          at: now,
          actorId: actor.id,
          actorLabel: actor.label ?? null,
          summary:
            input.to === 'closed' && input.closingReason
              ? `${STATUS_LABELS[c.status as CaseStatus]} → ${STATUS_LABELS[input.to]}: ${CLOSING_REASON_LABELS[input.closingReason as ClosingReason]}`
              : `${STATUS_LABELS[c.status as CaseStatus]} → ${STATUS_LABELS[input.to]}`,
          body: input.reason || null,
          data: {
            from: c.status,
            to: input.to,
            outcome: input.outcome ?? null,
            closingReason: input.to === 'closed' ? (input.closingReason ?? null) : null,
            ...(input.to === 'outcome' && facts.issues?.length
              ? { issues: facts.issues.map((issue, i) => ({ issue, outcome: input.issueOutcomes?.[i] ?? null })) }
              : {}),
          },
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'case.transitioned',
          entityType: 'case',
          entityId: caseId,
          detail: { from: c.status, to: input.to },
        });
        const move: CaseMove = { caseId, caseType: c.caseType, from: c.status as CaseStatus, to: input.to, at: now };
        for (const h of hooks) await h.afterTransition?.(tx, actor, move);
        return { status: input.to };
      });
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
