// The reminder job's two queries on meetings: which booked meetings start soon and have no reminder for their
// current time, and marking a reminder sent for that time (so a meeting moved later gets a new one).
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, gt, isNull, lte, ne, or } from '#src/db/orm.ts';
import { meetings } from '#src/db/schema/meetings.ts';

export async function listMeetingsDueReminder(tx: Db, orgId: string, now: Date, until: Date) {
  return tx
    .select({ id: meetings.id, caseId: meetings.caseId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.orgId, orgId),
        eq(meetings.status, 'booked'),
        gt(meetings.startsAt, now),
        lte(meetings.startsAt, until),
        or(isNull(meetings.reminderSentFor), ne(meetings.reminderSentFor, meetings.startsAt)),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(1000);
}

/** Records the reminder for this start time, unless the meeting has moved since it was read. */
export async function markReminderSent(tx: Db, orgId: string, meetingId: string, startsAt: Date) {
  await tx
    .update(meetings)
    .set({ reminderSentFor: startsAt })
    .where(and(eq(meetings.orgId, orgId), eq(meetings.id, meetingId), eq(meetings.startsAt, startsAt)));
}
