// Daily: in each service, DBS rechecks coming due (the service's alert days: 60, 30 and 7 by default), overdue or
// needing review are emailed to the coordinators (the admins when there are none) and to the volunteer. Each alert
// goes once per threshold per due date (dbs-alert-rule.ts), however often the job runs.
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { defineJob } from '#src/jobs/job.ts';
import { localeOr, translator } from '#src/i18n/i18n.ts';
import { todayOf } from '#src/features/volunteers/calendar.ts';
import { listVolunteersWithLatestDbs } from '#src/features/volunteers/dbs/dbs.repo.ts';
import { dbsStanding } from '#src/features/volunteers/dbs/dbs-status.ts';
import { volunteerPolicyOf } from '#src/features/volunteers/records/my-volunteer.ts';
import { dbsAlertFor, dbsAlertKey } from './dbs-alert-rule.ts';
import { contactInWords } from '#src/features/email/mail-words.ts';
import { mailSettings } from '#src/features/email/mail-settings.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { findServiceForMail, listMembersWithRoles, listServiceIds, listVolunteerContacts } from '#src/features/email/mail-recipients.ts';
import { renderEmail } from '#src/features/email/templates.ts';

/** Queues the service's DBS alerts due today; returns how many new messages were queued. */
export async function queueDbsAlerts(tx: Db, orgId: string, today: string, at: Date): Promise<number> {
  const policy = await volunteerPolicyOf(tx, orgId);
  const alerts = (await listVolunteersWithLatestDbs(tx, orgId))
    .map((v) => {
      const standing = dbsStanding(v.issuedOn ? { issuedOn: v.issuedOn, statusChecks: v.statusChecks ?? [] } : null, policy, today);
      return { v, standing, alert: dbsAlertFor(standing) };
    })
    .filter((x) => x.alert !== null);
  if (alerts.length === 0) return 0;
  const service = await findServiceForMail(tx, orgId);
  if (!service) return 0;
  const coordinators = await listMembersWithRoles(tx, orgId, ['coordinator']);
  const staff = coordinators.length > 0 ? coordinators : await listMembersWithRoles(tx, orgId, ['admin']);
  const contacts = new Map(
    (
      await listVolunteerContacts(
        tx,
        orgId,
        alerts.map((x) => x.v.id),
      )
    ).map((c) => [c.id, c]),
  );
  const base = mailSettings().baseUrl;
  let queued = 0;
  for (const { v, standing, alert } of alerts) {
    if (!alert) continue;
    const contact = contacts.get(v.id);
    const own = contact?.email?.trim();
    const recipients = [
      ...staff.map((s) => ({ key: s.userId, name: s.name, email: s.email, link: `${base}/volunteers/${v.id}/dbs`, language: s.language })),
      ...(own && !staff.some((s) => s.email.toLowerCase() === own.toLowerCase())
        ? [{ key: 'volunteer', name: v.name, email: own, link: `${base}/my/training`, language: contact?.language }]
        : []),
    ];
    for (const r of recipients) {
      // Each in their own language (the built-in wording; a service's own wording is used as it is).
      const locale = localeOr(r.language);
      const worded = locale === 'en' ? alert : (dbsAlertFor(standing, locale) ?? alert);
      const values = {
        recipientName: r.name,
        volunteerName: v.name,
        service: service.name,
        contact: contactInWords(service, translator(locale)),
        link: r.link,
        ...worded,
      };
      const mail = renderEmail('dbs_alert', values, service.policy.emailTemplates, locale);
      const id = await queueEmail(tx, { orgId, template: 'dbs_alert', to: r.email, toName: r.name, ...mail, dedupeKey: dbsAlertKey(v.id, alert, r.key), at });
      if (id) queued += 1;
    }
  }
  return queued;
}

export const dbsAlertsJob = defineJob({
  name: 'email.dbs-alerts',
  schema: z.object({}),
  async run(_payload, { db, clock }) {
    const today = todayOf(clock);
    for (const orgId of await asSystem(db, (tx) => listServiceIds(tx))) await inOrg(db, orgId, (tx) => queueDbsAlerts(tx, orgId, today, clock.now()));
  },
});
