// Searching the case list by a person: newest first from the parties indexes, with filters, paging and other sorts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { asSystem } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase } from '../support/volunteers.ts';

let h: Harness;
let admin: OrgActor;
/** The Quillfeather cases, oldest first, with the status each ends in. */
const found: { id: string; reference: string; status: string }[] = [];
let oldCaseId: string;

beforeAll(async () => {
  h = await startHarness();
  const { orgId } = await makeOrg(h.deps, 'search');
  const member = await makeMember(h.deps, orgId, 'admin', 'ada.admin@search.example', { twoFactor: false });
  admin = actorFor(orgId, member.userId!, 'admin');
  h.clock.current = new Date('2026-01-05T10:00:00Z');
  ({ caseId: oldCaseId } = await makeCase(h.deps, orgId, admin, { description: 'The oldest case', parties: [{ name: 'Ona Olderby' }, { name: 'Pip Plain' }] }));
  for (let i = 0; i < 30; i++) {
    h.clock.advance(3_600_000);
    const { caseId, reference } = await makeCase(h.deps, orgId, admin, {
      description: `Hedge dispute ${i}`,
      parties: [{ name: `Kit${i} Quillfeather`, postcode: 'TN9 1AA' }, { name: `Lou${i} Neighbourly` }],
    });
    let status = 'intake';
    if (i % 3 === 0) {
      await h.deps.cases.transition(admin, caseId, { to: 'withdrawn', reason: 'They sorted it out themselves' });
      status = 'withdrawn';
    }
    found.push({ id: caseId, reference, status });
    h.clock.advance(3_600_000);
    await makeCase(h.deps, orgId, admin, { description: `Unrelated ${i}`, parties: [{ name: `Max${i} Otherfield` }] });
  }
  // A party joins the oldest case long after it opened: the case keeps its place among the results.
  h.clock.advance(3_600_000);
  await h.deps.referrals.createFromPublic(
    orgId,
    { caseType: 'community', description: 'Same hedge, another neighbour', consentToContact: true, parties: [{ name: 'Zed Quillfeather', role: 'party' }] },
    { type: 'anonymous' },
  );
  const referral = (await h.deps.referrals.list(admin, { status: 'new' })).rows.find((r) => r.description === 'Same hedge, another neighbour')!;
  await h.deps.referrals.linkToCase(admin, referral.id, oldCaseId);
});
afterAll(() => h?.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('searching cases by a person', () => {
  it('lists the matching cases newest first, a page at a time, with the party names', async () => {
    const newestFirst = [...found].reverse().map((c) => c.id);
    const first = await h.deps.cases.list(admin, { q: 'quillf' });
    expect(ids(first.rows)).toEqual(newestFirst.slice(0, 25));
    expect(first.hasMore).toBe(true);
    expect(first.rows[0]!.partyNames).toEqual(['Kit29 Quillfeather', 'Lou29 Neighbourly']);
    const second = await h.deps.cases.list(admin, { q: 'Quillf', page: 2 });
    expect(ids(second.rows)).toEqual([...newestFirst.slice(25), oldCaseId]);
    expect(second.hasMore).toBe(false);
    expect(second.rows.at(-1)!.openedAt).toEqual(new Date('2026-01-05T10:00:00Z'));
  });

  it('shows each case’s first four party names, kept as parties are added, renamed, moved and removed', async () => {
    const { orgId } = admin;
    const names = async (q: string) => (await h.deps.cases.list(admin, { q })).rows.map((r) => [r.id, r.partyNames]);
    // A party that joined the oldest case through a referral comes after the two it opened with.
    expect(await names('olderby')).toEqual([[oldCaseId, ['Ona Olderby', 'Pip Plain', 'Zed Quillfeather']]]);
    const { caseId } = await makeCase(h.deps, orgId, admin, {
      description: 'A street party',
      parties: ['Ava Streetly', 'Ben Streetly', 'Cal Streetly', 'Dee Streetly', 'Eve Streetly'].map((name) => ({ name })),
    });
    expect(await names('streetly')).toEqual([[caseId, ['Ava Streetly', 'Ben Streetly', 'Cal Streetly', 'Dee Streetly']]]);
    const run = (statement: ReturnType<typeof sql>) => asSystem(h.deps.db, (tx) => tx.execute(statement));
    await run(sql`UPDATE parties SET name = 'Bea Streetly', name_norm = 'bea streetly' WHERE case_id = ${caseId} AND name = 'Ben Streetly'`);
    await run(sql`UPDATE parties SET consent = 'given' WHERE case_id = ${caseId}`);
    expect(await names('streetly')).toEqual([[caseId, ['Ava Streetly', 'Bea Streetly', 'Cal Streetly', 'Dee Streetly']]]);
    await run(sql`DELETE FROM parties WHERE case_id = ${caseId} AND name = 'Ava Streetly'`);
    expect(await names('streetly')).toEqual([[caseId, ['Bea Streetly', 'Cal Streetly', 'Dee Streetly', 'Eve Streetly']]]);
    // Moving a party to another case changes both.
    await run(sql`UPDATE parties SET case_id = ${oldCaseId} WHERE case_id = ${caseId} AND name = 'Eve Streetly'`);
    expect(await names('olderby')).toEqual([[oldCaseId, ['Ona Olderby', 'Pip Plain', 'Zed Quillfeather', 'Eve Streetly']]]);
    expect((await names('streetly')).find(([id]) => id === caseId)).toEqual([caseId, ['Bea Streetly', 'Cal Streetly', 'Dee Streetly']]);
    await run(sql`UPDATE parties SET case_id = ${caseId} WHERE name = 'Eve Streetly'`);
  });

  it('keeps to the other filters and the oldest-first order', async () => {
    const withdrawn = await h.deps.cases.list(admin, { q: 'quillfeather', status: 'withdrawn' });
    expect(ids(withdrawn.rows)).toEqual(
      found
        .filter((c) => c.status === 'withdrawn')
        .reverse()
        .map((c) => c.id),
    );
    const oldest = await h.deps.cases.list(admin, { q: 'quillfeather', status: 'intake', sort: 'opened_asc' });
    expect(ids(oldest.rows)).toEqual([oldCaseId, ...found.filter((c) => c.status === 'intake').map((c) => c.id)]);
  });

  it('sorts by reference when asked, and finds by first name, postcode and nobody', async () => {
    const byReference = await h.deps.cases.list(admin, { q: 'quillfeather', sort: 'reference', status: 'withdrawn' });
    expect(byReference.rows.map((r) => r.reference)).toEqual(
      found
        .filter((c) => c.status === 'withdrawn')
        .map((c) => c.reference)
        .sort(),
    );
    expect(ids((await h.deps.cases.list(admin, { q: 'Kit7' })).rows)).toEqual([found[7]!.id]);
    expect((await h.deps.cases.list(admin, { q: 'TN9 1AA' })).rows).toHaveLength(25);
    expect((await h.deps.cases.list(admin, { q: 'Nobodyhere' })).rows).toEqual([]);
  });

  it('sorts every match when the newest few do not fill the page', async () => {
    // 150 people called Toppile on the newest case, which the filter leaves out, and one on an older case it keeps:
    // the newest matches sorted first are all on the newest case, so the page is filled from all of them.
    const { orgId } = admin;
    h.clock.advance(3_600_000);
    const { caseId: older } = await makeCase(h.deps, orgId, admin, { description: 'An older one', parties: [{ name: 'Ida Toppile' }] });
    await h.deps.cases.transition(admin, older, { to: 'withdrawn', reason: 'They moved away' });
    h.clock.advance(3_600_000);
    const { caseId: newer } = await makeCase(h.deps, orgId, admin, { description: 'A big family', parties: [{ name: 'Ned Toppile' }] });
    await asSystem(h.deps.db, (tx) =>
      tx.execute(sql`INSERT INTO parties (id, org_id, case_id, name, role, name_norm, created_at)
        SELECT gen_random_uuid(), ${orgId}, ${newer}, 'Guest' || g || ' Toppile', 'party', 'guest' || g || ' toppile', now() FROM generate_series(1, 150) g`),
    );
    expect(ids((await h.deps.cases.list(admin, { q: 'toppile', status: 'withdrawn' })).rows)).toEqual([older]);
    expect(ids((await h.deps.cases.list(admin, { q: 'toppile' })).rows)).toEqual([newer, older]);
    expect(ids((await h.deps.cases.list(admin, { q: 'toppile', sort: 'opened_asc', status: 'intake' })).rows)).toEqual([newer]);
  });

  it('walks the cases instead when a name matches more people than it is worth sorting', async () => {
    // 1,100 people called Manyfold on one case (far more than the 1,000 the sorted path reads), and one on another.
    const { orgId } = admin;
    const { caseId: crowded } = await makeCase(h.deps, orgId, admin, { description: 'A crowded meeting', parties: [{ name: 'Ann Manyfold' }] });
    h.clock.advance(3_600_000);
    const { caseId: single } = await makeCase(h.deps, orgId, admin, { description: 'A quiet one', parties: [{ name: 'Bea Manyfold' }] });
    await asSystem(h.deps.db, (tx) =>
      tx.execute(sql`INSERT INTO parties (id, org_id, case_id, name, role, name_norm, created_at)
        SELECT gen_random_uuid(), ${orgId}, ${crowded}, 'Guest' || g || ' Manyfold', 'party', 'guest' || g || ' manyfold', now() FROM generate_series(1, 1100) g`),
    );
    expect(ids((await h.deps.cases.list(admin, { q: 'manyfold' })).rows)).toEqual([single, crowded]);
    expect(ids((await h.deps.cases.list(admin, { q: 'manyfold', sort: 'opened_asc' })).rows)).toEqual([crowded, single]);
    expect((await h.deps.cases.list(admin, { q: 'manyfold', status: 'withdrawn' })).rows).toEqual([]);
  });
});
