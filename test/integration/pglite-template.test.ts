// A new embedded data directory starts from the template `npm install` prepares, and is fully migrated either way.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { hasTemplate, templateDir } from '#src/db/pglite-template.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database template', () => {
  it('is prepared by npm install (CI installs with npm ci)', () => {
    if (process.env.CI !== 'true' && !hasTemplate()) return; // a local install with --ignore-scripts
    expect(hasTemplate()).toBe(true);
    expect(readdirSync(join(templateDir(), 'base')).length).toBeGreaterThan(1);
  });

  it('gives a new data directory the whole schema, with row-level security, and keeps its data on reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-template-'));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir });
    await runMigrations(first);
    const tables = await first.pglite!.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('cases', 'volunteers', 'case_assignments') AND rowsecurity",
    );
    expect(tables.rows[0]!.n).toBe(3);
    await first.pglite!.query("INSERT INTO instance_settings (key, value) VALUES ('template-test', 'kept')");
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    const probe = await again.pglite!.query<{ v: string }>("SELECT value AS v FROM instance_settings WHERE key = 'template-test'");
    expect(probe.rows[0]?.v).toBe('kept');
    await again.close();
  });
});
