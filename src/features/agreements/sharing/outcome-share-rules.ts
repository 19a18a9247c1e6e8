// Pure: may the outcome go to the referrer? Only when every party taking part said yes; otherwise whose yes is missing.
export type ShareParty = { id: string; name: string };
export type ShareConsent = { partyId: string; consents: boolean };

/** The parties whose yes is missing (not asked, or said no), in the case's order. Empty: the outcome may be shared. */
export function missingShareConsents(parties: ShareParty[], consents: ShareConsent[]): ShareParty[] {
  return parties.filter((p) => consents.find((c) => c.partyId === p.id)?.consents !== true);
}
