// SEND certificates (rules.md #20–21): issued, or re-issued keeping the old one as superseded, numbered in the
// service's register and emailed to the parents; each one's PDF; and the register. Part of the SEND service
// (send.service.ts), which gives it the SEND case once access allows. Every use is audited.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError, invalid, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { mailCertificate } from './certificate-mail.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { noCertificateOnRoute } from './send-attendance.ts';
import { appealDeadline, certificateRequired } from './send-clocks.ts';
import type { CertificateInput } from './send.schemas.ts';
import type { CertificateOutcome, SendIssue } from './send-words.ts';
import * as repo from './send.repo.ts';

/** After mediation: full when every issue was agreed, none when none was even partly, partial otherwise. */
export function certificateOutcome(outcomes: readonly (string | null | undefined)[]): CertificateOutcome {
  if (outcomes.length && outcomes.every((o) => o === 'agreed')) return 'full';
  return outcomes.some((o) => o === 'agreed' || o === 'partly_agreed') ? 'partial' : 'none';
}

/** What a certificate reads of the SEND case. */
type CertificateFacts = Pick<
  repo.SendCaseRow,
  'issues' | 'route' | 'decisionLetterOn' | 'miasDecision' | 'mediationHeldOn' | 'childName' | 'localAuthority' | 'decisionType' | 'miasOn'
>;
/** The case and its SEND details, once access allows the action (the SEND service's own check). */
type SendCaseFor = (tx: Db, actor: OrgActor, caseId: string, action: 'view' | 'work') => Promise<{ c: { reference: string }; details: CertificateFacts }>;

