// Every policy, every role, every action: who may, and the reason code when not. Pure (no database): the facts are
// given, as the bulk look-up in facts.repo.ts would read them.
import { describe, expect, it } from 'vitest';
import type { OrgActor, Role } from '#src/access/actor.ts';
import { type FactsOf, judge, may, type RecordAction, type RecordKind } from './access.ts';
import { type Decision, refusalError, refusalText } from './decision.ts';
import { subjectOf } from './subjects.ts';

const ME = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const KEY = '00000000-0000-4000-8000-00000000000c';

type Who = Exclude<Role, 'referrer'> | 'mediator key' | 'referrer key';
const WHO: Who[] = ['admin', 'coordinator', 'supervisor', 'mediator', 'safeguarding_lead', 'viewer', 'commissioner', 'mediator key', 'referrer key'];

function actorFor(who: Who): OrgActor {
  const base = { orgId: 'o', orgSlug: 's', orgName: 'Test Service', label: who };
  if (who === 'referrer key') return { ...base, type: 'api_key', id: KEY, role: 'referrer' };
  if (who === 'mediator key') return { ...base, type: 'api_key', id: KEY, role: 'mediator' };
  return { ...base, type: 'user', id: ME, role: who };
}

/** ✓ when allowed, 404 when hidden, otherwise the reason code. */
const outcome = (d: Decision) => (d.allowed ? '✓' : d.hide ? '404' : d.reason);

/** One row per asker, one column per action: the expected outcome. */
function table<K extends RecordKind>(kind: K, facts: FactsOf[K], expected: Record<Who, Partial<Record<RecordAction<K>, string>>>, now?: Date) {
  for (const who of WHO)
    for (const [action, want] of Object.entries(expected[who]) as [RecordAction<K>, string][])
      it(`${kind} ${action}: ${who} → ${want}`, () => expect(outcome(judge(actorFor(who), kind, action, facts, now))).toBe(want));
}

describe('who is asking', () => {
  it('sorts actors into kinds: one place a new kind plugs in', () => {
    expect(subjectOf(actorFor('mediator')).kind).toBe('volunteer');
    expect(subjectOf(actorFor('coordinator')).kind).toBe('staff');
    expect(subjectOf(actorFor('mediator key'))).toEqual({ kind: 'staff', role: 'mediator', userId: null });
    expect(subjectOf(actorFor('referrer key'))).toEqual({ kind: 'referrer', role: 'referrer', keyId: KEY });
  });
});

