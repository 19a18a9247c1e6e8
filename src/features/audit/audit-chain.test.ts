import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, linkBodyAroundSeq, linkHash, type AuditLink } from './audit-chain.ts';

const link: AuditLink = {
  orgId: '00000000-0000-0000-0000-000000000001',
  seq: 1,
  at: new Date('2026-11-22T09:00:00.123Z'),
  actorType: 'user',
  actorId: 'u1',
  actorLabel: 'Ada',
  action: 'auth.signed_in',
  entityType: 'user',
  entityId: 'u1',
  ip: '127.0.0.1',
  requestId: 'r1',
  detail: { b: 1, a: { d: [1, 2], c: null } },
};

describe('audit chain hashing', () => {
  it('hashes the same text when the database numbers the link (the text around its sequence number)', () => {
    for (const seq of [1, 9, 10, 123456]) {
      const { seq: _, ...unnumbered } = { ...link, detail: { reference: 'CDM-R-2026-0042', zeta: 'é' } };
      const { before, after } = linkBodyAroundSeq(unnumbered);
      const inDatabase = createHash('sha256').update(`${GENESIS_HASH}\n${before}${seq}${after}`).digest('hex');
      expect(inDatabase).toBe(linkHash(GENESIS_HASH, { ...unnumbered, seq }));
    }
  });

  it('does not depend on key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(linkHash(GENESIS_HASH, { ...link, detail: { a: { c: null, d: [1, 2] }, b: 1 } })).toBe(linkHash(GENESIS_HASH, link));
  });

  it('changes when any field or the previous hash changes', () => {
    const base = linkHash(GENESIS_HASH, link);
    const variants: Partial<AuditLink>[] = [
      { seq: 2 },
      { at: new Date('2026-11-22T09:00:00.124Z') },
      { action: 'x' },
      { actorId: 'u2' },
      { ip: null },
      { detail: null },
      { orgId: null },
    ];
    for (const v of variants) expect(linkHash(GENESIS_HASH, { ...link, ...v })).not.toBe(base);
    expect(linkHash('f'.repeat(64), link)).not.toBe(base);
  });
});
