import { describe, expect, it } from 'vitest';
import { releaseInWords, releaseOf } from './postcode-release.ts';

describe('the release a postcode file names', () => {
  it('reads the month and year of ONSPD and NSPL file names', () => {
    expect(releaseOf('ONSPD_FEB_2024_UK.csv')).toBe('2024-02');
    expect(releaseOf('NSPL21_MAY_2023_UK.csv')).toBe('2023-05');
    expect(releaseOf('onspd-november-2022.csv')).toBe('2022-11');
    expect(releaseOf('ONSPD_AUG2025_UK.csv')).toBe('2025-08');
  });

  it('says nothing when the name does not give one', () => {
    expect(releaseOf('postcodes-sample.csv')).toBeNull();
    expect(releaseOf('SEPARATE_2024.csv')).toBeNull(); // "SEP" inside a word is not a month
    expect(releaseOf('MAY_20245.csv')).toBeNull();
  });

  it('writes the release in words', () => {
    expect(releaseInWords('2024-02', 'en')).toBe('February 2024');
  });
});
