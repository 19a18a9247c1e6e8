// Pure: which statutory clocks are running on one SEND case today, from its facts and certificates in force, each with
// its due date and days left (working or calendar days). A clock stops when the thing it waits for is recorded.
import {
  afterMediationCertificateDue,
  appealDeadline,
  certificateRequired,
  contactDeadline,
  daysLeft,
  declinedCertificateDue,
  deemedCertificateDue,
  deemedCertificatePrompted,
  icbNotificationDue,
  isLateContact,
  mediationDeadline,
} from './send-clocks.ts';
import type { ClockKind, SendIssue } from './send-words.ts';

export type SendFacts = {
  issues: readonly string[];
  decisionLetterOn: string | null;
  miasOn: string | null;
  miasDecision: string | null;
  decisionToldOn: string | null;
  icbNotifiedOn: string | null;
  adviserToldOn: string | null;
  mediationHeldOn: string | null;
  /** mediation (default) or disagreement_resolution, which runs no statutory clock and has no certificate (#22). */
  route?: string;
};
export type CertificateFact = { kind: string; issuedOn: string };
export type Clock = { kind: ClockKind; due: string; unit: 'working' | 'calendar'; daysLeft: number; overdue: boolean; running: boolean };

const clock = (kind: ClockKind, due: string, unit: Clock['unit'], today: string, running = true): Clock => {
  const left = daysLeft(today, due, unit);
  return { kind, due, unit, daysLeft: left, overdue: running && today > due, running };
};

/** The clocks of a case today, running ones first by due date; the appeal deadline (not running) last. */
export function caseClocks(f: SendFacts, certificates: readonly CertificateFact[], today: string): Clock[] {
  const issues = f.issues as readonly SendIssue[];
  const needsCertificate = certificateRequired(issues);
  const has = (kind: string) => certificates.some((c) => c.kind === kind);
  const clocks: Clock[] = [];
  if (f.route === 'disagreement_resolution') return clocks;
  if (f.decisionLetterOn && !f.miasOn) clocks.push(clock('contact', contactDeadline(f.decisionLetterOn), 'calendar', today));
  const told = f.decisionToldOn ?? f.miasOn;
  if (f.miasDecision === 'declines' && told && needsCertificate && !certificates.length)
    clocks.push(clock('declined_certificate', declinedCertificateDue(told), 'working', today));
  if (f.miasDecision === 'wants_mediation' && told) {
    const icbDue = icbNotificationDue(told, issues);
    if (icbDue && !f.icbNotifiedOn) clocks.push(clock('icb_notice', icbDue, 'working', today));
    const by = mediationDeadline(told, issues, f.icbNotifiedOn);
    if (!f.mediationHeldOn) clocks.push(clock('mediation_held', by, 'calendar', today));
    if (needsCertificate && !has('deemed') && !has('after_mediation') && (f.adviserToldOn || deemedCertificatePrompted(by, f.mediationHeldOn, today)))
      clocks.push(clock('deemed_certificate', deemedCertificateDue(by, f.adviserToldOn), 'working', today));
    if (f.mediationHeldOn && needsCertificate && !has('after_mediation'))
      clocks.push(clock('after_mediation_certificate', afterMediationCertificateDue(f.mediationHeldOn), 'working', today));
  }
  clocks.sort((a, b) => a.due.localeCompare(b.due));
  const latest = certificates
    .map((c) => c.issuedOn)
    .sort()
    .at(-1);
  if (f.decisionLetterOn && latest) clocks.push(clock('appeal', appealDeadline(f.decisionLetterOn, latest), 'calendar', today, false));
  return clocks;
}

/** Flags on a case: a late contact (#5, never refused) and whether a certificate is needed at all (#3). */
export function caseFlags(f: Pick<SendFacts, 'issues' | 'decisionLetterOn' | 'miasOn'>) {
  return {
    lateContact: Boolean(f.decisionLetterOn && f.miasOn && isLateContact(f.decisionLetterOn, f.miasOn)),
    certificateRequired: certificateRequired(f.issues as readonly SendIssue[]),
    contactDeadline: f.decisionLetterOn ? contactDeadline(f.decisionLetterOn) : null,
  };
}
