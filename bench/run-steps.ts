// What every benchmark run shares: steps that record a failure and go on (the baseline, then each database), a
// temporary directory removed at clean-up, and the closing lines of its section.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cleanup } from './server-process.ts';

/** A step runner: a failed step is written to `errors` (and the console) and the run goes on to the next one. */
export function stepRunner(errors: string[]) {
  return async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push(`${what}: ${message}`);
      console.error(`${what} failed: ${message}`);
      return undefined;
    }
  };
}

/** A benchmark's steps on each database, each recorded in `errors` if it fails: the hello-world baseline, PGlite, then PostgreSQL when DATABASE_URL is set. */
export async function stepsOnEachDatabase(
  errors: string[],
  steps: { baseline: () => Promise<void>; embedded: () => Promise<void>; postgres: (databaseUrl: string) => Promise<void> },
) {
  const step = stepRunner(errors);
  await step('hello-world baseline', steps.baseline);
  await step('PGlite', steps.embedded);
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) await step('PostgreSQL', () => steps.postgres(databaseUrl));
  else console.log('PostgreSQL skipped: DATABASE_URL is not set');
}

/** A new temporary directory `<prefix>…` (a data directory to generate into or serve from), removed at clean-up. */
export function scratchDir(prefix: string, cleanups: Cleanup[]): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The end of a section: whether PostgreSQL was skipped, then the run's notes and errors. */
export function closingLines(notes: string[], errors: string[]): string[] {
  const lines: string[] = [];
  if (!process.env.DATABASE_URL) lines.push('PostgreSQL figures skipped: DATABASE_URL is not set.', '');
  if (notes.length) lines.push('### Notes', '', ...notes.map((n) => `- ${n}`), '');
  if (errors.length) lines.push('### Errors', '', ...errors.map((e) => `- ${e.replaceAll('\n', ' ')}`), '');
  return lines;
}
