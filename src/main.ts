// `npm start`: turns on Node's module compile cache, then reads config → opens db → migrates → starts web + worker
// (serve.ts). The cache keeps each module's stripped TypeScript and compiled code on disk (in the directory
// NODE_COMPILE_CACHE names, else the system's temporary directory), so a restart does not parse and compile the
// same few thousand files again; a changed file is compiled afresh. It must be on before the app is imported.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { serve, explainStartupError } = await import('./serve.ts');
serve().catch(explainStartupError);
