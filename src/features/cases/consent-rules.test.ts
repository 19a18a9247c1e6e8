import { describe, expect, it } from 'vitest';
import { consentProblems } from './consent-rules.ts';

const today = '2026-12-03';
const written = { status: 'given', method: 'written', informationVersion: 'RJ leaflet v3', signedOn: '2026-12-01' };

describe('consent records', () => {
  it('asks nothing more of a community case, a supporter or a withdrawal', () => {
    expect(consentProblems('community', 'party', { status: 'given', method: 'verbal' }, today)).toEqual({});
    expect(consentProblems('restorative_justice', 'supporter', { status: 'given', method: 'verbal' }, today)).toEqual({});
    expect(consentProblems('restorative_justice', 'victim', { status: 'withdrawn', method: 'verbal' }, today)).toEqual({});
  });

  it('needs written consent with the information’s version and the date signed on a restorative justice case', () => {
    expect(consentProblems('restorative_justice', 'victim', written, today)).toEqual({});
    expect(consentProblems('restorative_justice', 'person_who_harmed', { status: 'given', method: 'verbal' }, today)).toEqual({
      method: 'Restorative justice needs written consent: record it when it is signed on paper or online',
      informationVersion: 'Enter the version of the information they were given',
      signedOn: 'Enter the date they signed',
    });
    expect(consentProblems('restorative_justice', 'victim', { ...written, method: 'online', signedOn: '2026-12-04' }, today)).toEqual({
      signedOn: 'The date signed must be today or in the past',
    });
  });
});
