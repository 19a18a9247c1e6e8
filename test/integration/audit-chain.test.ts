// The audit trail is hash-chained per service: altering or removing any row is detected, naming the row.
import { sql } from '#src/db/orm.ts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { verifyAudit } from '#src/features/audit/audit-verify.ts';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, signIn, twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness | undefined;
let s: Awaited<ReturnType<typeof twoServices>>;

async function fresh() {
  await h?.close();
  h = await startHarness();
  s = await twoServices(h);
  await makeMember(h.deps, s.a.orgId, 'mediator', 'max.mediator@alpha.example');
  await h.deps.apiKeys.createForOrg(s.a.orgId, { name: 'k', role: 'viewer' }, systemActor('test'));
  await signIn(h, s.adminA);
}
beforeEach(fresh);
afterAll(() => h?.close());

type Row = { id: number; seq: number };
const alphaRows = async (): Promise<Row[]> => {
  const result = await h!.deps.db.execute(sql`SELECT id::int AS id, seq::int AS seq FROM audit_events WHERE org_id = ${s.a.orgId} ORDER BY seq`);
  return (result as unknown as { rows: Row[] }).rows;
};

describe('audit verify', () => {
  it('finds every chain intact after normal use', async () => {
    const reports = await verifyAudit(h!.deps.db);
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports.every((r) => r.ok)).toBe(true);
    expect(reports.find((r) => r.chain === s.a.orgId)!.rows).toBeGreaterThanOrEqual(5);
  });

  it('stays one unbroken chain when many changes are audited at once', async () => {
    const before = (await alphaRows()).length;
    const actor = systemActor('test');
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inOrg(h!.deps.db, s.a.orgId, (tx) => h!.deps.audit.record(tx, actor, s.a.orgId, { action: 'test.at_once', entityId: String(i) })),
      ),
    );
    const rows = await alphaRows();
    expect(rows).toHaveLength(before + 12);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect((await verifyAudit(h!.deps.db, s.a.orgId))[0]!.ok).toBe(true);
  });

  it('names the row whose contents were altered', async () => {
    const rows = await alphaRows();
    const target = rows[2]!;
    await h!.deps.db.execute(sql`UPDATE audit_events SET action = 'auth.nothing_to_see' WHERE id = ${target.id}`);
    const report = (await verifyAudit(h!.deps.db)).find((r) => r.chain === s.a.orgId)!;
    expect(report.ok).toBe(false);
    expect(report.problem).toContain(`row ${target.seq} (id ${target.id}) does not match its hash`);
    expect((await verifyAudit(h!.deps.db)).find((r) => r.chain === s.b.orgId)!.ok).toBe(true);
  });

  it('detects a row removed from the middle of the chain', async () => {
    const rows = await alphaRows();
    await h!.deps.db.execute(sql`DELETE FROM audit_events WHERE id = ${rows[1]!.id}`);
    const report = (await verifyAudit(h!.deps.db, s.a.orgId))[0]!;
    expect(report.ok).toBe(false);
    expect(report.problem).toContain(`row ${rows[1]!.seq} is missing`);
  });

  it('detects rows removed from the end of the chain', async () => {
    const rows = await alphaRows();
    await h!.deps.db.execute(sql`DELETE FROM audit_events WHERE id = ${rows.at(-1)!.id}`);
    const report = (await verifyAudit(h!.deps.db, s.a.orgId))[0]!;
    expect(report.problem).toContain('rows were removed from the end');
  });

  it('detects a forged row whose hash was recomputed without its predecessor', async () => {
    const rows = await alphaRows();
    await h!.deps.db.execute(sql`UPDATE audit_events SET prev_hash = repeat('a', 64) WHERE id = ${rows[3]!.id}`);
    const report = (await verifyAudit(h!.deps.db, s.a.orgId))[0]!;
    expect(report.problem).toContain(`row ${rows[3]!.seq} (id ${rows[3]!.id}) does not follow`);
  });
});
