import { describe, expect, it } from 'vitest';
import { canSeeRecord, presentPartyTo, type Viewer } from './party.policy.ts';

const sam: Viewer = { kind: 'party', partyId: 'sam' };
const samsSupporter: Viewer = { kind: 'party', partyId: 'kit', supportsPartyIds: ['sam'] };
const jo: Viewer = { kind: 'party', partyId: 'jo' };
const staff: Viewer = { kind: 'staff' };

describe('per-party privacy', () => {
  it.each([
    // viewer, owner, visibility, visible?
    [staff, 'sam', 'team', true],
    [staff, 'sam', 'party', true],
    [staff, null, 'restricted', false],
    [sam, 'sam', 'party', true],
    [sam, 'sam', 'team', true],
    [sam, 'jo', 'party', false],
    [sam, 'jo', 'team', false],
    [sam, null, 'team', true],
    [sam, null, 'restricted', false],
    [sam, 'sam', 'restricted', false],
    [samsSupporter, 'sam', 'party', true],
    [samsSupporter, 'jo', 'party', false],
    [samsSupporter, 'jo', 'team', false],
    [jo, 'sam', 'party', false],
    [jo, 'sam', 'team', false],
    [jo, null, 'party', false],
  ] as const)('%o sees a record of %s (%s): %s', (viewer, owner, visibility, expected) => {
    expect(canSeeRecord(viewer, { ownerPartyId: owner, visibility })).toBe(expected);
  });

  it('shows another party only by name and role', () => {
    const party = {
      id: 'jo',
      name: 'Jo Okafor',
      role: 'party',
      email: 'jo@example.org',
      phone: '07700 900001',
      address: '2 Elm Row',
      postcode: 'CT1 1AA',
      safeContact: 'text only',
      needs: 'BSL',
    };
    expect(presentPartyTo(sam, party)).toEqual({ id: 'jo', name: 'Jo Okafor', role: 'party' });
    expect(presentPartyTo(samsSupporter, party)).toEqual({ id: 'jo', name: 'Jo Okafor', role: 'party' });
    expect(presentPartyTo(jo, party)).toEqual(party);
    expect(presentPartyTo(staff, party)).toEqual(party);
  });
});
