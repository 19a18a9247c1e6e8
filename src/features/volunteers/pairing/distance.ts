// Pure: how far a volunteer lives from where a case meets — great-circle miles between two points, or, when a point
// is not known, whether the two postcodes share a district (the outward code, "TN9" of "TN9 1AA").
import { type Translate, translator } from '#src/i18n/i18n.ts';
import type { Place } from './pairing.types.ts';

const EARTH_RADIUS_MILES = 3958.8;
const RADIANS = Math.PI / 180;

/** Haversine distance in miles. */
export function milesBetween(a: Place, b: Place): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLng = (b.lng - a.lng) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

const compact = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

/** The outward code of a postcode ("TN91AA" → "TN9"), or null when it is too short to be one. */
export function postcodeDistrict(postcode: string | null): string | null {
  if (!postcode) return null;
  const c = compact(postcode);
  return c.length >= 5 ? c.slice(0, -3) : null;
}

/** A compact postcode as it is written: "TN91AA" → "TN9 1AA". */
export function spacedPostcode(postcode: string): string {
  const c = compact(postcode);
  return c.length >= 5 ? `${c.slice(0, -3)} ${c.slice(-3)}` : c;
}

export type Distance =
  | { kind: 'miles'; miles: number }
  /** Same postcode district, no coordinates. */
  | { kind: 'near' }
  | { kind: 'unknown' };

export function distanceBetween(home: Place | null, homePostcode: string | null, place: Place | null, placePostcode: string | null): Distance {
  if (home && place) return { kind: 'miles', miles: milesBetween(home, place) };
  const from = postcodeDistrict(homePostcode);
  if (from && from === postcodeDistrict(placePostcode)) return { kind: 'near' };
  return { kind: 'unknown' };
}

/** "12 miles", or "10.4 miles" when rounding would hide that it is past a limit. */
const ENGLISH = translator('en');

export function milesInWords(miles: number, limit?: number, t: Translate = ENGLISH): string {
  const whole = Math.round(miles);
  const shown = limit !== undefined && miles > limit && whole <= limit ? miles.toFixed(1) : String(whole);
  return t('{shown} {one, select, yes {mile} other {miles}}', { shown, one: shown === '1' ? 'yes' : 'no' });
}
