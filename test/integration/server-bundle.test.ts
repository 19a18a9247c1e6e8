// The bundle `npm start` loads (src/server-bundle.js): built as npm install builds it, it starts on a new data
// directory and serves pages, static files and the set-up link, the parts that find files beside their module.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_CACHE_DIR } from '#src/lib/install-cache.js';
import { BUNDLE_DIR, BUNDLE_NAME, chooseServerBundle } from '#src/server-bundle.js';

const run = promisify(execFile);
let outDir: string;
let dataDir: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// The bundle runs on the embedded database; the PostgreSQL project has nothing more to learn from it.
describe.skipIf(process.env.PARLEY_TEST_DB === 'postgres')('the server bundle', { timeout: 120_000 }, () => {
  // Made here, not when the file loads: a skipped file runs no hooks, so it would never remove them.
  beforeAll(() => {
    // Inside the project, as the real one is, so that its imports find node_modules.
    mkdirSync(INSTALL_CACHE_DIR, { recursive: true });
    outDir = mkdtempSync(join(INSTALL_CACHE_DIR, 'server-test-'));
    dataDir = mkdtempSync(join(tmpdir(), 'parley-bundle-data-'));
  });
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });
  it('is built from every source module and is up to date until one changes', async () => {
    const built = await run(process.execPath, ['scripts/build-server.ts', '--out', outDir], { timeout: 60_000 });
    expect(built.stdout).toMatch(/bundled the server's \d{3} modules/);
    expect(chooseServerBundle({}, outDir)).toEqual({ file: join(outDir, BUNDLE_NAME) });
    expect(chooseServerBundle({ PARLEY_BUNDLE: 'off' }, outDir)).toEqual({ why: 'off' });
  });

  it('starts on a new data directory and serves pages, static files and the set-up link', async () => {
    const port = await freePort();
    const launch = 'const m = await import(process.argv[1]); m.serve().catch(m.explainStartupError);';
    const { child, output } = startServer(['--input-type=module', '-e', launch, join(outDir, BUNDLE_NAME)], port, dataDir);
    try {
      const out = await untilSetUpLink(child, output);
      expect(out).toContain('Parley is running');
      const setupLink = out.match(/http:\/\/\S+\/setup\?token=\S+/)![0].replace('localhost', '127.0.0.1');
      const base = `http://127.0.0.1:${port}`;

      const signIn = await fetch(`${base}/sign-in`);
      expect(signIn.status).toBe(200);
      expect(await signIn.text()).toContain('govuk-button');
      const css = await fetch(`${base}/assets/css/parley.css`);
      expect(css.status).toBe(200);
      const govuk = await fetch(`${base}/assets/css/govuk-frontend.css`);
      expect(govuk.status).toBe(200);
      const setup = await fetch(setupLink);
      expect(setup.status).toBe(200);
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
    }
    expect(child.exitCode).toBe(0);
  });

  // Node's type stripper costs about 15 MB and 0.1 s the first time it is needed, so `npm start` loads no TypeScript
  // file when the bundle is up to date; and the libraries few requests need load on first use, not at the start
  // (node-postgres on the embedded database, the password checker's dictionaries, the QR code, PDF, spreadsheet and
  // zip libraries). A module hook (Node's documented registerHooks, which sees require() too) names every such file.
  it('is what npm start loads, with no TypeScript file and none of the libraries loaded on first use, while it is up to date', async () => {
    if (!chooseServerBundle().file) await run(process.execPath, ['scripts/build-server.ts'], { timeout: 60_000 });
    const hook = join(outDir, 'name-files-loaded.mjs');
    writeFileSync(
      hook,
      [
        "import { registerHooks } from 'node:module';",
        'const onFirstUse = /[/]node_modules[/](pg|fflate|exceljs|pdf-lib|qrcode|@zxcvbn-ts[/][^/]+|linkedom|@observablehq[/]plot)[/]/;',
        'const named = (url) => /[.][cm]?ts$/.test(new URL(url).pathname) || url.endsWith("/serve.mjs") || onFirstUse.test(url);',
        'registerHooks({ load(url, context, next) { if (named(url)) process.stderr.write("loaded: " + url + "\\n"); return next(url, context); } });',
      ].join('\n'),
    );
    const own = mkdtempSync(join(tmpdir(), 'parley-bundle-start-'));
    const { child, output } = startServer([`--import=${pathToFileURL(hook).href}`, 'src/main.js'], await freePort(), own);
    try {
      const out = await untilSetUpLink(child, output);
      const loaded = [...out.matchAll(/^loaded: (\S+)$/gm)].map((m) => m[1]);
      expect(loaded).toEqual([pathToFileURL(join(BUNDLE_DIR, BUNDLE_NAME)).href]);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
      rmSync(own, { recursive: true, force: true });
    }
  });
});

/** Starts a server on the embedded database in dataDir; output() is everything it has printed so far. */
function startServer(args: string[], port: number, dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_DATA_DIR: dataDir, PORT: String(port), PARLEY_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.PARLEY_BUNDLE;
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return { child, output: () => out };
}

/** Waits until the server prints its set-up link (or exits), and returns what it printed. */
async function untilSetUpLink(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 90_000;
  while (!/\/setup\?token=\S+/.test(output()) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return output();
}
