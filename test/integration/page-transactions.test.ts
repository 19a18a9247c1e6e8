// A page's reads in one transaction (readTogether, src/db/tenant.ts): the staff pages that ask several services for
// their parts open one transaction, not one a service; the services inside keep their checks, audit and row-level
// security, and what they write commits or rolls back with the page.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asSystem, inOrg, readTogether } from '#src/db/tenant.ts';
import { and, eq, sql } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { caseTypes } from '#src/db/schema/case-types.ts';
import type { Db } from '#src/db/client.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { signIn, twoServices } from '../support/factories.ts';
import { actorFor, makeCase } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

const transactionId = async (tx: Db) => String(((await tx.execute(sql`SELECT txid_current() AS id`)) as { rows: { id: unknown }[] }).rows[0]!.id);
const visibleTypeOwners = async (tx: Db) => [...new Set((await tx.select({ orgId: caseTypes.orgId }).from(caseTypes)).map((r) => r.orgId))];

describe('a page’s reads share one transaction', () => {
  let h: Harness;
  let db: Db;
  let a: string;
  let b: string;
  let web: WebClient;
  let caseId: string;
  let referralId: string;

  beforeAll(async () => {
    h = await startHarness();
    db = h.deps.db;
    const services = await twoServices(h);
    a = services.a.orgId;
    b = services.b.orgId;
    web = await signIn(h, services.adminA);
    const admin = actorFor(a, services.adminA.userId, 'admin');
    caseId = (await makeCase(h.deps, a, admin, { description: 'A hedge between two gardens (fictional)', parties: [{ name: 'Ffion Hedgerow' }] })).caseId;
    await h.deps.referrals.createFromPublic(
      a,
      {
        caseType: 'community',
        description: 'Noise from a workshop (fictional)',
        consentToContact: true,
        parties: [{ role: 'party', name: 'Idris Lathe' }],
      } as Parameters<typeof h.deps.referrals.createFromPublic>[1],
      { type: 'anonymous' },
    );
    referralId = (await h.deps.referrals.list(admin, { status: 'new' })).rows[0]!.id;
    // An enquiry, so that the enquiries page also asks for the appointments booked from it.
    await h.deps.publicIntake.createEnquiry(
      a,
      { name: 'Enid Enquirer', email: 'enid@example.org', message: 'Do you cover our street? (fictional)' },
      { type: 'anonymous' },
    );
  });
  afterAll(() => h.close());

  it('the case and referral lists and records, the enquiries, the data-protection queue and the settings page each open one transaction', async () => {
    for (const path of ['/cases', `/cases/${caseId}`, '/referrals', `/referrals/${referralId}`, '/enquiries', '/data-protection', '/settings']) {
      const transactions = vi.spyOn(db, 'transaction');
      try {
        const res = await web.get(path);
        expect(res.statusCode, path).toBe(200);
        expect(transactions, path).toHaveBeenCalledTimes(1);
      } finally {
        transactions.mockRestore();
      }
    }
  });

  it('the case page still audits its view', async () => {
    const views = () =>
      asSystem(db, (tx) =>
        tx
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(and(eq(auditEvents.entityId, caseId), eq(auditEvents.action, 'case.viewed'))),
      );
    const before = (await views()).length;
    await web.get(`/cases/${caseId}`);
    expect((await views()).length).toBe(before + 1);
  });

  it('the enquiries page still lists the enquiry, and the data-protection queue still audits both its views', async () => {
    expect((await web.get('/enquiries')).body).toContain('Enid Enquirer');
    const viewed = () =>
      asSystem(db, (tx) =>
        tx
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(and(eq(auditEvents.orgId, a), sql`${auditEvents.action} IN ('breaches.viewed', 'data_requests.viewed')`)),
      );
    const before = (await viewed()).length;
    expect((await web.get('/data-protection')).statusCode).toBe(200);
    expect((await viewed()).length).toBe(before + 2);
  });

  it('every inOrg for the service inside runs in it; outside, each opens its own', async () => {
    const [first, second] = await readTogether(db, a, async () => [await inOrg(db, a, transactionId), await inOrg(db, a, transactionId)]);
    expect(first).toBe(second);
    const apart = [await inOrg(db, a, transactionId), await inOrg(db, a, transactionId)];
    expect(apart[0]).not.toBe(apart[1]);
  });

  it('work that outlives it opens its own transactions again', async () => {
    let ended!: () => void;
    const pageEnded = new Promise<void>((resolve) => {
      ended = resolve;
    });
    let later: Promise<[string, string[]]> | undefined;
    const inside = await readTogether(db, a, async () => {
      // Started inside, run after the page's transaction has ended.
      later = pageEnded.then(async () => [await inOrg(db, a, transactionId), await asSystem(db, visibleTypeOwners)]);
      return inOrg(db, a, transactionId);
    });
    ended();
    const [after, everyone] = await later!;
    expect(after).not.toBe(inside);
    expect(everyone).toEqual(expect.arrayContaining([a, b]));
  });

  it('keeps row-level security: inside, only the service’s own rows are seen', async () => {
    const owners = await readTogether(db, a, () => inOrg(db, a, visibleTypeOwners));
    expect(owners).toEqual([a]);
  });

  it('what is written inside commits with it, or rolls back with it', async () => {
    const add = (code: string) => inOrg(db, a, (tx) => tx.insert(caseTypes).values({ orgId: a, code, name: `Together ${code}`, kind: 'community' }));
    const failed = await readTogether(db, a, async () => {
      await add('together_rolled_back');
      await inOrg(db, a, async () => {
        throw new Error('the page could not be shown');
      });
    }).catch((err: Error) => err.message);
    expect(failed).toBe('the page could not be shown');
    await readTogether(db, a, () => add('together_kept'));
    const codes = (await inOrg(db, a, (tx) => tx.select({ code: caseTypes.code }).from(caseTypes))).map((r) => r.code);
    expect(codes).toContain('together_kept');
    expect(codes).not.toContain('together_rolled_back');
  });

  it('refuses, inside it, a transaction for another service or as the owner (on the embedded database it would wait for ever)', async () => {
    await expect(readTogether(db, a, () => inOrg(db, b, visibleTypeOwners))).rejects.toThrow(/another service/);
    await expect(readTogether(db, a, () => asSystem(db, visibleTypeOwners))).rejects.toThrow(/owner-role/);
  });
});
