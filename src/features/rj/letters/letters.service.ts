// Letters, messages and recordings between the parties (rules.md #34): typed by or for a party, vetted by both
// facilitators (approve, ask for changes with a note, withhold with a reason), and passed on only when approved and
// the contact gate allows indirect contact. The recipient's copy (recipientCopy) is the only text that ever reaches
// the other party: it never shows an address or what the facilitators removed. Every step is on the timeline (never
// the letter's words) and audited.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import type { PartyRow } from '#src/features/cases/case-reads.ts';
import { londonParts } from '#src/domain/meeting-times.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import { newId } from '#src/lib/ids.ts';
import type { RjDeps } from '../rj.service.ts';
import { gateOf } from '../rj-facts.ts';
import { by, openRjCase } from '../rj-case.ts';
import { letterStatus, passRefusal, recipientCopy, reviewRefusal, vetterRefusal } from '../rules/letter-rules.ts';
import { caseFacilitators } from '#src/features/volunteers/assignments/case-team-facts.ts';
import { findLetter, insertLetter, insertReview, type LetterRow, listLetters, listReviews, type ReviewRow, updateLetter } from './letters.repo.ts';
import type { LetterInput, ReviewInput, RevisionInput } from './letters.schemas.ts';

const refused = (message: string, field = '_') => new AppError('UNPROCESSABLE', message, { reason: 'LETTER_REFUSED', fields: { [field]: message } });
const conflict = (message: string) => new AppError('CONFLICT', message, { reason: 'LETTER_REFUSED', fields: { _: message } });

/** The sender's own contact details, removed from the recipient's copy wherever they appear. */
const senderDetails = (p: PartyRow | undefined) => (p ? [p.address, p.postcode, p.email, p.phone, p.safeContact] : []);

/** The recipient's copy of a letter: the one function every view, answer and export for the other party uses. */
export function copyFor(l: LetterRow, parties: readonly PartyRow[]) {
  return recipientCopy(l.body, l.redactions, senderDetails(parties.find((p) => p.id === l.fromPartyId)));
}

