// A case's tasks, and a person's open tasks across the service's cases (the home's queue).
import type { Db } from '#src/db/client.ts';
import { prepared } from '#src/db/prepared.ts';
import { type Part, rowsPart } from '#src/db/read-in-one.ts';
import { and, asc, eq, isNull, lt, sql } from '#src/db/orm.ts';
import { cases, tasks } from '#src/db/schema/cases.ts';

export async function insertTask(tx: Db, t: typeof tasks.$inferInsert) {
  await tx.insert(tasks).values(t);
}

export async function listCaseTasks(tx: Db, orgId: string, caseId: string) {
  return tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.caseId, caseId)))
    .orderBy(asc(tasks.doneAt), asc(tasks.dueOn));
}

export async function completeTask(tx: Db, orgId: string, caseId: string, taskId: string, at: Date) {
  const rows = await tx
    .update(tasks)
    .set({ doneAt: at })
    .where(and(eq(tasks.orgId, orgId), eq(tasks.caseId, caseId), eq(tasks.id, taskId), isNull(tasks.doneAt)))
    .returning({ title: tasks.title });
  return rows[0];
}

/** Open tasks assigned to a person, soonest first, with their case reference. */
const taskView = { id: tasks.id, title: tasks.title, dueOn: tasks.dueOn, caseId: tasks.caseId, reference: cases.reference };
const myTasksWith = (db: Db, select = taskView) =>
  db
    .select(select)
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .where(and(eq(tasks.orgId, sql.placeholder('orgId')), eq(tasks.assigneeId, sql.placeholder('userId')), isNull(tasks.doneAt)))
    .orderBy(asc(tasks.dueOn))
    .limit(50);
const myTasks = prepared('tasks_of_assignee', (db) => myTasksWith(db));
type MyTask = Awaited<ReturnType<typeof myTasks>>[number];

/** The person's open tasks (placeholders orgId and userId), read with other parts in one statement (db/read-in-one.ts). */
export const myTasksPart: Part<MyTask[]> = rowsPart(taskView, myTasksWith);

export async function listMyTasks(tx: Db, orgId: string, userId: string) {
  return myTasks(tx, { orgId, userId });
}

export async function countOverdueTasks(tx: Db, orgId: string, userId: string, today: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), eq(tasks.assigneeId, userId), isNull(tasks.doneAt), lt(tasks.dueOn, today)));
  return row?.n ?? 0;
}
