// Drafting an agreement on a case: start it from scratch, from a held joint meeting's record or from a shuttle log;
// change its statements, issues and terms; freeze a version ("ready to sign"), which fixes its canonical text and hash.
// A change to a frozen version makes a new version: signatures on the old one do not carry over. Every view and
// change is audited; the case's access rules apply (a mediator sees only the cases they are assigned to).
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { AgreementIssue, TermWho } from '#src/db/schema/agreements.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { CONSENTING_ROLES, type PartyRole } from '#src/domain/case-words.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { issuesFromRecords } from '#src/features/cases/lifecycle.ts';
import type { MeetingService } from '#src/features/meetings/records/meetings.service.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { newToken } from '#src/lib/tokens.ts';
import { sendDefaultDueOn, WHO_LABELS } from '../agreement-words.ts';
import {
  type AgreementRow,
  deleteTerm,
  findAgreement,
  findVersion,
  insertAgreement,
  insertSigners,
  insertTerms,
  insertVersion,
  latestVersionOf,
  listAgreementsOfCase,
  listSigners,
  listTerms,
  listVersions,
  revokeOpenLinks,
  type TermRow,
  touchAgreement,
  updateTerm,
  updateVersion,
  type VersionRow,
} from '../agreements.repo.ts';
import type { CreateAgreement, IssuesInput, StatementsInput, TermInput } from '../agreements.schemas.ts';
import { canonicalForm } from '../canonical-form.ts';
import { freezeReasons } from '../signing/signing-rules.ts';
import { statementsFor } from './wording.ts';

const t = translator('en');

export type DraftingDeps = { db: Db; clock: Clock; audit: Audit; cases: CaseService; meetings: MeetingService };
type CaseView = Awaited<ReturnType<CaseService['get']>>;

/** A short public reference for the verify page: AGR- and 12 characters that are not guessable. */
const newReference = () => `AGR-${newToken(9).replace(/[-_]/g, 'x').slice(0, 12).toUpperCase()}`;

const lines = (text: string | undefined | null) =>
  (text ?? '')
    .split(/[\n;]/)
    .map((l) => l.replace(/^\s*[-*•\d.)]+\s*/, '').trim())
    .filter(Boolean);

/** The parties of a case who sign its agreement: everyone taking part who has not withdrawn. */
export const signingParties = (view: CaseView) => view.parties.filter((p) => CONSENTING_ROLES.includes(p.role as PartyRole) && p.consent !== 'withdrawn');

