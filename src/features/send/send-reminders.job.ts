// Daily: in each service, every running SEND clock close to falling due, due today or passed is emailed to the case's
// coordinator (the service's coordinators, or its admins, when the case has none) and the mediators on the case; and
// each local authority duty after a signed agreement (reg 42/44) not yet met likewise, as a follow-up to the case team.
// One email per clock (or duty), due date, stage and person, however often the job runs (send-reminders.ts).
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { longDate, londonDate } from '#src/domain/dates-in-words.ts';
import { findServiceForMail, listMembersWithRoles, listServiceIds } from '#src/features/email/mail-recipients.ts';
import { mailSettings } from '#src/features/email/mail-settings.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { activeMediatorContacts } from '#src/features/volunteers/volunteer-reads.ts';
import { defineJob } from '#src/jobs/job.ts';
import { localeOr, msg, translator } from '#src/i18n/i18n.ts';
import { type CertificateFact, caseClocks } from './case-clocks.ts';
import { syncedDuties } from './send-duties.ts';
import { dutyReminderStage, type ReminderStage, reminderKey, reminderStage } from './send-reminders.ts';
import { CLOCK_LABELS } from './send-words.ts';
import { openSendCases } from './send.repo.ts';

type Recipient = { key: string; name: string; email: string; language: string | null };
type Due = { what: string; label: string; due: string; stage: ReminderStage };

const SUBJECTS: Record<ReminderStage, string> = {
  soon: msg('SEND deadline soon on case {reference}: {what}'),
  due: msg('SEND deadline today on case {reference}: {what}'),
  overdue: msg('SEND deadline passed on case {reference}: {what}'),
};
const STAGE_LINES: Record<ReminderStage, string> = {
  soon: msg('falls due on {date}.'),
  due: msg('falls due today, {date}.'),
  overdue: msg('fell due on {date} and is not yet done.'),
};

/** Queues the service's SEND reminders due today; returns how many messages were queued. */
export async function queueSendReminders(tx: Db, orgId: string, now: Date): Promise<number> {
  const { rows, certs } = await openSendCases(tx, orgId);
  if (!rows.length) return 0;
  const today = londonDate(now);
  const byCase = new Map<string, CertificateFact[]>();
  for (const x of certs) byCase.set(x.caseId, [...(byCase.get(x.caseId) ?? []), x]);
  const work: { caseId: string; reference: string; coordinatorId: string | null; due: Due[] }[] = [];
  for (const r of rows) {
    const due: Due[] = [];
    for (const k of caseClocks(r.send, byCase.get(r.send.caseId) ?? [], today)) {
      const stage = reminderStage(k);
      if (stage) due.push({ what: k.kind, label: CLOCK_LABELS[k.kind], due: k.due, stage });
    }
    if (r.send.mediationHeldOn)
      for (const d of await syncedDuties(tx, orgId, r.send.caseId, today, now)) {
        const stage = d.due && d.daysLeft !== null ? dutyReminderStage(d.daysLeft) : null;
        if (stage && d.due) due.push({ what: `duty:${d.termId}`, label: d.what, due: d.due, stage });
      }
    if (due.length) work.push({ caseId: r.send.caseId, reference: r.reference, coordinatorId: r.coordinatorId, due });
  }
  if (!work.length) return 0;
  const service = await findServiceForMail(tx, orgId);
  if (!service) return 0;
  const staff = await listMembersWithRoles(tx, orgId, ['coordinator', 'admin']);
  const coordinators = staff.filter((s) => s.role === 'coordinator');
  const fallback = coordinators.length ? coordinators : staff;
  const mediators = await activeMediatorContacts(
    tx,
    orgId,
    work.map((w) => w.caseId),
  );
  const base = mailSettings().baseUrl;
  let queued = 0;
  for (const w of work) {
    const own = staff.filter((s) => s.userId === w.coordinatorId);
    const team: Recipient[] = [
      ...(own.length ? own : fallback).map((s) => ({ key: s.userId, name: s.name, email: s.email, language: s.language })),
      ...mediators
        .filter((m) => m.caseId === w.caseId && m.email?.trim())
        .map((m) => ({ key: m.volunteerId, name: m.name, email: m.email!.trim(), language: m.language })),
    ];
    const seen = new Set<string>();
    for (const p of team) {
      if (seen.has(p.email.toLowerCase())) continue;
      seen.add(p.email.toLowerCase());
      const locale = localeOr(p.language);
      const t = translator(locale);
      for (const d of w.due) {
        // i18n-dynamic: CLOCK_LABELS are msg() literals; a duty's words are the agreement's own
        const what = d.what.startsWith('duty:') ? t('Local authority duty after the agreement: {what}', { what: d.label }) : t(d.label);
        const date = longDate(d.due, locale);
        const id = await queueEmail(tx, {
          orgId,
          template: 'send_reminder',
          to: p.email,
          toName: p.name,
          caseId: w.caseId,
          // i18n-dynamic: SUBJECTS are msg() literals above
          subject: t(SUBJECTS[d.stage], { reference: w.reference, what }),
          text: t(
            'Dear {name},\n\nOn case {reference} at {service}, this deadline {when}\n\n{what}\n\nSee the case: {link}\n\nPlease do not reply to this email.',
            {
              name: p.name,
              reference: w.reference,
              service: service.name,
              // i18n-dynamic: STAGE_LINES are msg() literals above
              when: t(STAGE_LINES[d.stage], { date }),
              what,
              link: `${base}/cases/${w.caseId}/send`,
            },
          ),
          dedupeKey: reminderKey(w.caseId, d.what, d.due, d.stage, p.key),
          at: now,
        });
        if (id) queued += 1;
      }
    }
  }
  return queued;
}

export const sendRemindersJob = defineJob({
  name: 'send.reminders',
  schema: z.object({}),
  async run(_payload, { db, clock }) {
    for (const orgId of await asSystem(db, (tx) => listServiceIds(tx))) await inOrg(db, orgId, (tx) => queueSendReminders(tx, orgId, clock.now()));
  },
});
