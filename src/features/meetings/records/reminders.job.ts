// Every five minutes: in each service with reminders on (reminderHours > 0), booked meetings starting within that
// many hours get a reminder, with the invitation again, to each participant still invited (not declined, consent
// not withdrawn, still on the case). One reminder per
// meeting time per participant: a meeting moved later is reminded again at its new time. A meeting booked or moved
// inside the window is not reminded: its invitation has just gone.
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { defineJob } from '#src/jobs/job.ts';
import { listParties } from '#src/features/cases/case-reads.ts';
import { findServiceForMail, listServiceIds } from '#src/features/email/mail-recipients.ts';
import { withHomeName } from '../booking/meeting-booking.ts';
import { listCaseMediators } from '../booking/meeting-choices.repo.ts';
import { mailParticipants } from './meeting-events.ts';
import { findMeeting } from './meetings.repo.ts';
import { listMeetingsDueReminder, markReminderSent } from './reminders.repo.ts';

/** Queues the service's reminders now due; returns how many messages were queued. */
export async function queueReminders(tx: Db, orgId: string, now: Date): Promise<number> {
  const service = await findServiceForMail(tx, orgId);
  const hours = service?.policy.reminderHours ?? 0;
  if (!service || hours <= 0) return 0;
  let queued = 0;
  for (const due of await listMeetingsDueReminder(tx, orgId, now, new Date(now.getTime() + hours * 3_600_000))) {
    const m = await findMeeting(tx, orgId, due.caseId, due.id);
    if (!m) continue;
    // Booked or moved inside the reminder window: the invitation it has just had is its reminder.
    const lastInvited = Math.max(m.createdAt.getTime(), ...m.changes.map((c) => Date.parse(c.at)).filter(Number.isFinite));
    if (lastInvited >= m.startsAt.getTime() - hours * 3_600_000) {
      await markReminderSent(tx, orgId, m.id, due.startsAt);
      continue;
    }
    // Not to anyone who declined, a party who has withdrawn consent, or a mediator no longer on the case.
    const parties = await listParties(tx, orgId, m.caseId);
    const withdrawn = new Set(parties.filter((p) => p.consent === 'withdrawn').map((p) => p.id));
    const onCase = new Set((await listCaseMediators(tx, orgId, m.caseId)).map((v) => v.volunteerId));
    const stillInvited = (p: (typeof m.participants)[number]) =>
      p.response !== 'declined' && !(p.partyId && withdrawn.has(p.partyId)) && !(p.volunteerId && !onCase.has(p.volunteerId));
    queued += (await mailParticipants(tx, orgId, service.policy, 'reminder', withHomeName(m, parties), undefined, stillInvited)).emails;
    await markReminderSent(tx, orgId, m.id, due.startsAt);
  }
  return queued;
}

export const meetingRemindersJob = defineJob({
  name: 'meetings.reminders',
  schema: z.object({}),
  async run(_payload, { db, clock }) {
    for (const orgId of await asSystem(db, (tx) => listServiceIds(tx))) await inOrg(db, orgId, (tx) => queueReminders(tx, orgId, clock.now()));
  },
});
