// Pure: taking other people's details out of what a person is given in answer to a subject access request
// (rules.md #55: third-party data is redacted). Every piece of text in the answer goes through one redactor built
// from the other people on the person's cases: their full names and each part of their names (except a part the
// person shares, such as a family name: that is the person's own data too), their email addresses, phone numbers
// in any spacing, postcodes with or without the space, addresses and each line of them (except a line the person's
// own address shares, such as the town), and their safe contacts.
import { normPhone } from '#src/lib/normalise.ts';

export const REDACTED = '[redacted]';

export type ThirdParty = {
  name: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  postcode?: string | null;
  safeContact?: string | null;
};

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (name: string) =>
  name
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length >= 2);

/** A phone number in any spacing or punctuation, national or with +44. */
function phonePattern(phone: string): string | undefined {
  const national = normPhone(phone);
  if (!national) return undefined;
  const gap = '[\\s().-]*';
  const body = national.slice(1).split('').join(gap);
  return `(?:0|\\+44${gap}(?:\\(0\\))?)${gap}${body}`;
}

const addressLines = (address: string | null | undefined) => (address?.split(/[\n,]+/) ?? []).map((line) => line.trim()).filter((line) => line.length >= 4);

/** Returns a function that redacts these people's details from a text, keeping the subject's own name parts and address lines. */
export function makeRedactor(others: ThirdParty[], subjectNames: string[], subjectAddresses: (string | null)[] = []): (text: string) => string {
  const own = new Set(subjectNames.flatMap(words).map((w) => w.toLowerCase()));
  const ownLines = new Set(subjectAddresses.flatMap(addressLines).map((l) => l.toLowerCase()));
  const literal = new Set<string>();
  const nameParts = new Set<string>();
  const patterns: string[] = [];
  for (const p of others) {
    if (p.name.trim()) literal.add(p.name.trim());
    for (const w of words(p.name)) if (!own.has(w.toLowerCase())) nameParts.add(w);
    for (const value of [p.email, p.safeContact, p.address]) if (value?.trim()) literal.add(value.trim());
    for (const line of addressLines(p.address)) if (!ownLines.has(line.toLowerCase())) literal.add(line);
    if (p.phone) {
      const pattern = phonePattern(p.phone);
      if (pattern) patterns.push(pattern);
    }
    if (p.postcode?.trim()) {
      const compact = p.postcode.replace(/\s+/g, '');
      patterns.push(compact.split('').map(escapeRegex).join('\\s*'));
    }
  }
  // Longest first, so a full name goes as one before its parts.
  const alternatives = [
    ...[...literal].sort((a, b) => b.length - a.length).map(escapeRegex),
    ...patterns,
    ...[...nameParts].sort((a, b) => b.length - a.length).map((w) => `(?<![\\p{L}\\p{N}])${escapeRegex(w)}(?![\\p{L}\\p{N}])`),
  ];
  if (!alternatives.length) return (text) => text;
  const re = new RegExp(alternatives.join('|'), 'giu');
  return (text) => text.replace(re, REDACTED);
}

/** Every string in a value (objects and arrays walked), redacted; dates and numbers as they are. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}
