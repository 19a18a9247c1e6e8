// Pure: how one audit row's hash is made from its contents and the hash before it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
export const PLATFORM_CHAIN = 'platform';

export type AuditLink = {
  orgId: string | null;
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  detail: Record<string, unknown> | null;
};

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function linkHash(prevHash: string, link: AuditLink): string {
  const body = canonicalJson({ ...link, at: link.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * The text a link's hash is made of, around its sequence number, for a link whose number is only known once the
 * chain's head is locked (the database then hashes `prevHash \n before seq after`, as linkHash does). "seq" sorts
 * last of the link's keys, so its value is the last thing in the body.
 */
export function linkBodyAroundSeq(link: Omit<AuditLink, 'seq'>): { before: string; after: string } {
  const withoutSeq = canonicalJson({ ...link, at: link.at.toISOString() });
  return { before: `${withoutSeq.slice(0, -1)},"seq":`, after: '}' };
}