export function createDraftingService({ db, clock, audit, cases, meetings }: DraftingDeps) {
  async function loadAgreement(tx: Db, actor: OrgActor, caseId: string, agreementId: string, mode: 'read' | 'work') {
    const c = await cases.caseFor(tx, actor, caseId, mode === 'work' ? 'work' : 'view');
    const a = await findAgreement(tx, actor.orgId, agreementId);
    if (!a || a.caseId !== caseId) throw notFound(msg('That agreement was not found'));
    return { c, a };
  }

  /** The latest version, as a draft that may be changed: a frozen or signed one is copied into a new draft first. */
  async function editableVersion(tx: Db, actor: OrgActor, a: AgreementRow): Promise<{ v: VersionRow; termIds: Map<string, string> }> {
    const latest = await latestVersionOf(tx, actor.orgId, a.id);
    if (!latest) throw notFound(msg('That agreement’s text was not found'));
    if (latest.status === 'draft') return { v: latest, termIds: new Map() };
    const now = clock.now();
    const v: VersionRow = {
      ...latest,
      id: newId(),
      number: latest.number + 1,
      status: 'draft',
      canonical: null,
      hash: null,
      reference: null,
      frozenAt: null,
      frozenBy: null,
      signedAt: null,
      finalPdf: null,
      finalPdfHash: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertVersion(tx, v);
    const terms = await listTerms(tx, actor.orgId, latest.id);
    const termIds = new Map(terms.map((term) => [term.id, newId()]));
    await insertTerms(
      tx,
      terms.map((term) => ({ ...term, id: termIds.get(term.id)!, versionId: v.id })),
    );
    if (latest.status === 'ready') {
      await updateVersion(tx, actor.orgId, latest.id, { status: 'replaced', updatedAt: now });
      for (const s of await listSigners(tx, actor.orgId, latest.id)) await revokeOpenLinks(tx, actor.orgId, s.id, now);
    }
    await audit.record(tx, actor, actor.orgId, {
      action: 'agreement.version_created',
      entityType: 'agreement',
      entityId: a.id,
      detail: { caseId: a.caseId, number: v.number, replaces: latest.status === 'ready' ? latest.number : null },
    });
    return { v, termIds };
  }

  async function changed(tx: Db, actor: OrgActor, a: AgreementRow, v: VersionRow, action: string, detail: Record<string, unknown> = {}) {
    const now = clock.now();
    await updateVersion(tx, actor.orgId, v.id, { updatedAt: now });
    await touchAgreement(tx, actor.orgId, a.id, now);
    await audit.record(tx, actor, actor.orgId, { action, entityType: 'agreement', entityId: a.id, detail: { caseId: a.caseId, version: v.number, ...detail } });
  }

  /** A term's who, checked against the parties of the case. */
  function whoOf(view: CaseView, who: string[]): TermWho[] {
    return who.map((w) => {
      if (!w.startsWith('party:')) return { kind: w as TermWho['kind'], name: t(WHO_LABELS[w as keyof typeof WHO_LABELS]) };
      const party = view.parties.find((p) => p.id === w.slice(6));
      if (!party)
        throw new AppError('UNPROCESSABLE', 'Choose only people on this case', {
          reason: 'VALIDATION_FAILED',
          fields: { who: 'Choose only people on this case' },
        });
      return { kind: 'party', partyId: party.id, name: party.name };
    });
  }

  function termValues(view: CaseView, input: TermInput, agreedOn: string) {
    const isSend = view.case.caseKind === 'send';
    const appealable = isSend ? (input.appealable ?? false) : null;
    const dueOn = input.dueKind === 'date' ? (input.dueOn ?? (isSend ? sendDefaultDueOn(agreedOn, appealable ?? false, input.sendAction) : null)) : null;
    return { who: whoOf(view, input.who), what: input.what, dueKind: input.dueKind, dueOn, checkHow: input.checkHow, appealable };
  }

  return {
    /** Every agreement of the case with its versions, the latest version's text and its signers. Audited. */
    async forCase(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await cases.caseFor(tx, actor, caseId, 'view');
        const list = [];
        for (const a of await listAgreementsOfCase(tx, actor.orgId, caseId)) {
          const latest = (await latestVersionOf(tx, actor.orgId, a.id))!;
          list.push({
            agreement: a,
            latest,
            terms: await listTerms(tx, actor.orgId, latest.id),
            signers: await listSigners(tx, actor.orgId, latest.id),
            versions: await listVersions(tx, actor.orgId, a.id),
          });
        }
        await audit.record(tx, actor, actor.orgId, { action: 'agreement.list_viewed', entityType: 'case', entityId: caseId });
        return { case: { id: c.id, reference: c.reference, caseType: c.caseType, caseKind: c.caseKind, status: c.status }, agreements: list };
      });
    },

    /** One version with its terms and signers. Audited. */
    async version(actor: OrgActor, caseId: string, agreementId: string, versionId?: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, a } = await loadAgreement(tx, actor, caseId, agreementId, 'read');
        const v = versionId ? await findVersion(tx, actor.orgId, versionId) : await latestVersionOf(tx, actor.orgId, a.id);
        if (!v || v.agreementId !== a.id) throw notFound(msg('That version of the agreement was not found'));
        const latest = (await latestVersionOf(tx, actor.orgId, a.id))!;
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.viewed',
          entityType: 'agreement',
          entityId: a.id,
          detail: { caseId, version: v.number },
        });
        return {
          case: { id: c.id, reference: c.reference, caseType: c.caseType, caseKind: c.caseKind },
          agreement: a,
          version: v,
          latestNumber: latest.number,
          terms: await listTerms(tx, actor.orgId, v.id),
          signers: await listSigners(tx, actor.orgId, v.id),
          versions: await listVersions(tx, actor.orgId, a.id),
        };
      });
    },

    /** Starts an agreement: empty, or with the issues and outcome of a held joint meeting, or the shareable proposals of a shuttle log. */
    async create(actor: OrgActor, caseId: string, input: CreateAgreement) {
      authorise(actor, 'cases.view');
      const seed: { issues: AgreementIssue[]; terms: string[] } = { issues: [], terms: [] };
      if (input.from !== 'scratch') {
        const list = await meetings.caseMeetings(actor, caseId);
        const m = list.meetings.find((x) => x.id === input.meetingId);
        const kinds = input.from === 'meeting' ? ['joint', 'rj_conference'] : ['shuttle'];
        if (m?.status !== 'held' || !kinds.includes(m.kind))
          throw new AppError('UNPROCESSABLE', 'Choose a meeting of this case that was held', {
            reason: 'VALIDATION_FAILED',
            fields: { meetingId: input.from === 'meeting' ? 'Choose a joint meeting that was held' : 'Choose a shuttle session that was held' },
          });
        if (input.from === 'meeting') {
          seed.issues = issuesFromRecords([m.record?.issues]).map((issue) => ({ issue, outcome: null }));
          seed.terms = lines(m.record?.outcome);
        } else {
          const log = await meetings.shuttle.log(actor, caseId, m.id);
          seed.terms = log.view.statements.map((s) => s.shareableText).filter((x): x is string => Boolean(x));
        }
      }
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await cases.caseFor(tx, actor, caseId, 'work');
        const now = clock.now();
        const a: AgreementRow = { id: newId(), orgId: actor.orgId, caseId, createdBy: actor.label ?? actor.id, createdAt: now, updatedAt: now };
        await insertAgreement(tx, a);
        const versionId = newId();
        await insertVersion(tx, {
          id: versionId,
          orgId: actor.orgId,
          agreementId: a.id,
          caseId,
          number: 1,
          status: 'draft',
          statements: await statementsFor(tx, actor.orgId, c.caseType, c.caseKind),
          issues: seed.issues,
          createdAt: now,
          updatedAt: now,
        });
        await insertTerms(
          tx,
          seed.terms.map((what, i) => ({
            id: newId(),
            orgId: actor.orgId,
            versionId,
            position: i,
            who: [],
            what,
            dueKind: 'ongoing',
            dueOn: null,
            checkHow: '',
            appealable: null,
          })),
        );
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.created',
          entityType: 'agreement',
          entityId: a.id,
          detail: { caseId, from: input.from, meetingId: input.meetingId ?? null },
        });
        return { id: a.id, versionId, number: 1 };
      });
    },

    async saveStatements(actor: OrgActor, caseId: string, agreementId: string, input: StatementsInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { a } = await loadAgreement(tx, actor, caseId, agreementId, 'work');
        const { v } = await editableVersion(tx, actor, a);
        await updateVersion(tx, actor.orgId, v.id, { statements: input });
        await changed(tx, actor, a, v, 'agreement.statements_changed');
        return { versionId: v.id, number: v.number };
      });
    },

    async saveIssues(actor: OrgActor, caseId: string, agreementId: string, input: IssuesInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { a } = await loadAgreement(tx, actor, caseId, agreementId, 'work');
        const { v } = await editableVersion(tx, actor, a);
        await updateVersion(tx, actor.orgId, v.id, { issues: input.issues });
        await changed(tx, actor, a, v, 'agreement.issues_changed', { count: input.issues.length });
        return { versionId: v.id, number: v.number };
      });
    },

    async addTerm(actor: OrgActor, caseId: string, agreementId: string, input: TermInput) {
      const view = await cases.get(actor, caseId);
      return inOrg(db, actor.orgId, async (tx) => {
        const { a } = await loadAgreement(tx, actor, caseId, agreementId, 'work');
        const { v } = await editableVersion(tx, actor, a);
        const terms = await listTerms(tx, actor.orgId, v.id);
        const id = newId();
        const values = termValues(view, input, clock.now().toISOString().slice(0, 10));
        await insertTerms(tx, [{ id, orgId: actor.orgId, versionId: v.id, position: (terms.at(-1)?.position ?? -1) + 1, ...values }]);
        await changed(tx, actor, a, v, 'agreement.term_added', { termId: id });
        return { id, versionId: v.id, number: v.number, dueOn: values.dueOn };
      });
    },

    async updateTerm(actor: OrgActor, caseId: string, agreementId: string, termId: string, input: TermInput) {
      const view = await cases.get(actor, caseId);
      return inOrg(db, actor.orgId, async (tx) => {
        const { a } = await loadAgreement(tx, actor, caseId, agreementId, 'work');
        const { v, termIds } = await editableVersion(tx, actor, a);
        const id = termIds.get(termId) ?? termId;
        const term = (await listTerms(tx, actor.orgId, v.id)).find((x) => x.id === id);
        if (!term) throw notFound(msg('That term of the latest version was not found'));
        const values = termValues(view, input, clock.now().toISOString().slice(0, 10));
        await updateTerm(tx, actor.orgId, id, values);
        await changed(tx, actor, a, v, 'agreement.term_changed', { termId: id });
        return { id, versionId: v.id, number: v.number, dueOn: values.dueOn };
      });
    },

    async removeTerm(actor: OrgActor, caseId: string, agreementId: string, termId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { a } = await loadAgreement(tx, actor, caseId, agreementId, 'work');
        const { v, termIds } = await editableVersion(tx, actor, a);
        const id = termIds.get(termId) ?? termId;
        const term: TermRow | undefined = (await listTerms(tx, actor.orgId, v.id)).find((x) => x.id === id);
        if (!term) throw notFound(msg('That term of the latest version was not found'));
        await deleteTerm(tx, actor.orgId, id);
        await changed(tx, actor, a, v, 'agreement.term_removed', { termId: id });
        return { versionId: v.id, number: v.number };
      });
    },

    /** Freezes the latest draft: fixes who signs (the parties taking part, then the mediators as witnesses), its canonical text and hash. */
    async readyToSign(actor: OrgActor, caseId: string, agreementId: string) {
      const view = await cases.get(actor, caseId);
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, a } = await loadAgreement(tx, actor, caseId, agreementId, 'work');
        const v = (await latestVersionOf(tx, actor.orgId, a.id))!;
        const terms = await listTerms(tx, actor.orgId, v.id);
        const parties = signingParties(view);
        const reasons = freezeReasons({ status: v.status, caseKind: c.caseKind, terms, partySigners: parties.length, mediatorSigners: view.team.length });
        if (reasons.length)
          throw new AppError('CONFLICT', reasons.join('. '), {
            reason: 'NOT_READY_TO_SIGN',
            fields: Object.fromEntries(reasons.map((r, i) => [i ? `_${i}` : '_', r])),
          });
        const signers = [
          ...parties.map((p) => ({ kind: 'party', name: p.name, partyId: p.id, userId: null })),
          ...view.team.map((m) => ({ kind: 'mediator', name: m.name, partyId: null, userId: null })),
        ];
        const reference = newReference();
        const { canonical, hash } = canonicalForm({
          reference,
          caseReference: c.reference,
          caseType: c.caseType,
          version: v.number,
          statements: v.statements,
          terms,
          issues: v.issues,
          signers,
        });
        const now = clock.now();
        await updateVersion(tx, actor.orgId, v.id, {
          status: 'ready',
          canonical,
          hash,
          reference,
          frozenAt: now,
          frozenBy: actor.label ?? actor.id,
          updatedAt: now,
        });
        await insertSigners(
          tx,
          signers.map((s, i) => ({ id: newId(), orgId: actor.orgId, versionId: v.id, caseId, position: i, ...s, status: 'pending' })),
        );
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.ready_to_sign',
          entityType: 'agreement',
          entityId: a.id,
          detail: { caseId, version: v.number, hash },
        });
        return { versionId: v.id, number: v.number, hash, reference };
      });
    },
  };
}
export type DraftingService = ReturnType<typeof createDraftingService>;