describe('case policy', () => {
  const V = 'view';
  const W = 'work';
  describe('a case the asker is not on', () => {
    table(
      'case',
      { coordinatorId: OTHER, teamUserIds: [OTHER], referredByKeyIds: [] },
      {
        admin: { [V]: '✓', [W]: '✓' },
        coordinator: { [V]: '✓', [W]: '✓' },
        supervisor: { [V]: '✓', [W]: 'NOT_ON_CASE' },
        safeguarding_lead: { [V]: '✓', [W]: 'NOT_ON_CASE' },
        mediator: { [V]: 'NOT_ON_CASE', [W]: 'NOT_ON_CASE' },
        viewer: { [V]: '✓', [W]: 'NOT_ON_CASE' },
        commissioner: { [V]: 'ROLE_NOT_ALLOWED', [W]: 'ROLE_NOT_ALLOWED' },
        'mediator key': { [V]: 'NOT_ON_CASE', [W]: 'NOT_ON_CASE' },
        'referrer key': { [V]: '404', [W]: '404' },
      },
    );
  });
  describe('a case the asker is on the team of (or whose referral it came from)', () => {
    table(
      'case',
      { coordinatorId: OTHER, teamUserIds: [ME], referredByKeyIds: [KEY] },
      {
        admin: { [V]: '✓', [W]: '✓' },
        coordinator: { [V]: '✓', [W]: '✓' },
        supervisor: { [V]: '✓', [W]: 'NOT_ON_CASE' },
        safeguarding_lead: { [V]: '✓', [W]: 'NOT_ON_CASE' },
        mediator: { [V]: '✓', [W]: '✓' },
        viewer: { [V]: '✓', [W]: 'NOT_ON_CASE' },
        commissioner: { [V]: 'ROLE_NOT_ALLOWED', [W]: 'ROLE_NOT_ALLOWED' },
        'mediator key': { [V]: 'NOT_ON_CASE', [W]: 'NOT_ON_CASE' },
        'referrer key': { [V]: '✓', [W]: '✓' },
      },
    );
  });
  it('a coordinator of the case who is a mediator sees it but records work only when on the team', () => {
    const facts = { coordinatorId: ME, teamUserIds: [], referredByKeyIds: [] };
    expect(outcome(judge(actorFor('mediator'), 'case', 'view', facts))).toBe('✓');
    expect(outcome(judge(actorFor('mediator'), 'case', 'work', facts))).toBe('NOT_ON_CASE');
  });

  const general = {
    admin: ['✓', '✓', '✓', '✓', '✓'],
    coordinator: ['✓', '✓', '✓', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
    supervisor: ['✓', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
    safeguarding_lead: ['✓', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', '✓', '✓'],
    mediator: ['ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
    viewer: ['✓', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
    commissioner: ['ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
    'mediator key': ['ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
    'referrer key': ['ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED', 'ROLE_NOT_ALLOWED'],
  } satisfies Record<Who, string[]>;
  const actions = ['see_all', 'move', 'change_parties', 'read_safeguarding', 'decide_safeguarding'] as const;
  for (const who of WHO)
    actions.forEach((action, i) => {
      it(`case ${action}: ${who} → ${general[who][i]}`, () => expect(outcome(may(actorFor(who), 'case', action))).toBe(general[who][i]));
    });
});

describe('volunteer policy', () => {
  const actions = ['view', 'change_availability', 'read_hours', 'log_hours', 'claim_expenses', 'read_claims', 'accredit', 'change_training'] as const;
  const row = (...outcomes: string[]) => Object.fromEntries(actions.map((a, i) => [a, outcomes[i]!]));
  const R = 'ROLE_NOT_ALLOWED';
  const N = 'NOT_OWN_RECORD';
  const S = 'NOT_SUPERVISOR';
  describe('another volunteer’s record, supervised by someone else', () => {
    table(
      'volunteer',
      { name: 'Val Tester', userId: OTHER, supervisorUserId: OTHER },
      {
        admin: row('✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓'),
        coordinator: row('✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓'),
        supervisor: row('✓', R, '✓', N, N, '✓', S, S),
        safeguarding_lead: row(R, R, N, N, N, N, S, S),
        mediator: row(N, N, N, N, N, N, S, S),
        viewer: row(R, R, N, N, N, N, S, S),
        commissioner: row(R, R, N, N, N, N, S, S),
        'mediator key': row(N, N, N, N, N, N, S, S),
        'referrer key': row(R, R, N, N, N, N, S, S),
      },
    );
  });
  describe('the asker’s own record (and the asker is its supervisor)', () => {
    table(
      'volunteer',
      { name: 'Val Tester', userId: ME, supervisorUserId: ME },
      {
        admin: row('✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓'),
        coordinator: row('✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓'),
        supervisor: row('✓', R, '✓', '✓', '✓', '✓', '✓', '✓'),
        safeguarding_lead: row(R, R, '✓', '✓', '✓', '✓', '✓', S),
        mediator: row('✓', '✓', '✓', '✓', '✓', '✓', '✓', S),
        viewer: row(R, R, '✓', '✓', '✓', '✓', '✓', S),
        commissioner: row(R, R, N, N, N, N, S, S),
        'mediator key': row(N, N, N, N, N, N, S, S),
        'referrer key': row(R, R, N, N, N, N, S, S),
      },
    );
  });
  it('names the volunteer and the permission in its refusals', () => {
    const d = judge(actorFor('supervisor'), 'volunteer', 'accredit', { name: 'Val Tester', userId: OTHER, supervisorUserId: OTHER });
    expect(d.allowed || refusalText(d)).toBe('Only Val Tester’s supervisor, coordinators and admins can accredit them');
    const role = judge(actorFor('viewer'), 'volunteer', 'view', { name: 'Val Tester', userId: OTHER, supervisorUserId: null });
    expect(role.allowed || refusalText(role)).toBe('Only an admin or a case coordinator or a supervisor can see volunteers; you are a viewer.');
  });
  it('looks a volunteer up only for staff who see volunteers, and volunteers', () => {
    expect(WHO.filter((who) => may(actorFor(who), 'volunteer', 'look_up').allowed)).toEqual(['admin', 'coordinator', 'supervisor', 'mediator', 'mediator key']);
  });
});

describe('hours entries and expense claims', () => {
  const now = new Date('2026-03-15T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  describe('deleting one’s own entry within 30 days; others’ and older ones only by coordinators and admins', () => {
    const D = 'DELETE_NOT_ALLOWED';
    for (const [label, facts, expected] of [
      ['own, 30 days old', { ownerUserId: ME, createdAt: daysAgo(30) }, ['✓', '✓', '✓', '✓', '✓', '✓', D, D, D]],
      ['own, 31 days old', { ownerUserId: ME, createdAt: daysAgo(31) }, ['✓', '✓', D, D, D, D, D, D, D]],
      ['someone else’s', { ownerUserId: OTHER, createdAt: daysAgo(1) }, ['✓', '✓', D, D, D, D, D, D, D]],
    ] as const)
      WHO.forEach((who, i) => {
        it(`${label}: ${who} → ${expected[i]}`, () => expect(outcome(judge(actorFor(who), 'hours_entry', 'delete', facts, now))).toBe(expected[i]));
      });
    it('says why, in words', () => {
      const d = judge(actorFor('mediator'), 'hours_entry', 'delete', { ownerUserId: ME, createdAt: daysAgo(31) }, now);
      expect(d.allowed || refusalText(d)).toBe('Entries can only be deleted within 30 days of logging them; ask your coordinator');
    });
  });
  describe('a receipt: the claimant and the people who decide claims', () => {
    table(
      'expense_claim',
      { claimantUserId: OTHER },
      {
        admin: { read_receipt: '✓' },
        coordinator: { read_receipt: '✓' },
        supervisor: { read_receipt: 'NOT_OWN_CLAIM' },
        safeguarding_lead: { read_receipt: 'NOT_OWN_CLAIM' },
        mediator: { read_receipt: 'NOT_OWN_CLAIM' },
        viewer: { read_receipt: 'NOT_OWN_CLAIM' },
        commissioner: { read_receipt: 'NOT_OWN_CLAIM' },
        'mediator key': { read_receipt: 'NOT_OWN_CLAIM' },
        'referrer key': { read_receipt: 'NOT_OWN_CLAIM' },
      },
    );
    it('the claimant, whatever their role', () =>
      expect(judge(actorFor('mediator'), 'expense_claim', 'read_receipt', { claimantUserId: ME }).allowed).toBe(true));
  });
});

describe('assignment policy', () => {
  const supervised = { supervised: true, signedOffAt: null, supervisorUserId: ME, sessionsHeld: 1 };
  it.each(WHO)('%s signs off only as the trainee’s supervisor', (who) => {
    const expected = who === 'mediator key' || who === 'referrer key' || who === 'commissioner' ? 'NOT_SUPERVISOR' : '✓';
    expect(outcome(judge(actorFor(who), 'assignment', 'sign_off', supervised))).toBe(expected);
    expect(outcome(judge(actorFor(who), 'assignment', 'sign_off', { ...supervised, supervisorUserId: OTHER }))).toBe('NOT_SUPERVISOR');
  });
  it('refuses by the record’s state as a conflict', () => {
    const asked = actorFor('supervisor');
    for (const [facts, reason] of [
      [{ ...supervised, supervised: false }, 'NOT_SUPERVISED'],
      [{ ...supervised, signedOffAt: new Date() }, 'ALREADY_SIGNED_OFF'],
      [{ ...supervised, sessionsHeld: 0 }, 'NO_SESSIONS_HELD'],
    ] as const) {
      const d = judge(asked, 'assignment', 'sign_off', facts);
      expect(outcome(d)).toBe(reason);
      expect(d.allowed || refusalError(d).code).toBe('CONFLICT');
    }
    const none = judge(asked, 'assignment', 'sign_off', { ...supervised, supervisorUserId: null });
    expect(none.allowed || refusalText(none)).toMatch(/no supervisor recorded/);
    expect(none.allowed || refusalError(none).code).toBe('FORBIDDEN');
  });
  it.each(WHO)('%s: assigning by role, overriding the pairing rules for admins only', (who) => {
    const assign = ['admin', 'coordinator'].includes(who) ? '✓' : 'ROLE_NOT_ALLOWED';
    expect(outcome(may(actorFor(who), 'assignment', 'assign'))).toBe(assign);
    expect(outcome(may(actorFor(who), 'assignment', 'override_pairing'))).toBe(who === 'admin' ? '✓' : 'OVERRIDE_NOT_ALLOWED');
  });
});

describe('refusals as errors', () => {
  it('hidden records answer 404 as a missing one does; others 403 with the reason', () => {
    const hiddenCase = judge(actorFor('referrer key'), 'case', 'view', { coordinatorId: null, teamUserIds: [], referredByKeyIds: [] });
    expect(hiddenCase.allowed || { code: refusalError(hiddenCase).code, message: refusalError(hiddenCase).message }).toEqual({
      code: 'NOT_FOUND',
      message: 'That case was not found',
    });
    const notOnTeam = judge(actorFor('mediator'), 'case', 'view', { coordinatorId: null, teamUserIds: [], referredByKeyIds: [] });
    const err = notOnTeam.allowed ? undefined : refusalError(notOnTeam);
    expect([err?.code, err?.reason, err?.message]).toEqual(['FORBIDDEN', 'NOT_ON_CASE', 'You are not on the team for this case']);
  });
});
