// Walks every chain (or one service's) and reports the first row whose hash or place is wrong.
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import { GENESIS_HASH, linkHash, PLATFORM_CHAIN } from './audit-chain.ts';
import { listChains, readChainBatch } from './audit.repo.ts';

export type ChainReport = { chain: string; rows: number; ok: boolean; problem?: string };

export async function verifyAudit(db: Db, onlyOrgId?: string): Promise<ChainReport[]> {
  const heads = await asSystem(db, (tx) => listChains(tx));
  const reports: ChainReport[] = [];
  for (const head of heads) {
    if (onlyOrgId && head.chain !== onlyOrgId) continue;
    reports.push(await verifyChain(db, head));
  }
  return reports;
}

async function verifyChain(db: Db, head: { chain: string; seq: number; hash: string }): Promise<ChainReport> {
  const orgId = head.chain === PLATFORM_CHAIN ? null : head.chain;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  const fail = (problem: string): ChainReport => ({ chain: head.chain, rows, ok: false, problem });
  for (;;) {
    const batch = await asSystem(db, (tx) => readChainBatch(tx, orgId, expectedSeq - 1, 2000));
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.seq !== expectedSeq) return fail(`row ${expectedSeq} is missing (the next row found is ${row.seq}, id ${row.id}): rows were removed`);
      if (row.prevHash !== prevHash) return fail(`row ${row.seq} (id ${row.id}) does not follow row ${row.seq - 1}: the chain was altered`);
      const { id: _id, prevHash: _p, hash, ...link } = row;
      if (linkHash(prevHash, link) !== hash) return fail(`row ${row.seq} (id ${row.id}) does not match its hash: its contents were altered`);
      prevHash = hash;
      expectedSeq++;
      rows++;
    }
  }
  if (rows !== head.seq || prevHash !== head.hash)
    return fail(`the chain ends at row ${rows} but its head records row ${head.seq}: rows were removed from the end`);
  return { chain: head.chain, rows, ok: true };
}
