// Pure: does a service cover a postcode? By its postcode prefixes (area, district, sector) or local authorities.
import type { ParsedPostcode } from '#src/lib/normalise.ts';

export type Areas = { postcodePrefixes: string[]; localAuthorities: string[] };
export type Coverage =
  | { result: 'covered'; postcode: string; localAuthority: string | null; matchedBy: string }
  | { result: 'not_covered'; postcode: string; localAuthority: string | null }
  | { result: 'not_recognised' };

export function decideCoverage(postcode: ParsedPostcode | undefined, localAuthority: string | null, areas: Areas): Coverage {
  if (!postcode) return { result: 'not_recognised' };
  const candidates = [postcode.sector, postcode.district, postcode.area];
  const prefix = areas.postcodePrefixes.find((p) => candidates.includes(p.toUpperCase().replace(/\s+/g, ' ')));
  if (prefix) return { result: 'covered', postcode: postcode.normalised, localAuthority, matchedBy: `postcode ${prefix}` };
  const la = localAuthority && areas.localAuthorities.find((a) => a.toLowerCase() === localAuthority.toLowerCase());
  if (la) return { result: 'covered', postcode: postcode.normalised, localAuthority, matchedBy: la };
  return { result: 'not_covered', postcode: postcode.normalised, localAuthority };
}