export function createLetterService(deps: RjDeps) {
  const { db, clock, audit, cases } = deps;

  const open = async (tx: Db, actor: OrgActor, caseId: string, need: 'view' | 'work') => (await openRjCase(cases, tx, actor, caseId, need)).facts;

  async function letterOf(tx: Db, actor: OrgActor, caseId: string, letterId: string) {
    const l = await findLetter(tx, actor.orgId, caseId, letterId);
    if (!l) throw notFound(msg('That letter was not found'));
    const reviews = await listReviews(tx, actor.orgId, [l.id]);
    return { l, reviews, status: letterStatus(l, reviews) };
  }

  const event = (actor: OrgActor, caseId: string, summary: string, letterId: string) => ({
    orgId: actor.orgId,
    caseId,
    at: clock.now(),
    actorId: actor.id,
    actorLabel: actor.label ?? null,
    kind: 'restorative' as const,
    summary,
    data: { letterId },
  });

  const nameOf = (parties: readonly PartyRow[], id: string) => parties.find((p) => p.id === id)?.name ?? '';

  function staffView(l: LetterRow, reviews: readonly ReviewRow[], parties: readonly PartyRow[]) {
    const mine = reviews.filter((r) => r.letterId === l.id);
    return {
      ...l,
      fromName: nameOf(parties, l.fromPartyId),
      toName: nameOf(parties, l.toPartyId),
      status: letterStatus(l, mine),
      reviews: mine,
      recipientCopy: copyFor(l, parties),
    };
  }

  return {
    /** The case's letters for the case team, each with its vetting and the recipient's copy. Audited. */
    async list(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const facts = await open(tx, actor, caseId, 'view');
        const letters = await listLetters(tx, actor.orgId, caseId);
        const reviews = await listReviews(
          tx,
          actor.orgId,
          letters.map((l) => l.id),
        );
        await audit.record(tx, actor, actor.orgId, { action: 'rj.letters_viewed', entityType: 'case', entityId: caseId });
        return letters.map((l) => staffView(l, reviews, facts.parties));
      });
    },

    /** A letter typed by or for a party, waiting for both facilitators to vet it. */
    async write(actor: OrgActor, caseId: string, input: LetterInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const facts = await open(tx, actor, caseId, 'work');
        const from = facts.participants.find((p) => p.id === input.fromPartyId);
        const to = facts.participants.find((p) => p.id === input.toPartyId);
        if (!from) throw refused('Choose who the letter is from: someone taking part on this case', 'fromPartyId');
        if (!to) throw refused('Choose who the letter is to: someone taking part on this case', 'toPartyId');
        if (from.id === to.id) throw refused('A letter goes to the other party, not back to the person who wrote it', 'toPartyId');
        const id = newId();
        await insertLetter(tx, {
          id,
          orgId: actor.orgId,
          caseId,
          fromPartyId: from.id,
          toPartyId: to.id,
          form: input.form,
          body: input.body,
          createdBy: by(actor),
          createdAt: clock.now(),
        });
        await insertEvent(tx, {
          ...event(actor, caseId, `Letter from ${from.name} to ${to.name} received: waiting for both facilitators to vet it`, id),
          partyId: from.id,
        });
        await audit.record(tx, actor, actor.orgId, { action: 'rj.letter_written', entityType: 'rj_letter', entityId: id, detail: { caseId } });
        return { id };
      });
    },

    /** The letter revised after changes were asked for: a new version, vetted again from the start. */
    async revise(actor: OrgActor, caseId: string, letterId: string, input: RevisionInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const facts = await open(tx, actor, caseId, 'work');
        const { l, status } = await letterOf(tx, actor, caseId, letterId);
        if (status !== 'changes_asked') throw conflict('A letter is revised only when the facilitators have asked for changes');
        await updateLetter(tx, actor.orgId, l.id, { body: input.body, version: l.version + 1 });
        await insertEvent(tx, event(actor, caseId, `Letter from ${nameOf(facts.parties, l.fromPartyId)} revised (version ${l.version + 1})`, l.id));
        await audit.record(tx, actor, actor.orgId, {
          action: 'rj.letter_revised',
          entityType: 'rj_letter',
          entityId: l.id,
          detail: { caseId, version: l.version + 1 },
        });
        return { id: l.id, version: l.version + 1 };
      });
    },

    /** One facilitator's vetting: approve (removing phrases from the copy), ask for changes with a note, or withhold with a reason. */
    async review(actor: OrgActor, caseId: string, letterId: string, input: ReviewInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const facts = await open(tx, actor, caseId, 'work');
        const { l, reviews, status } = await letterOf(tx, actor, caseId, letterId);
        const notVetter = vetterRefusal(await caseFacilitators(tx, actor.orgId, caseId), actor.type === 'user' ? actor.id : null);
        if (notVetter) throw new AppError('FORBIDDEN', notVetter, { reason: 'NOT_CASE_FACILITATOR', fields: { _: notVetter } });
        const refusal = reviewRefusal(status, reviews, l.version, actor.id);
        if (refusal) throw conflict(refusal);
        if (input.decision !== 'approve' && !input.note)
          throw refused(input.decision === 'changes' ? 'Say what needs to change' : 'Give the reason for withholding the letter', 'note');
        if (input.redactions.length) await updateLetter(tx, actor.orgId, l.id, { redactions: [...new Set([...l.redactions, ...input.redactions])] });
        await insertReview(tx, {
          id: newId(),
          orgId: actor.orgId,
          letterId: l.id,
          version: l.version,
          reviewerId: actor.id,
          reviewerLabel: by(actor),
          decision: input.decision,
          note: input.note || null,
          at: clock.now(),
        });
        const after = letterStatus(l, [...reviews, { version: l.version, reviewerId: actor.id, decision: input.decision }]);
        const words = { approve: 'approved', changes: 'asked for changes to', withhold: 'withheld' }[input.decision];
        await insertEvent(tx, event(actor, caseId, `${by(actor)} ${words} the letter from ${nameOf(facts.parties, l.fromPartyId)}`, l.id));
        await audit.record(tx, actor, actor.orgId, {
          action: `rj.letter_${input.decision}`,
          entityType: 'rj_letter',
          entityId: l.id,
          detail: { caseId, version: l.version },
        });
        return { id: l.id, status: after };
      });
    },

    /** Passes an approved letter on, when the contact gate allows indirect contact. */
    async pass(actor: OrgActor, caseId: string, letterId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const facts = await open(tx, actor, caseId, 'work');
        const { l, status } = await letterOf(tx, actor, caseId, letterId);
        const refusal = passRefusal(status);
        if (refusal) throw conflict(refusal);
        const gate = gateOf(facts, 'indirect', londonParts(clock.now()).date);
        if (!gate.allowed)
          throw new AppError('UNPROCESSABLE', gate.problems.map((p) => p.message).join('. '), {
            reason: 'CONTACT_GATE',
            fields: { _: gate.problems.map((p) => p.message).join('. ') },
          });
        const now = clock.now();
        await updateLetter(tx, actor.orgId, l.id, { passedAt: now, passedBy: by(actor) });
        await insertEvent(tx, {
          ...event(actor, caseId, `Letter from ${nameOf(facts.parties, l.fromPartyId)} passed on to ${nameOf(facts.parties, l.toPartyId)}`, l.id),
          partyId: l.toPartyId,
        });
        await audit.record(tx, actor, actor.orgId, { action: 'rj.letter_passed', entityType: 'rj_letter', entityId: l.id, detail: { caseId } });
        return { id: l.id, passedAt: now };
      });
    },

    /** The recipient's copy alone (to print or send): the redacted text, who it is from, nothing else. Audited. */
    async copy(actor: OrgActor, caseId: string, letterId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const facts = await open(tx, actor, caseId, 'work');
        const { l, status } = await letterOf(tx, actor, caseId, letterId);
        await audit.record(tx, actor, actor.orgId, { action: 'rj.letter_copy_viewed', entityType: 'rj_letter', entityId: l.id, detail: { caseId } });
        return {
          id: l.id,
          status,
          fromName: nameOf(facts.parties, l.fromPartyId),
          toName: nameOf(facts.parties, l.toPartyId),
          form: l.form,
          text: copyFor(l, facts.parties),
          passedAt: l.passedAt,
        };
      });
    },
  };
}
