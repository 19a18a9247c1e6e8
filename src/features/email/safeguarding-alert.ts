// A safeguarding disclosure, told to the people who must act on it: one email to each active safeguarding lead of
// the service (its admins when it has none), queued in the transaction that recorded the disclosure. The email
// says only that a disclosure was recorded on which case, and asks them to sign in: never what was disclosed, who
// disclosed it or anyone's name or address.
import type { Db } from '#src/db/client.ts';
import { localeOr, translator } from '#src/i18n/i18n.ts';
import { mailSettings } from './mail-settings.ts';
import { queueEmail } from './outbox.ts';
import { caseReferenceOf } from './outbox.repo.ts';
import { findServiceForMail, listMembersWithRoles, type StaffRecipient } from './recipients.repo.ts';
import { contactInWords, momentInWords } from './mail-words.ts';
import { renderEmail } from './templates.ts';

export type DisclosureAlert = { orgId: string; caseId: string; safeguardingId: string; at: Date };

/** Who is told: the safeguarding leads, or the admins when the service has no lead. */
export async function safeguardingRecipients(tx: Db, orgId: string): Promise<StaffRecipient[]> {
  const leads = await listMembersWithRoles(tx, orgId, ['safeguarding_lead']);
  return leads.length > 0 ? leads : listMembersWithRoles(tx, orgId, ['admin']);
}

/** Queues the alerts; returns how many. */
export async function queueSafeguardingAlerts(tx: Db, alert: DisclosureAlert): Promise<number> {
  const service = await findServiceForMail(tx, alert.orgId);
  if (!service) return 0;
  const reference = await caseReferenceOf(tx, alert.orgId, alert.caseId);
  const link = `${mailSettings().baseUrl}/safeguarding`;
  let queued = 0;
  for (const person of await safeguardingRecipients(tx, alert.orgId)) {
    // Each in their own language (the built-in wording; a service's own wording is used as it is).
    const locale = localeOr(person.language);
    const t = translator(locale);
    const mail = renderEmail(
      'safeguarding_alert',
      {
        recipientName: person.name,
        service: service.name,
        caseReference: reference ?? t('a case'),
        when: momentInWords(alert.at, { locale }),
        link,
        contact: contactInWords(service, t),
      },
      service.policy.emailTemplates,
      locale,
    );
    const id = await queueEmail(tx, {
      orgId: alert.orgId,
      template: 'safeguarding_alert',
      to: person.email,
      toName: person.name,
      ...mail,
      caseId: alert.caseId,
      dedupeKey: `safeguarding:${alert.safeguardingId}:${person.userId}`,
      at: alert.at,
    });
    if (id) queued += 1;
  }
  return queued;
}
