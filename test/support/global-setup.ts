import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropTemplate, prepareTemplate } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.env?.PARLEY_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  const dir = mkdtempSync(join(tmpdir(), 'parley-test-'));
  const template = await prepareTemplate(kind, `${process.pid}_${Date.now()}`, dir);
  project.provide('dbTemplate', template);
  return async () => {
    await dropTemplate(kind, template);
    rmSync(dir, { recursive: true, force: true });
  };
}
