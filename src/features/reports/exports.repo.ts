// The report exports made in the background (report_exports): asked for, progress, the file. Always inside inOrg.
import type { Db } from '#src/db/client.ts';
import { and, eq } from '#src/db/orm.ts';
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
