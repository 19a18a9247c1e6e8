// The certificate by email: to the parent or young person and the local authority on the case, each only with an email
// address and their consent on record. The outbox carries text (no attachment), so the email states what the
// certificate says that matters for an appeal: its number, kind, date of issue and the date to appeal by.
import type { Db } from '#src/db/client.ts';
import { longDate } from '#src/domain/dates-in-words.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { translator } from '#src/i18n/i18n.ts';
import { CERTIFICATE_KIND_LABELS, type CertificateKind } from './send-words.ts';

const t = translator('en');
const RECIPIENT_ROLES = ['parent', 'young_person', 'local_authority'];

export type CertificateMail = {
  orgId: string;
  serviceName: string;
  caseId: string;
  reference: string;
  number: number;
  kind: string;
  issuedOn: string;
  appealDeadline: string;
  at: Date;
};
type Party = { name: string; role: string; consent: string; email: string | null };

/** Queues one email per recipient with consent on record; returns how many were queued. */
export async function mailCertificate(tx: Db, parties: readonly Party[], c: CertificateMail): Promise<number> {
  let sent = 0;
  for (const p of parties) {
    if (!RECIPIENT_ROLES.includes(p.role) || p.consent !== 'given' || !p.email) continue;
    await queueEmail(tx, {
      orgId: c.orgId,
      template: 'send_certificate',
      to: p.email,
      toName: p.name,
      caseId: c.caseId,
      subject: t('Mediation certificate {number} from {service}', { number: c.number, service: c.serviceName }),
      text: t(
        'Dear {name},\n\n{service} has issued mediation certificate {number} (case {reference}).\n\nKind: {kind}\nDate of issue: {issued}\n\nAn appeal to the First-tier Tribunal (SEND) must be made by {deadline}: the later of two months from the decision letter and one month from this certificate.\n\nAsk {service} for a copy of the certificate as a PDF if you need one for the appeal.\n\nPlease do not reply to this email.',
        {
          name: p.name,
          service: c.serviceName,
          number: c.number,
          reference: c.reference,
          // i18n-dynamic: the labels are msg() literals (send-words.ts)
          kind: t(CERTIFICATE_KIND_LABELS[c.kind as CertificateKind] ?? c.kind),
          issued: longDate(c.issuedOn),
          deadline: longDate(c.appealDeadline),
        },
      ),
      at: c.at,
    });
    sent++;
  }
  return sent;
}
