#!/usr/bin/env node
// The `parley` command. Parley runs on Node 24; when started by an older node, hand over to the
// Node 24 that npm installed with the project.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
if (major >= 24) {
  // Node's module compile cache (as src/main.js): a second command does not compile the same files again.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache();
  const { main } = await import(cli);
  main(process.argv.slice(2));
} else {
  const node24 = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(node24)) {
    console.error('Parley needs Node 24. Run `npm install` in the Parley folder first.');
    process.exit(1);
  }
  const result = spawnSync(node24, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
