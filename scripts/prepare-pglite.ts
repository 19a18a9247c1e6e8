// npm install runs this (postinstall): prepares the embedded database template that new data directories start
// from (src/db/pglite-template.ts). Safe to run again; it replaces the template.
import { createPglite, openDatabase } from '#src/db/client.ts';
import { runMigrations } from '#src/db/migrate.ts';
import { writeTemplate } from '#src/db/pglite-template.ts';

const started = performance.now();
const client = await createPglite();
const database = await openDatabase({ pglite: client });
await runMigrations(database);
const dump = await client.dumpDataDir('gzip');
await client.close();
const file = writeTemplate(new Uint8Array(await dump.arrayBuffer()));
console.log(`Parley: prepared the embedded database template (${Math.round(performance.now() - started)} ms): ${file}`);
