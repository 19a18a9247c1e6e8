import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_NAME, type BundleManifest, chooseServerBundle, MANIFEST_NAME } from './server-bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-bundle-choice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manifest(inputs: BundleManifest['inputs'], node = process.version) {
  writeFileSync(join(dir, MANIFEST_NAME), JSON.stringify({ node, inputs }));
}
const file = 'src/server-bundle.js';
const now = statSync(file);

describe('which code npm start loads', () => {
  it('is the bundle while every file it was built from is as it was', () => {
    manifest([[file, now.size, now.mtimeMs]]);
    expect(chooseServerBundle({}, dir)).toEqual({ file: join(dir, BUNDLE_NAME) });
  });

  it('is the source files when one has changed, is gone, or the bundle was built by another Node', () => {
    manifest([[file, now.size + 1, now.mtimeMs]]);
    expect(chooseServerBundle({}, dir)).toEqual({ why: 'changed' });
    manifest([[file, now.size, now.mtimeMs - 1000]]);
    expect(chooseServerBundle({}, dir)).toEqual({ why: 'changed' });
    manifest([['src/no-such-module.ts', 1, 1]]);
    expect(chooseServerBundle({}, dir)).toEqual({ why: 'changed' });
    manifest([[file, now.size, now.mtimeMs]], 'v0.0.0');
    expect(chooseServerBundle({}, dir)).toEqual({ why: 'changed' });
  });

  it('is the source files when there is no bundle, or PARLEY_BUNDLE=off', () => {
    expect(chooseServerBundle({}, join(dir, 'nothing-here'))).toEqual({ why: 'none' });
    manifest([[file, now.size, now.mtimeMs]]);
    expect(chooseServerBundle({ PARLEY_BUNDLE: 'off' }, dir)).toEqual({ why: 'off' });
  });
});
