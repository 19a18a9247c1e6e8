// Pure: per-party privacy inside one case. What is recorded as private to a party (their contact details, their
// intake notes, events marked private to them) is never shown or exported to another party or their supporter.
// Staff on the case see everything except restricted safeguarding detail (see case.policy.ts).

export type Viewer = { kind: 'staff' } | { kind: 'party'; partyId: string; supportsPartyIds?: string[] };
export type PrivateRecord = { ownerPartyId: string | null; visibility: 'team' | 'restricted' | 'party' };

/** The parties whose private records this viewer may see: their own, and those they support. */
function sidesOf(viewer: Extract<Viewer, { kind: 'party' }>) {
  return new Set([viewer.partyId, ...(viewer.supportsPartyIds ?? [])]);
}

export function canSeeRecord(viewer: Viewer, record: PrivateRecord): boolean {
  if (viewer.kind === 'staff') return record.visibility !== 'restricted';
  if (record.visibility === 'restricted') return false;
  if (record.visibility === 'party') return record.ownerPartyId !== null && sidesOf(viewer).has(record.ownerPartyId);
  // 'team' records that belong to one party (their intake, their contact log) are private to that party too.
  return record.ownerPartyId === null || sidesOf(viewer).has(record.ownerPartyId);
}

export type PartyDetails = {
  id: string;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  safeContact: string | null;
  needs: string | null;
};

/** Another party as a party may see them: name and role only. */
export function presentPartyTo(viewer: Viewer, party: PartyDetails): Partial<PartyDetails> {
  if (viewer.kind === 'staff') return party;
  if (sidesOf(viewer).has(party.id)) return party;
  return { id: party.id, name: party.name, role: party.role };
}
