import { describe, expect, it } from 'vitest';
import { createKeyCache } from './key-cache.ts';

const key = { id: 'k1', orgId: 'o1', name: 'Referral form', role: 'referrer', orgSlug: 'alpha', orgName: 'Alpha Mediation (fictional)' };

describe('the API key cache of the embedded database', () => {
  it('remembers a checked key until its time is up', () => {
    const cache = createKeyCache(60_000);
    cache.set('h1', key, 1_000, cache.generation());
    expect(cache.get('h1', 60_999)).toEqual(key);
    expect(cache.get('h1', 61_000)).toBeUndefined();
    expect(cache.get('h2', 1_000)).toBeUndefined();
  });

  it('forgets every key when one is revoked', () => {
    const cache = createKeyCache(60_000);
    cache.set('h1', key, 0, cache.generation());
    cache.clear();
    expect(cache.get('h1', 1)).toBeUndefined();
  });

  it('does not remember a lookup that began before a revocation and finished after it', () => {
    const cache = createKeyCache(60_000);
    const before = cache.generation();
    cache.clear(); // the revocation commits while the lookup is still on its way back
    cache.set('h1', key, 0, before);
    expect(cache.get('h1', 1)).toBeUndefined();
    cache.set('h1', key, 0, cache.generation());
    expect(cache.get('h1', 1)).toEqual(key);
  });
});
