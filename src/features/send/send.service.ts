// SEND mediation's use cases: the SEND details of a case, the MIAS call and decision, the dates the clocks need, the
// certificates and their register (send-certificates.ts), and the deadlines queue. Each owns its transaction, asks
// src/access through the case service whether the actor may, and is audited (field names only: never what was typed).
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { msg } from '#src/i18n/i18n.ts';
import { invalid, notFound } from '#src/lib/app-error.ts';
import type { Clock as TimeClock } from '#src/lib/clock.ts';
import { caseClocks, caseFlags, type Clock } from './case-clocks.ts';
import { createSendCertificates } from './send-certificates.ts';
import { certificateRequired } from './send-clocks.ts';
import { meetingOfCase } from '#src/features/meetings/meeting-reads.ts';
import type { AttendeeInput, MiasInput, SendDetailsInput, SendProgressInput } from './send.schemas.ts';
import { type Attendee, attendanceProblems, attendeeProblems, routeProblems, type SendRoute } from './send-attendance.ts';
import { type Reg42Row, syncedDuties } from './send-duties.ts';
import { createSendReport } from './send-report.ts';
import { type QueueClock, workOutQueue } from './send-queue.ts';
import type { SendIssue } from './send-words.ts';
import * as repo from './send.repo.ts';

const londonToday = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

const EMPTY = {
  decisionType: null,
  issues: [] as string[],
  decisionLetterOn: null,
  requestedBy: null,
  childName: null,
  localAuthority: null,
  icbs: [] as string[],
  childViewsObtained: null,
  childViewsMethod: null,
  childViewsNotReason: null,
  miasOn: null,
  miasMeetingId: null,
  miasDecision: null,
  decisionToldOn: null,
  icbNotifiedOn: null,
  adviserToldOn: null,
  mediationHeldOn: null,
  laAttendeeName: null,
  laAttendeeRole: null,
  laAttendeeHasAuthority: null,
  route: 'mediation',
  everyPartyAgreed: null,
  attendees: [] as Attendee[],
  delayReason: null,
  appealMade: null,
};
export type { Reg42Row };

export type SendDetails = Omit<repo.SendCaseRow, 'orgId' | 'caseId' | 'updatedAt'>;

