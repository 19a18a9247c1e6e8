import { describe, expect, it } from 'vitest';
import { parsePostcode } from '#src/lib/normalise.ts';
import { decideCoverage } from './coverage.ts';

const pc = parsePostcode('CT1 2AB');

describe('decideCoverage', () => {
  it('covers a postcode by its area, district or sector, or by its local authority', () => {
    expect(decideCoverage(pc, null, { postcodePrefixes: ['CT'], localAuthorities: [] })).toMatchObject({ result: 'covered', matchedBy: 'postcode CT' });
    expect(decideCoverage(pc, 'Kent', { postcodePrefixes: [], localAuthorities: ['kent'] }, true)).toMatchObject({ result: 'covered', matchedBy: 'kent' });
  });

  it('says a service that has not said which areas it covers cannot tell, never “not covered”', () => {
    expect(decideCoverage(pc, 'Kent', { postcodePrefixes: [], localAuthorities: [] })).toEqual({
      result: 'not_set_up',
      postcode: 'CT1 2AB',
      missing: 'no_areas',
    });
  });

  it('says it cannot tell when the service covers local authorities and no postcode lookup has been loaded', () => {
    const areas = { postcodePrefixes: ['ME14'], localAuthorities: ['Kent'] };
    expect(decideCoverage(pc, null, areas, false)).toEqual({ result: 'not_set_up', postcode: 'CT1 2AB', missing: 'no_lookup' });
    // With the lookup loaded, a postcode outside the service's areas is not covered.
    expect(decideCoverage(pc, 'Medway', areas, true)).toMatchObject({ result: 'not_covered', localAuthority: 'Medway' });
    // Covering only postcode areas needs no lookup.
    expect(decideCoverage(pc, null, { postcodePrefixes: ['ME14'], localAuthorities: [] }, false)).toMatchObject({ result: 'not_covered' });
  });

  it('refuses text that is not a postcode', () => {
    expect(decideCoverage(parsePostcode('nowhere'), null, { postcodePrefixes: ['CT'], localAuthorities: [] })).toEqual({ result: 'not_recognised' });
  });
});
