// Normal forms for matching people across referrals and cases (duplicates, search).
import { parse as parsePostcodeLib } from 'postcode';

export const normName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** UK numbers to their national form: "+44 7700 900123" and "07700900123" match. */
export function normPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  digits = digits.replace(/\D/g, '');
  return digits.length >= 6 ? digits : null;
}

export const normEmail = (email: string | null | undefined) => (email ? email.trim().toLowerCase() || null : null);

export type ParsedPostcode = { normalised: string; compact: string; area: string; district: string; sector: string };

/** A UK postcode in its parts, or undefined when it is not one. */
export function parsePostcode(input: string | null | undefined): ParsedPostcode | undefined {
  if (!input) return undefined;
  const p = parsePostcodeLib(input.trim());
  if (!p.valid) return undefined;
  return { normalised: p.postcode, compact: p.postcode.replace(' ', ''), area: p.area, district: p.district, sector: p.sector };
}

export const normPostcode = (input: string | null | undefined) => parsePostcode(input)?.compact ?? null;

/** The keys a person is matched by: name, phone, email, postcode. */
export function matchKeys(people: { name?: string; phone?: string | null; email?: string | null; postcode?: string | null }[]): string[] {
  const keys = new Set<string>();
  for (const p of people) {
    if (p.name && normName(p.name).length >= 3) keys.add(`n:${normName(p.name)}`);
    const phone = normPhone(p.phone);
    if (phone) keys.add(`t:${phone}`);
    const email = normEmail(p.email);
    if (email) keys.add(`e:${email}`);
    const postcode = normPostcode(p.postcode);
    if (postcode) keys.add(`p:${postcode}`);
  }
  return [...keys];
}
