// What the API returns for a case: fields picked explicitly, so a new column never leaks by default.
import { z } from 'zod';
import { CASE_KINDS, type CaseKind } from '#src/domain/case-words.ts';
import type { CaseService } from './cases.service.ts';

type CaseView = Awaited<ReturnType<CaseService['get']>>;

export const ZPartyOut = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  postcode: z.string().nullable(),
  safeContact: z.string().nullable(),
  canLeaveMessages: z.boolean().nullable(),
  canSendLetters: z.boolean().nullable().describe('false: never post letters to them (safe-contact instructions)'),
  needs: z.string().nullable(),
  inCustody: z.boolean(),
  consent: z.string(),
  hasIntake: z.boolean(),
});

export const ZCaseOut = z.object({
  id: z.string(),
  reference: z.string(),
  caseType: z.string(),
  caseKind: z.enum(CASE_KINDS).describe('The rules the case follows: its case type’s kind (/api/v1/case-types)'),
  status: z.string(),
  outcome: z.string().nullable(),
  closingReason: z.string().nullable(),
  pathway: z.string().describe('mediation, or coaching: one-to-one conflict coaching when the other party will not take part'),
  urgent: z.boolean(),
  summary: z.string(),
  coordinatorId: z.string().nullable(),
  openedAt: z.string(),
  statusChangedAt: z.string(),
  parties: z.array(ZPartyOut),
  issues: z.array(z.string()).describe('The issues on the meeting records; moving to outcome gives issueOutcomes in this order'),
  tasks: z.array(z.object({ id: z.string(), title: z.string(), dueOn: z.string(), done: z.boolean() })),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      summary: z.string(),
      body: z.string().nullable(),
      actor: z.string().nullable(),
      partyId: z.string().nullable(),
    }),
  ),
  nextSteps: z.array(z.object({ to: z.string(), allowed: z.boolean(), reasons: z.array(z.string()) })),
});

export function presentCase(view: CaseView): z.infer<typeof ZCaseOut> {
  const c = view.case;
  const withIntake = new Set(view.intakes.map((i) => i.partyId));
  return {
    id: c.id,
    reference: c.reference,
    caseType: c.caseType,
    caseKind: c.caseKind as CaseKind,
    status: c.status,
    outcome: c.outcome,
    closingReason: c.closingReason,
    pathway: c.pathway,
    urgent: c.urgent,
    summary: c.summary,
    coordinatorId: c.coordinatorId,
    openedAt: c.openedAt.toISOString(),
    statusChangedAt: c.statusChangedAt.toISOString(),
    parties: view.parties.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      email: p.email,
      phone: p.phone,
      postcode: p.postcode,
      safeContact: p.safeContact,
      canLeaveMessages: p.canLeaveMessages,
      canSendLetters: p.canSendLetters,
      needs: p.needs,
      inCustody: p.inCustody,
      consent: p.consent,
      hasIntake: withIntake.has(p.id),
    })),
    issues: view.issues,
    tasks: view.tasks.map((t) => ({ id: t.id, title: t.title, dueOn: t.dueOn, done: t.doneAt !== null })),
    timeline: view.timeline.map((e) => ({ at: e.at.toISOString(), kind: e.kind, summary: e.summary, body: e.body, actor: e.actorLabel, partyId: e.partyId })),
    nextSteps: view.moves.map((m) => ({ to: m.to, allowed: m.decision.allowed, reasons: m.decision.allowed ? [] : m.decision.reasons })),
  };
}
