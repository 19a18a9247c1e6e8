import { describe, expect, it } from 'vitest';
import { makeRedactor, REDACTED, redactDeep } from './redaction.ts';

const other = {
  name: 'Jordan Fenwick-Oyelaran',
  email: 'Jordan.F@example.test',
  phone: '07700 900456',
  address: '14 Quillfeather Lane, Exampleton',
  postcode: 'ZZ9 9ZZ',
};

describe('redacting other people from a subject access answer (rules.md #55)', () => {
  const redact = makeRedactor([other], ['Alex Fenwick-Oyelaran']);

  it('takes out the other person’s name, its parts, their email, phone in any spacing, postcode and address', () => {
    const text =
      'Jordan Fenwick-Oyelaran rang from 07700900456 (or +44 7700 900 456), wrote from jordan.f@example.test, lives at 14 Quillfeather Lane, ZZ99ZZ. Jordan said no.';
    const out = redact(text);
    for (const gone of ['Jordan', '900456', '900 456', 'jordan.f', 'Quillfeather', 'ZZ99ZZ']) expect(out).not.toContain(gone);
    expect(out).toContain(`${REDACTED} said no`);
  });

  it('keeps the person’s own name, even the part they share with the other person', () => {
    expect(redact('Alex Fenwick-Oyelaran agreed')).toBe('Alex Fenwick-Oyelaran agreed');
  });

  it('keeps a line of an address the person’s own address shares, such as the town', () => {
    const r = makeRedactor([other], ['Alex Fenwick-Oyelaran'], ['3 Bramble Close, Exampleton']);
    expect(r('Alex lives at 3 Bramble Close, Exampleton; Jordan at 14 Quillfeather Lane')).toBe(
      `Alex lives at 3 Bramble Close, Exampleton; ${REDACTED} at ${REDACTED}`,
    );
  });
  it('does not cut a name part out of a longer word', () => {
    expect(makeRedactor([{ name: 'Al Smith' }], ['Bea Jones'])('Always talk to Al')).toBe(`Always talk to ${REDACTED}`);
  });

  it('walks every string of a record, leaving dates and numbers', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(redactDeep({ a: ['Jordan'], at, n: 3 }, redact)).toEqual({ a: [REDACTED], at, n: 3 });
  });
});
