// `npm start`: turns on Node's module compile cache, then reads config → opens db → migrates → starts web + worker
// (serve.ts). The cache keeps each module's compiled code on disk (in the directory NODE_COMPILE_CACHE names, else the
// system's temporary directory), so a restart does not compile the same code again. It must be on before the app is
// imported. The server's own modules come from their bundle when it is up to date (server-bundle.ts), else from src/.
import { enableCompileCache } from 'node:module';
import { chooseServerBundle } from './server-bundle.ts';

enableCompileCache();
const bundle = chooseServerBundle();
if (bundle.why === 'changed') console.log('Parley: starting from the source files, which have changed since the last `npm run build`.');
const { serve, explainStartupError } = (await import(bundle.file ?? './serve.ts')) as typeof import('./serve.ts');
serve().catch(explainStartupError);
