import { describe, expect, it } from 'vitest';
import { signingCodeOf } from '../signing/client-evidence.ts';
import { missingShareConsents } from './outcome-share-rules.ts';

const ann = { id: 'a', name: 'Ann Ash' };
const bo = { id: 'b', name: 'Bo Birch' };

describe('sharing the outcome with the referrer', () => {
  it('may go ahead only when every party said yes; a no or no answer is missing', () => {
    expect(missingShareConsents([ann, bo], [])).toEqual([ann, bo]);
    expect(
      missingShareConsents(
        [ann, bo],
        [
          { partyId: 'a', consents: true },
          { partyId: 'b', consents: false },
        ],
      ),
    ).toEqual([bo]);
    expect(
      missingShareConsents(
        [ann, bo],
        [
          { partyId: 'b', consents: true },
          { partyId: 'a', consents: true },
        ],
      ),
    ).toEqual([]);
    // An answer from someone no longer among the parties counts for nobody.
    expect(missingShareConsents([ann], [{ partyId: 'z', consents: true }])).toEqual([ann]);
  });
});

describe('the signing code', () => {
  it('is six digits, the same for the same link and moment, and different for a new moment or link', () => {
    const at = new Date('2026-12-06T10:00:00.123Z');
    const code = signingCodeOf('secret', 'link-1', at);
    expect(code).toMatch(/^\d{6}$/);
    expect(signingCodeOf('secret', 'link-1', new Date(at.getTime()))).toBe(code);
    const others = new Set([
      signingCodeOf('secret', 'link-1', new Date(at.getTime() + 1)),
      signingCodeOf('secret', 'link-2', at),
      signingCodeOf('other', 'link-1', at),
    ]);
    expect(others.has(code)).toBe(false);
  });
});
