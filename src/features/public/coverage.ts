// Pure: does a service cover a postcode? By its postcode prefixes (area, district, sector) or local authorities.
import type { ParsedPostcode } from '#src/lib/normalise.ts';

export type Areas = { postcodePrefixes: string[]; localAuthorities: string[] };
export type Coverage =
  | { result: 'covered'; postcode: string; localAuthority: string | null; matchedBy: string }
  | { result: 'not_covered'; postcode: string; localAuthority: string | null }
  /** The service cannot answer yet: it has said which areas it covers in no way (no_areas), or it covers local
   * authorities and the postcode → local authority lookup has not been loaded (no_lookup). Never "not covered". */
  | { result: 'not_set_up'; postcode: string; missing: 'no_areas' | 'no_lookup' }
  | { result: 'not_recognised' };

/** `lookupLoaded`: whether any postcode → local authority lookup has been loaded (asked only when it matters). */
export function decideCoverage(postcode: ParsedPostcode | undefined, localAuthority: string | null, areas: Areas, lookupLoaded = true): Coverage {
  if (!postcode) return { result: 'not_recognised' };
  if (!areas.postcodePrefixes.length && !areas.localAuthorities.length) return { result: 'not_set_up', postcode: postcode.normalised, missing: 'no_areas' };
  const candidates = [postcode.sector, postcode.district, postcode.area];
  const prefix = areas.postcodePrefixes.find((p) => candidates.includes(p.toUpperCase().replace(/\s+/g, ' ')));
  if (prefix) return { result: 'covered', postcode: postcode.normalised, localAuthority, matchedBy: `postcode ${prefix}` };
  const la = localAuthority && areas.localAuthorities.find((a) => a.toLowerCase() === localAuthority.toLowerCase());
  if (la) return { result: 'covered', postcode: postcode.normalised, localAuthority, matchedBy: la };
  if (!localAuthority && areas.localAuthorities.length && !lookupLoaded) return { result: 'not_set_up', postcode: postcode.normalised, missing: 'no_lookup' };
  return { result: 'not_covered', postcode: postcode.normalised, localAuthority };
}
