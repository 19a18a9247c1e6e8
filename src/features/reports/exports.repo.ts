// The report exports made in the background (report_exports): asked for, progress, the file. Inside inOrg, but for
// the nightly purge, which runs over every service as the owner (asSystem).
import type { Db } from '#src/db/client.ts';
import { and, eq, isNotNull, lt, ne, or } from '#src/db/orm.ts';
import { reportExports } from '#src/db/schema/reports.ts';

export type ExportRow = typeof reportExports.$inferSelect;

export async function insertExport(tx: Db, row: typeof reportExports.$inferInsert) {
  await tx.insert(reportExports).values(row);
}

export async function findExport(tx: Db, orgId: string, id: string): Promise<ExportRow | undefined> {
  const [row] = await tx
    .select()
    .from(reportExports)
    .where(and(eq(reportExports.orgId, orgId), eq(reportExports.id, id)));
  return row;
}

export async function updateExport(
  tx: Db,
  orgId: string,
  id: string,
  patch: Partial<Pick<ExportRow, 'status' | 'rowsDone' | 'rowsTotal' | 'filename' | 'content' | 'finishedAt'>>,
) {
  await tx
    .update(reportExports)
    .set(patch)
    .where(and(eq(reportExports.orgId, orgId), eq(reportExports.id, id)));
}

/** Every service's exports asked for before `before`: the file goes, the row stays as "expired" (its report and filter). */
export async function expireExports(tx: Db, before: Date): Promise<number> {
  const gone = await tx
    .update(reportExports)
    .set({ status: 'expired', content: null })
    .where(and(lt(reportExports.createdAt, before), or(ne(reportExports.status, 'expired'), isNotNull(reportExports.content))))
    .returning({ id: reportExports.id });
  return gone.length;
}

/** Every service's expired exports asked for before `before`, deleted. */
export async function deleteExports(tx: Db, before: Date): Promise<number> {
  const gone = await tx.delete(reportExports).where(lt(reportExports.createdAt, before)).returning({ id: reportExports.id });
  return gone.length;
}
