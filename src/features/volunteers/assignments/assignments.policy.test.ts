// Signing off a supervised case: only the trainee's supervisor, and only once the case has had its joint meeting or
// shuttle sessions.
import { describe, expect, it } from 'vitest';
import type { OrgActor } from '#src/access/actor.ts';
import { signOffRefusal } from './assignments.policy.ts';

const actor = (id: string, role: OrgActor['role']): OrgActor => ({ type: 'user', id, orgId: 'o', orgSlug: 's', orgName: 'Test Service', role, label: id });
const supervisor = actor('u-supervisor', 'supervisor');
const supervised = { supervised: true, signedOffAt: null, supervisorUserId: 'u-supervisor' };
const held = { sessionsHeld: 1 };

describe('signing off a supervised case', () => {
  it('the supervisor may, once a joint meeting or shuttle session has been held', () => {
    expect(signOffRefusal(supervisor, supervised, held)).toBeNull();
  });

  it('not before the case has had its joint meeting or shuttle sessions', () => {
    expect(signOffRefusal(supervisor, supervised, { sessionsHeld: 0 })).toBe(
      'A supervised case can be signed off once it has had its joint meeting or shuttle sessions',
    );
  });

  it.each(['coordinator', 'admin', 'supervisor'] as const)('not a %s who is not the trainee’s supervisor', (role) => {
    expect(signOffRefusal(actor('u-other', role), supervised, held)).toBe('Only the trainee’s supervisor can sign off a supervised case');
  });

  it('not an API key, even one of the supervisor’s service', () => {
    expect(signOffRefusal({ ...supervisor, type: 'api_key' }, supervised, held)).not.toBeNull();
  });

  it('says to record a supervisor when the trainee has none', () => {
    expect(signOffRefusal(actor('u-admin', 'admin'), { ...supervised, supervisorUserId: null }, held)).toMatch(/no supervisor recorded/);
  });

  it('only a supervised case, and only once', () => {
    expect(signOffRefusal(supervisor, { ...supervised, supervised: false }, held)).toMatch(/not a supervised case/);
    expect(signOffRefusal(supervisor, { ...supervised, signedOffAt: new Date() }, held)).toMatch(/already been signed off/);
  });
});
