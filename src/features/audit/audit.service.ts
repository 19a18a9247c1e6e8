// Writes audit records inside the caller's transaction, chained per service.
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Actor } from '#src/access/actor.ts';
import { type AuditLink, linkBodyAroundSeq, PLATFORM_CHAIN } from './audit-chain.ts';
import { appendAtHead, createChainHead } from './audit.repo.ts';

export type AuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string;
  detail?: Record<string, unknown>;
};

export type Audit = ReturnType<typeof createAudit>;

export function createAudit({ clock }: { clock: Clock }) {
  return {
    /**
     * Appends one event. `orgId` null writes to the platform chain (no service), which only the owner role can do.
     * Call it with the same transaction as the change it records.
     */
    async record(tx: Db, actor: Actor, orgId: string | null, entry: AuditEntry): Promise<void> {
      const chain = orgId ?? PLATFORM_CHAIN;
      const link: Omit<AuditLink, 'seq'> = {
        orgId,
        at: clock.now(),
        actorType: actor.type,
        actorId: actor.id ?? null,
        actorLabel: actor.label ?? null,
        action: entry.action,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId ?? null,
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
        detail: entry.detail ?? null,
      };
      const body = linkBodyAroundSeq(link);
      if (await appendAtHead(tx, chain, link, body)) return;
      // The chain's first link: make its head, then append.
      await createChainHead(tx, chain);
      if (!(await appendAtHead(tx, chain, link, body))) throw new Error(`audit chain head ${chain} could not be read`);
    },
  };
}
