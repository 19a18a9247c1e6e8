// Paging through referrals made in the same instant: every referral appears on exactly one page. A referral
// partner's system reads its referrals' status this way, and the kill -9 benchmark counts writes this way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
let key: string;
const MADE = 150; // three pages of 50

beforeAll(async () => {
  h = await startHarness();
  const org = await makeOrg(h.deps, 'tie', 'Tied Clock Mediation (fictional)');
  key = (await h.deps.apiKeys.createForOrg(org.orgId, { name: 'coordination', role: 'coordinator' }, systemActor('test'))).key;
  for (let n = 0; n < MADE; n++) {
    if (n % 3 === 0) h.clock.advance(1); // three referrals in each millisecond, as under load
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/referrals',
      headers: { authorization: `Bearer ${key}` },
      payload: {
        caseType: 'community',
        description: `Paging referral ${n}`,
        consentToContact: true,
        personAgreed: true,
        parties: [{ name: `Pat Page ${n}`, role: 'party' }],
        referrer: { organisation: 'Paging Housing (fictional)', role: 'Housing officer', name: 'Pam Page', email: 'pam.page@paging.example' },
      },
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => h?.close());

describe('paging through referrals', () => {
  it('shows each referral once across the pages, even when they were made in the same millisecond', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await h.app.inject({ method: 'GET', url: `/api/v1/referrals?page=${page}`, headers: { authorization: `Bearer ${key}` } });
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(MADE);
      seen.push(...res.json().referrals.map((r: { reference: string }) => r.reference));
    }
    expect(seen).toHaveLength(MADE);
    expect(new Set(seen).size).toBe(MADE);
  });
});
