import { describe, expect, it } from 'vitest';
import { METRICS, metric, quarterOf, returnCsv } from './rj-return.ts';

describe('the RJ return', () => {
  it('gives every metric a written definition and a version', () => {
    for (const [id, m] of Object.entries(METRICS)) {
      expect(m.definition.length, id).toBeGreaterThan(60);
      expect(m.version, id).toBeGreaterThanOrEqual(1);
    }
  });

  it('finds the quarter of a date', () => {
    expect(quarterOf('2026-12-03')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2026-02-14')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOf('2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });

  it('writes one CSV row a figure, quoted, with a formula neutralised', () => {
    const csv = returnCsv({ from: '2026-10-01', to: '2026-12-31' }, [
      metric('referrals_by_source', [
        { label: 'public', value: 3 },
        { label: '=cmd()', value: 1 },
      ]),
      metric('satisfaction', [{ label: 'mean satisfaction', value: null }]),
    ]);
    expect(csv.split('\r\n')).toEqual([
      '"from","to","area","local_authority","metric","version","figure","value"',
      '"2026-10-01","2026-12-31","","","Referrals received, by source","1","public","3"',
      '"2026-10-01","2026-12-31","","","Referrals received, by source","1","\'=cmd()","1"',
      '"2026-10-01","2026-12-31","","","Satisfaction, and coping and recovery","1","mean satisfaction",""',
      '',
    ]);
  });

  it('names the place the return was narrowed to on every row', () => {
    const csv = returnCsv({ from: '2026-10-01', to: '2026-12-31', area: 'TN9 1', localAuthority: 'Riverside District (fictional)' }, [
      metric('completed', [{ label: 'direct', value: 2 }]),
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      '"2026-10-01","2026-12-31","TN9 1","Riverside District (fictional)","Processes completed, direct and indirect","1","direct","2"',
    );
  });
});
