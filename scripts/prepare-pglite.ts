// npm install runs this (postinstall): prepares the embedded database template that new data directories start
// from (src/db/pglite-template.ts). Safe to run again; it replaces the template.
import { rmSync } from 'node:fs';
import { createPglite, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { keepAsTemplate, templateWorkDir } from '#src/db/pglite-template.ts';

const started = performance.now();
const work = templateWorkDir();
rmSync(work, { recursive: true, force: true });
const client = await createPglite(work);
const database = await openDatabase({ pglite: client });
await runMigrations(database);
await client.close();
const dir = keepAsTemplate(work);
console.log(`Parley: prepared the embedded database template (${Math.round(performance.now() - started)} ms): ${dir}`);