export function createSendCertificates({
  db,
  clock,
  audit,
  cases,
  sendCaseFor,
  today,
}: {
  db: Db;
  clock: Clock;
  audit: Audit;
  cases: Pick<CaseService, 'partiesIn'>;
  sendCaseFor: SendCaseFor;
  today: () => string;
}) {
  return {
    /** Issues a certificate (or re-issues one, keeping the old one as superseded), numbered in the service's register. */
    async issueCertificate(actor: OrgActor, caseId: string, input: CertificateInput) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, details } = await sendCaseFor(tx, actor, caseId, 'work');
        const issues = details.issues as SendIssue[];
        if (noCertificateOnRoute(details.route))
          throw new AppError('CONFLICT', msg('Disagreement resolution produces no certificate: change the route to SEND mediation to issue one.'), {
            reason: 'DISAGREEMENT_RESOLUTION',
          });
        if (issues.length && !certificateRequired(issues))
          throw new AppError('CONFLICT', msg('No certificate is needed: the issues are about Section I only. Mediation can still be asked for.'), {
            reason: 'SECTION_I_ONLY',
          });
        if (!details.decisionLetterOn) throw invalid({ decisionLetterOn: msg('Enter the date of the decision letter on the SEND details first') });
        const fields: Record<string, string> = {};
        if (input.kind === 'declined' && details.miasDecision !== 'declines') fields.kind = msg('Record that the parent does not want mediation first');
        if (input.kind === 'deemed' && details.miasDecision !== 'wants_mediation') fields.kind = msg('Record that the parent wants mediation first');
        if (input.kind === 'after_mediation' && !details.mediationHeldOn) fields.kind = msg('Record the date mediation was held first');
        const outcomes = input.kind === 'after_mediation' ? issues.map((_, i) => input.issueOutcomes?.[i] ?? null) : [];
        if (input.kind === 'after_mediation' && outcomes.some((o) => o === null)) fields.issueOutcomes = msg('Choose the outcome of each issue');
        if (Object.keys(fields).length) throw invalid(fields);
        const existing = await repo.certificatesOfCase(tx, actor.orgId, caseId);
        const replaced = input.replacesId ? existing.find((x) => x.id === input.replacesId && !x.supersededAt) : undefined;
        if (input.replacesId && !replaced) throw notFound(msg('That certificate was not found, or was already re-issued'));
        const issuedOn = input.issuedOn ?? today();
        const id = newId();
        const number = await repo.nextCertificateNumber(tx, actor.orgId);
        const row = {
          id,
          orgId: actor.orgId,
          caseId,
          number,
          kind: input.kind,
          outcome: input.kind === 'after_mediation' ? certificateOutcome(outcomes) : null,
          issues: issues.map((issue, i) => ({ issue, outcome: outcomes[i] ?? null })),
          issuedOn,
          appealDeadline: appealDeadline(details.decisionLetterOn, issuedOn),
          adviserName: input.adviserName,
          adviserOrganisation: actor.orgName,
          issuedBy: actor.id,
          replacesId: replaced?.id ?? null,
          reissueReason: replaced ? (input.reissueReason ?? null) : null,
          createdAt: clock.now(),
        };
        if (replaced) await repo.supersedeCertificate(tx, actor.orgId, replaced.id, clock.now());
        await repo.insertCertificate(tx, row);
        const parties = await cases.partiesIn(tx, actor.orgId, caseId);
        const emailedTo = await mailCertificate(tx, parties, { ...row, serviceName: actor.orgName, reference: c.reference, at: clock.now() });
        if (emailedTo) await repo.markEmailed(tx, actor.orgId, id, clock.now());
        await audit.record(tx, actor, actor.orgId, {
          action: replaced ? 'send.certificate_reissued' : 'send.certificate_issued',
          entityType: 'case',
          entityId: caseId,
          detail: { certificateId: id, number, kind: input.kind, emailedTo },
        });
        return { ...row, reference: c.reference, emailedTo };
      });
    },

    /** A certificate's PDF (rules.md #21). Audited. */
    async certificatePdf(actor: OrgActor, caseId: string, certificateId: string) {
      const input = await inOrg(db, actor.orgId, async (tx) => {
        const { c, details } = await sendCaseFor(tx, actor, caseId, 'view');
        const cert = await repo.findCertificate(tx, actor.orgId, certificateId);
        if (!cert || cert.caseId !== caseId) throw notFound(msg('That certificate was not found'));
        const replaced = cert.replacesId ? await repo.findCertificate(tx, actor.orgId, cert.replacesId) : undefined;
        const parties = await cases.partiesIn(tx, actor.orgId, caseId);
        await audit.record(tx, actor, actor.orgId, { action: 'send.certificate_downloaded', entityType: 'case', entityId: caseId, detail: { certificateId } });
        return {
          number: cert.number,
          caseReference: c.reference,
          serviceName: actor.orgName,
          parentNames: parties.filter((p) => p.role === 'parent' || p.role === 'young_person').map((p) => p.name),
          childName: details.childName,
          localAuthority: details.localAuthority,
          decisionType: details.decisionType,
          decisionLetterOn: details.decisionLetterOn ?? cert.issuedOn,
          miasOn: details.miasOn,
          kind: cert.kind,
          outcome: cert.outcome,
          issues: cert.issues,
          issuedOn: cert.issuedOn,
          appealDeadline: cert.appealDeadline,
          adviserName: cert.adviserName,
          adviserOrganisation: cert.adviserOrganisation,
          replacesNumber: replaced?.number ?? null,
          reissueReason: cert.reissueReason,
        };
      });
      return { number: input.number, bytes: await renderCertificatePdf(input) };
    },

    /** The service's register of certificates, newest first. Audited. */
    async register(actor: OrgActor) {
      authorise(actor, 'send.deadlines');
      return inOrg(db, actor.orgId, async (tx) => {
        const rows = await repo.certificateRegister(tx, actor.orgId);
        await audit.record(tx, actor, actor.orgId, { action: 'send.register_viewed', entityType: 'org', entityId: actor.orgId });
        return rows.map((r) => ({ ...r.certificate, reference: r.reference }));
      });
    },
  };
}
