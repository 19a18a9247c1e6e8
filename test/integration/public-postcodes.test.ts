// The postcode lookup import: the fictional sample through the code and through the `parley` command, names
// from a second file, re-import replacing the last one, a wrong file changing nothing; then coverage by local authority.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { findColumns, importPostcodes, PostcodeFileError, readLatLong, splitCsvLine } from '#src/features/postcodes/postcodes-import.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { createHomeService } from '#src/features/home/home.service.ts';
import { translator } from '#src/i18n/i18n.ts';
import { WebClient } from '../support/web-client.ts';
import { publicService } from './public-support.ts';

const SAMPLE = 'samples/postcodes-sample.csv';
const dir = mkdtempSync(join(tmpdir(), 'parley-postcodes-'));
let h: Harness;
let admin: OrgActor;

beforeAll(async () => {
  h = await startHarness();
  // Covers the CT area by postcode and Weald Valley (TN in the sample) by local authority; ME14 by district.
  ({ admin } = await publicService(h, 'cdm', { caseTypes: ['community'] }));
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const latLong = async (postcode: string) => {
  const result = await h.deps.db.execute(sql`SELECT latitude, longitude FROM postcode_lookup WHERE postcode = ${postcode.replace(' ', '')}`);
  return (result as unknown as { rows: { latitude: number | null; longitude: number | null }[] }).rows[0];
};
const coverage = (postcode: string) => new WebClient(h.app).get(`/s/cdm/coverage?postcode=${encodeURIComponent(postcode)}`);

describe('postcodes import', () => {
  it('reads quoted CSV fields', () => {
    expect(splitCsvLine('"CT1 1AA","a, b","say ""hi""",,x')).toEqual(['CT1 1AA', 'a, b', 'say "hi"', '', 'x']);
  });

  it('reads latitude and longitude, treating the ONS "no grid reference" marker as not known', () => {
    const columns = findColumns(['pcds', 'oslaua', 'lat', 'long']);
    expect(readLatLong(['CT1 1AA', 'E07900001', '51.28', '1.08'], columns)).toEqual({ latitude: 51.28, longitude: 1.08 });
    expect(readLatLong(['CT1 9ZZ', 'E07900001', '99.999999', '0.000000'], columns)).toEqual({ latitude: null, longitude: null });
    expect(readLatLong(['CT1 9ZZ', 'E07900001', '', ''], columns)).toEqual({ latitude: null, longitude: null });
    expect(findColumns(['pcds', 'oslaua', 'lat']).lat).toBeUndefined(); // both or neither
  });

  it('before any lookup is loaded, never answers “not covered” for a local authority: it says it cannot tell, and the checklist says why', async () => {
    const byArea = await coverage('CT10 1SH');
    expect(byArea.body).toContain('We cover CT10 1SH');
    const byAuthority = await coverage('TN9 2RW');
    expect(byAuthority.body).toContain('We cannot check TN9 2RW yet');
    expect(byAuthority.body).not.toContain('We do not cover');
    const api = await h.app.inject({ method: 'GET', url: '/api/v1/public/cdm/coverage?postcode=TN9%202RW' });
    expect(api.json()).toMatchObject({ covered: false, result: 'not_set_up' });
    const { checklist } = await createHomeService(h.deps).pageFor(admin, translator('en'));
    expect(checklist?.items.find((i) => i.id === 'postcode-lookup')).toMatchObject({ done: false, href: '/settings/areas' });
  });

  it('imports the fictional sample in batches, with progress, then coverage uses the local authority', async () => {
    const progress: number[] = [];
    const result = await importPostcodes(h.deps.db, SAMPLE, { batchSize: 7, progressEvery: 10, onProgress: (n) => void progress.push(n) });
    expect(result).toEqual({ imported: 35, skipped: 1, withoutName: 0, total: 35 });
    expect(progress).toEqual([10, 20, 30]);

    const byArea = await coverage('ct10 1sh');
    expect(byArea.body).toContain('We cover CT10 1SH');
    expect(byArea.body).toContain('CT10 1SH is in Riverside District (fictional).');
    const byAuthority = await coverage('TN9 2RW');
    expect(byAuthority.body).toContain('We cover TN9 2RW');
    expect(byAuthority.body).toContain('TN9 2RW is in Weald Valley Borough (fictional).');
    const outside = await coverage('ME4 4AA');
    expect(outside.body).toContain('We do not cover ME4 4AA');
    expect(outside.body).toContain('ME4 4AA is in Harbour City Council (fictional).');
    const unknown = await coverage('TN99 9ZZ'); // a real-looking postcode that is not in the lookup
    expect(unknown.body).toContain('We do not cover TN99 9ZZ');
    const { checklist } = await createHomeService(h.deps).pageFor(admin, translator('en'));
    expect(checklist?.items.map((i) => i.id)).not.toContain('postcode-lookup');
    // The ONS lat and long columns are kept for travel distances.
    expect(await latLong('CT1 1AA')).toEqual({ latitude: 51.28, longitude: 1.08 });
    expect(await latLong('BT1 5GS')).toEqual({ latitude: 54.6786, longitude: -5.8432 });
  });

  it('replaces the last import, takes names from a second file, and refuses a file without the columns it needs', async () => {
    const file = join(dir, 'nspl.csv');
    writeFileSync(
      file,
      '\uFEFFpcd,LAD23CD,ctry\r\n"TN9 1AA","E07900009","E92000001"\r\n"ME4 4AA","E07900009","E92000001"\r\n"CT1 1AA","E07999999","E92000001"\r\n',
    );
    const names = join(dir, 'names.csv');
    writeFileSync(names, 'LAD23CD,LAD23NM\nE07900009,Weald Valley Borough (fictional)\n');
    expect(await importPostcodes(h.deps.db, file, { namesFile: names })).toEqual({ imported: 3, skipped: 0, withoutName: 1, total: 3 });
    expect((await coverage('ME4 4AA')).body).toContain('We cover ME4 4AA'); // now in Weald Valley
    expect((await coverage('CT1 1AA')).body).toContain('CT1 1AA is in E07999999.');
    expect((await coverage('TN9 2RW')).body).not.toContain('Weald Valley'); // gone with the last import
    expect(await latLong('TN9 1AA')).toEqual({ latitude: null, longitude: null }); // a file without lat and long

    const wrong = join(dir, 'wrong.csv');
    writeFileSync(wrong, 'postcode,ward\nTN1 1AA,E05000001\n');
    await expect(importPostcodes(h.deps.db, wrong)).rejects.toThrow(PostcodeFileError);
    await expect(importPostcodes(h.deps.db, wrong)).rejects.toThrow('Missing: a local authority code column');
    expect((await coverage('ME4 4AA')).body).toContain('We cover ME4 4AA'); // unchanged
  });

  it('runs as `npx parley postcodes import FILE` and prints the count', async () => {
    const env: Record<string, string | undefined> = { ...process.env, PARLEY_DATA_DIR: join(dir, 'data'), PARLEY_LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const parley = (args: string[]) =>
      promisify(execFile)(process.execPath, ['bin/parley.js', ...args], { env, timeout: 60_000 }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    const usage = await parley(['postcodes', 'import']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npx parley postcodes import FILE');
    const run = await parley(['postcodes', 'import', SAMPLE]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Imported 35 postcodes.');
    expect(run.stdout).toContain('Skipped 1 row without a postcode or a local authority code.');
  }, 90_000);
});
