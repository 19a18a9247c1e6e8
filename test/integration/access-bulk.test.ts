// The one access mechanism asked about many records at once: a list of ids comes back as a decision for each, in
// the same few queries however long the list, with the reason for each refusal. Another service's records and ids
// that are not there are refused as not found, exactly as a missing record is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedIds, check, ensure } from '#src/access/access.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import type { AppError } from '#src/lib/app-error.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';

let h: Harness;
let orgId: string;
let admin: OrgActor;
let mediator: OrgActor;
let supervisor: OrgActor;
let mine: string[];
let others: string[];
let elsewhere: string;
let volunteerIds: { own: string; other: string };
const MISSING = '00000000-0000-4000-8000-0000000000ff';

/** The transaction with a count of the queries started on it. */
function counting(tx: Db) {
  const counter = { queries: 0 };
  const proxy = new Proxy(tx, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if ((prop === 'select' || prop === 'selectDistinct') && typeof value === 'function')
        return (...args: unknown[]) => {
          counter.queries++;
          return value.apply(target, args);
        };
      return value;
    },
  });
  return { tx: proxy, counter };
}

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'bulk', 'Bulk Access Mediation (fictional)'));
  const adminMember = await makeMember(h.deps, orgId, 'admin', 'ada.admin@bulk.example', { name: 'Ada Admin' });
  const miaMember = await makeMember(h.deps, orgId, 'mediator', 'mia.mediator@bulk.example', { name: 'Mia Testmediator' });
  const sueMember = await makeMember(h.deps, orgId, 'supervisor', 'sue.supervisor@bulk.example', { name: 'Sue Supervisor' });
  admin = actorFor(orgId, adminMember.userId, 'admin', 'Ada Admin');
  mediator = actorFor(orgId, miaMember.userId, 'mediator', 'Mia Testmediator');
  supervisor = actorFor(orgId, sueMember.userId, 'supervisor', 'Sue Supervisor');
  const vMia = await makeVolunteer(h.deps, orgId, { name: 'Mia Testmediator', userId: miaMember.userId });
  const vCo = await makeVolunteer(h.deps, orgId, { name: 'Colin Comediator' });
  const vOther1 = await makeVolunteer(h.deps, orgId, { name: 'Olga Othervolunteer' });
  const vOther2 = await makeVolunteer(h.deps, orgId, { name: 'Otto Othervolunteer' });
  volunteerIds = { own: vMia, other: vOther1 };
  mine = [];
  others = [];
  for (let i = 0; i < 12; i++) {
    const c = await makeCase(h.deps, orgId, admin, { description: `Case ${i}`, parties: [{ name: `Pat Party${i}` }, { name: `Pip Other${i}` }] });
    const ours = i % 3 === 0;
    await h.deps.assignments.assign(admin, c.caseId, {
      mediatorIds: ours ? [vMia, vCo] : [vOther1, vOther2],
      overrideJustification: 'More cases than usual, to test many at once',
    });
    (ours ? mine : others).push(c.caseId);
  }
  const other = await makeOrg(h.deps, 'bulk-other', 'Other Bulk Mediation (fictional)');
  const otherAdmin = await makeMember(h.deps, other.orgId, 'admin', 'ada.admin@bulk-other.example', { name: 'Ada Otheradmin' });
  elsewhere = (
    await makeCase(h.deps, other.orgId, actorFor(other.orgId, otherAdmin.userId, 'admin', 'Ada Otheradmin'), {
      description: 'Elsewhere',
      parties: [{ name: 'Ezra Elsewhere' }, { name: 'Elsa Elsewhere' }],
    })
  ).caseId;
});
afterAll(() => h?.close());

describe('asking about many cases at once', () => {
  it('answers each id for a mediator: their cases allowed, the rest refused with the reason, unknown ones not found', async () => {
    const ids = [...others, ...mine, MISSING, 'not-an-id', elsewhere];
    const { decisions, queries } = await inOrg(h.deps.db, orgId, async (raw) => {
      const { tx, counter } = counting(raw);
      return { decisions: await check(tx, mediator, 'case', 'view', ids), queries: counter.queries };
    });
    expect(queries).toBe(2);
    expect(ids.filter((id) => decisions.get(id)?.allowed)).toEqual(mine);
    for (const id of others)
      expect(decisions.get(id)).toMatchObject({ allowed: false, reason: 'NOT_ON_CASE', message: 'You are not on the team for this case' });
    for (const id of [MISSING, 'not-an-id', elsewhere])
      expect(decisions.get(id)).toMatchObject({ allowed: false, reason: 'NOT_FOUND', hide: true, message: 'That case was not found' });
  });

  it('takes the same number of queries for one id as for all of them', async () => {
    const count = (ids: string[]) =>
      inOrg(h.deps.db, orgId, async (raw) => {
        const { tx, counter } = counting(raw);
        await check(tx, admin, 'case', 'work', ids);
        return counter.queries;
      });
    expect(await count([mine[0]!])).toBe(await count([...mine, ...others]));
  });

  it('lists the allowed ids in the order asked, per action', async () => {
    const ids = [...others, ...mine];
    await inOrg(h.deps.db, orgId, async (tx) => {
      expect(await allowedIds(tx, admin, 'case', 'work', ids)).toEqual(ids);
      expect(await allowedIds(tx, supervisor, 'case', 'view', ids)).toEqual(ids);
      expect(await allowedIds(tx, supervisor, 'case', 'work', ids)).toEqual([]);
      expect(await allowedIds(tx, mediator, 'case', 'work', ids)).toEqual(mine);
    });
  });

  it('throws one record’s refusal as the pages and API show it: 404 when not there for them, 403 with the reason otherwise', async () => {
    const refusal = (id: string) =>
      inOrg(h.deps.db, orgId, (tx) => ensure(tx, mediator, 'case', 'view', id)).then(
        () => undefined,
        (e: AppError) => [e.status, e.reason, e.message],
      );
    expect(await refusal(mine[0]!)).toBeUndefined();
    expect(await refusal(others[0]!)).toEqual([403, 'NOT_ON_CASE', 'You are not on the team for this case']);
    expect(await refusal(elsewhere)).toEqual([404, undefined, 'That case was not found']);
  });
});

describe('asking about many volunteers at once', () => {
  it('lets a volunteer read only their own hours, and staff by their permission, in one query', async () => {
    const ids = [volunteerIds.other, volunteerIds.own, MISSING];
    await inOrg(h.deps.db, orgId, async (raw) => {
      const { tx, counter } = counting(raw);
      const decisions = await check(tx, mediator, 'volunteer', 'read_hours', ids);
      expect(counter.queries).toBe(1);
      expect(decisions.get(volunteerIds.own)).toEqual({ allowed: true });
      expect(decisions.get(volunteerIds.other)).toMatchObject({ allowed: false, reason: 'NOT_OWN_RECORD' });
      expect(decisions.get(MISSING)).toMatchObject({ allowed: false, hide: true, message: 'Volunteer was not found' });
      expect(await allowedIds(tx, supervisor, 'volunteer', 'read_hours', ids)).toEqual([volunteerIds.other, volunteerIds.own]);
      expect(await allowedIds(tx, supervisor, 'volunteer', 'log_hours', ids)).toEqual([]);
    });
  });
});