export function createSendService({ db, clock, audit, cases }: { db: Db; clock: TimeClock; audit: Audit; cases: CaseService }) {
  const today = () => londonToday(clock.now());

  /** The SEND case, once access allows; 404 when the case is not a SEND case. */
  async function sendCaseFor(tx: Db, actor: OrgActor, caseId: string, action: 'view' | 'work') {
    const c = await cases.caseFor(tx, actor, caseId, action);
    if (c.caseKind !== 'send') throw notFound(msg('That case is not a SEND mediation case'));
    const row = await repo.findSendCase(tx, actor.orgId, caseId);
    const details: SendDetails = row ? (({ orgId: _o, caseId: _c, updatedAt: _u, ...d }) => d)(row) : { ...EMPTY, localAuthority: c.localAuthority };
    return { c, details };
  }

  async function save(tx: Db, actor: OrgActor, caseId: string, details: SendDetails, action: string, fields: string[]) {
    await repo.saveSendCase(tx, { ...details, orgId: actor.orgId, caseId, updatedAt: clock.now() });
    await audit.record(tx, actor, actor.orgId, { action, entityType: 'case', entityId: caseId, detail: { fields } });
  }

  function present(c: { id: string; reference: string; status: string }, details: SendDetails, certificates: repo.CertificateRow[], duties: Reg42Row[]) {
    const inForce = certificates.filter((x) => !x.supersededAt);
    const clocks: Clock[] = caseClocks(details, inForce, today());
    return { case: { id: c.id, reference: c.reference, status: c.status }, details, flags: caseFlags(details), clocks, certificates, duties, today: today() };
  }

  const queues = new Map<string, { key: string; clocks: QueueClock[] }>();

  /** #18–19: the signed agreement's terms for the local authority (or appealable), with their dates and when met. */
  const dutiesOf = (tx: Db, orgId: string, caseId: string) => syncedDuties(tx, orgId, caseId, today(), clock.now());

  async function saveAttendees(actor: OrgActor, caseId: string, change: (current: Attendee[]) => Attendee[]) {
    return inOrg(db, actor.orgId, async (tx) => {
      const { details } = await sendCaseFor(tx, actor, caseId, 'work');
      const attendees = change(details.attendees as Attendee[]);
      const problems = attendeeProblems(attendees);
      if (Object.keys(problems).length) throw invalid(problems);
      await save(tx, actor, caseId, { ...details, attendees }, 'send.attendees_saved', ['attendees']);
      return { attendees };
    });
  }

  return {
    /** The SEND report (rules.md #61), and the places it may be narrowed to. */
    ...createSendReport({ db, audit, clock }),

    /** The SEND details, the clocks running today and the certificates (superseded ones kept). Audited. */
    async get(actor: OrgActor, caseId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, details } = await sendCaseFor(tx, actor, caseId, 'view');
        const certificates = await repo.certificatesOfCase(tx, actor.orgId, caseId);
        const duties = await dutiesOf(tx, actor.orgId, caseId);
        await audit.record(tx, actor, actor.orgId, { action: 'send.viewed', entityType: 'case', entityId: caseId });
        return present(c, details, certificates, duties);
      });
    },

    /** Saves the decision, the issues, who asked, the child, the local authority, the ICBs and the child's views. */
    async saveDetails(actor: OrgActor, caseId: string, input: SendDetailsInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { details } = await sendCaseFor(tx, actor, caseId, 'work');
        const next: SendDetails = {
          ...details,
          decisionType: input.decisionType ?? null,
          issues: [...new Set(input.issues)],
          decisionLetterOn: input.decisionLetterOn ?? null,
          requestedBy: input.requestedBy ?? null,
          childName: input.childName ?? null,
          localAuthority: input.localAuthority ?? null,
          icbs: input.icbs.filter(Boolean),
          childViewsObtained: input.childViewsObtained ?? null,
          childViewsMethod: input.childViewsObtained === true ? (input.childViewsMethod ?? null) : null,
          childViewsNotReason: input.childViewsObtained === false ? (input.childViewsNotReason ?? null) : null,
        };
        await save(tx, actor, caseId, next, 'send.details_saved', Object.keys(input));
        return { saved: true, sectionIOnly: next.issues.length > 0 && !certificateRequired(next.issues as SendIssue[]) };
      });
    },

    /** Records the MIAS call and the decision. A contact after the 2 months is recorded and flagged, never refused. */
    async recordMias(actor: OrgActor, caseId: string, input: MiasInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { details } = await sendCaseFor(tx, actor, caseId, 'work');
        if (input.meetingId) {
          const m = await meetingOfCase(tx, actor.orgId, caseId, input.meetingId);
          if (m?.kind !== 'mias_call') throw invalid({ meetingId: msg('Choose an information and advice call booked on this case') });
        }
        const next: SendDetails = {
          ...details,
          miasOn: input.miasOn,
          miasDecision: input.decision,
          decisionToldOn: input.decision === 'undecided' ? null : (input.decisionToldOn ?? input.miasOn),
          miasMeetingId: input.meetingId ?? details.miasMeetingId,
        };
        await save(tx, actor, caseId, next, 'send.mias_recorded', ['miasOn', 'decision']);
        return { ...caseFlags(next), decision: input.decision };
      });
    },

    /**
     * Records the dates after the decision and the local authority's representative. Mediation cannot be recorded as
     * held unless the representative's name, role and decision-making authority (yes) were recorded (#12).
     */
    async saveProgress(actor: OrgActor, caseId: string, input: SendProgressInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { details } = await sendCaseFor(tx, actor, caseId, 'work');
        const next: SendDetails = {
          ...details,
          icbNotifiedOn: input.icbNotifiedOn ?? null,
          adviserToldOn: input.adviserToldOn ?? null,
          mediationHeldOn: input.mediationHeldOn ?? null,
          laAttendeeName: input.laAttendeeName ?? null,
          laAttendeeRole: input.laAttendeeRole ?? null,
          laAttendeeHasAuthority: input.laAttendeeHasAuthority ?? null,
          route: input.route ?? 'mediation',
          everyPartyAgreed: input.everyPartyAgreed ?? null,
          delayReason: input.delayReason ?? null,
          appealMade: input.appealMade ?? null,
        };
        const problems = { ...attendanceProblems(next), ...routeProblems(next.route as SendRoute, next.everyPartyAgreed) };
        if (Object.keys(problems).length) throw invalid(problems);
        await save(tx, actor, caseId, next, 'send.progress_saved', Object.keys(input));
        return { saved: true };
      });
    },

    /** #13: replaces the list of others attending; a child or anyone else needs the agreement or consent on record. */
    setAttendees(actor: OrgActor, caseId: string, attendees: AttendeeInput[]) {
      return saveAttendees(actor, caseId, () => attendees);
    },
    /** #13: adds one person attending (the page's form). */
    addAttendee(actor: OrgActor, caseId: string, attendee: AttendeeInput) {
      return saveAttendees(actor, caseId, (current) => [...current, attendee]);
    },
    /** #13: removes the person at this place in the list. */
    removeAttendee(actor: OrgActor, caseId: string, index: number) {
      return saveAttendees(actor, caseId, (current) => {
        if (!Number.isInteger(index) || index < 0 || index >= current.length) throw notFound(msg('That person is not on the list of who attends'));
        return current.filter((_, i) => i !== index);
      });
    },

    /** #18–19: records when the local authority met a duty after the agreement (or that it has not). Audited. */
    async recordDutyMet(actor: OrgActor, caseId: string, termId: string, metOn: string | null) {
      return inOrg(db, actor.orgId, async (tx) => {
        await sendCaseFor(tx, actor, caseId, 'work');
        await dutiesOf(tx, actor.orgId, caseId);
        if (!(await repo.setDutyMet(tx, actor.orgId, caseId, termId, metOn, clock.now()))) throw notFound(msg('That duty was not found'));
        await audit.record(tx, actor, actor.orgId, { action: 'send.duty_met', entityType: 'case', entityId: caseId, detail: { termId, met: metOn !== null } });
        return dutiesOf(tx, actor.orgId, caseId);
      });
    },

    /** The case's certificates, superseded ones included. Audited. */
    async certificates(actor: OrgActor, caseId: string) {
      return (await this.get(actor, caseId)).certificates;
    },

    /** Issuing and re-issuing certificates, their PDFs and the register. */
    ...createSendCertificates({ db, clock, audit, cases, sendCaseFor, today }),

    /**
     * Every running clock of every open SEND case: overdue first, then by days left. Audited. Worked out once per day
     * and per change to what it depends on (queueVersion), so a coordinator's reload reads one fingerprint.
     */
    async deadlines(actor: OrgActor) {
      authorise(actor, 'send.deadlines');
      return inOrg(db, actor.orgId, async (tx) => {
        const now = today();
        const key = `${now}|${await repo.queueVersion(tx, actor.orgId)}`;
        let queue = queues.get(actor.orgId);
        if (queue?.key !== key) {
          queue = { key, clocks: await workOutQueue(tx, actor.orgId, now) };
          queues.set(actor.orgId, queue);
        }
        await audit.record(tx, actor, actor.orgId, { action: 'send.deadlines_viewed', entityType: 'org', entityId: actor.orgId });
        return queue.clocks;
      });
    },
  };
}
export type SendService = ReturnType<typeof createSendService>;
