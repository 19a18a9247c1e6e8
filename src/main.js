// @ts-check
// `npm start`: turns on Node's module compile cache, then reads config → opens db → migrates → starts web + worker
// (serve.ts). The cache keeps each module's compiled code on disk (in the directory NODE_COMPILE_CACHE names, else the
// system's temporary directory), so a restart does not compile the same code again. It must be on before the app is
// imported. The server's own modules come from their bundle when it is up to date (server-bundle.js), else from src/.
// Plain JavaScript, so that a server started from its bundle loads no TypeScript file (server-bundle.js says why).
import { enableCompileCache } from 'node:module';
import { chooseServerBundle } from './server-bundle.js';

enableCompileCache();
const bundle = chooseServerBundle();
if (bundle.why === 'changed') console.log('Parley: starting from the source files, which have changed since the last `npm run build`.');
/** @type {typeof import('./serve.ts')} */
const { serve, explainStartupError } = await import(bundle.file ?? './serve.ts');
serve().catch(explainStartupError);
