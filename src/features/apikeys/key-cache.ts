// Remembers recently checked API keys so a busy integration does not cost a lookup per request.
// Only for the embedded database: one PGlite instance belongs to one process, so every revocation
// passes through this cache and clears it at once. On PostgreSQL several app processes share the
// keys table and a revocation on one would not reach the others, so there every request looks the key up.
import type { PGlite } from '@electric-sql/pglite';

export type CachedKey = { id: string; orgId: string; name: string; role: string; orgSlug: string; orgName: string };

const MAX_KEYS = 1000;

export type KeyCache = {
  /** Changes on every clear: a lookup that started before a revocation must not be remembered after it. */
  generation(): number;
  get(hash: string, nowMs: number): CachedKey | undefined;
  set(hash: string, key: CachedKey, nowMs: number, generation: number): void;
  clear(): void;
};

export function createKeyCache(ttlMs: number): KeyCache {
  const entries = new Map<string, { key: CachedKey; until: number }>();
  let generation = 0;
  return {
    generation: () => generation,
    get(hash, nowMs) {
      const hit = entries.get(hash);
      if (!hit) return undefined;
      if (hit.until <= nowMs) {
        entries.delete(hash);
        return undefined;
      }
      return hit.key;
    },
    set(hash, key, nowMs, since) {
      if (since !== generation) return;
      if (entries.size >= MAX_KEYS) entries.clear();
      entries.set(hash, { key, until: nowMs + ttlMs });
    },
    clear() {
      generation += 1;
      entries.clear();
    },
  };
}

const perInstance = new WeakMap<PGlite, KeyCache>();

/** The cache shared by every service on this embedded database (tests may build several on one instance). */
export function keyCacheFor(pglite: PGlite, ttlMs: number): KeyCache {
  let cache = perInstance.get(pglite);
  if (!cache) {
    cache = createKeyCache(ttlMs);
    perInstance.set(pglite, cache);
  }
  return cache;
}
