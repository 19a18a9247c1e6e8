// `npm run build`, and npm install (postinstall): bundles the server's own modules into one file with esbuild, for a
// quicker `npm start` (src/server-bundle.js says when it is used). Dependencies stay outside the bundle. Safe to run
// again; it replaces the bundle. `--out DIR` writes it elsewhere (the bundle's own test).
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { PROJECT_DIR } from '#src/lib/install-cache.js';
import { BUNDLE_DIR, BUNDLE_NAME, type BundleManifest, MANIFEST_NAME } from '#src/server-bundle.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = values.out ?? BUNDLE_DIR;
const started = performance.now();

// A module that finds a file beside itself (templates, migrations, static files) reads `import.meta.url`. In the bundle
// every module shares one file, so each module's own address is put back: relative to the bundle, so the project can move.
const ownAddress: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.[jt]s$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const address = `new URL(${JSON.stringify(relative(outDir, args.path))}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', address), loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

mkdirSync(outDir, { recursive: true });
const result = await build({
  entryPoints: [join(PROJECT_DIR, 'src', 'serve.ts')],
  outfile: join(outDir, `${BUNDLE_NAME}.partial.mjs`),
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node24',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [ownAddress],
  // The few modules that load a dependency with require() (it exists only in CommonJS) get Node's own, made for the bundle.
  banner: { js: "import { createRequire as parleyCreateRequire } from 'node:module'; const require = parleyCreateRequire(import.meta.url);" },
});

const inputs: BundleManifest['inputs'] = Object.keys(result.metafile.inputs)
  .map((input) => relative(PROJECT_DIR, join(process.cwd(), input)))
  .sort()
  .map((path) => {
    const s = statSync(join(PROJECT_DIR, path));
    return [path, s.size, s.mtimeMs];
  });
const manifest: BundleManifest = { node: process.version, inputs };
// esbuild writes strings as ASCII but leaves the odd character outside it in comments and regular expressions. One
// such character makes V8 keep the whole 2 MB source in two bytes a character; written as \u escapes, which mean the
// same there, it keeps one.
const partial = join(outDir, `${BUNDLE_NAME}.partial.mjs`);
const escaped = readFileSync(partial, 'utf8').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(partial, escaped);
renameSync(partial, join(outDir, BUNDLE_NAME));
writeFileSync(join(outDir, MANIFEST_NAME), JSON.stringify(manifest));
console.log(`Parley: bundled the server's ${inputs.length} modules for a quicker start (${Math.round(performance.now() - started)} ms).`);
