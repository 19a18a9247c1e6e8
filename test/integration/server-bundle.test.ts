// The bundle `npm start` loads (src/server-bundle.ts): built as npm install builds it, it starts on a new data
// directory and serves pages, static files and the set-up link, the parts that find files beside their module.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_CACHE_DIR } from '#src/lib/install-cache.ts';
import { BUNDLE_NAME, chooseServerBundle } from '#src/server-bundle.ts';

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
    const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_DATA_DIR: dataDir, PORT: String(port), PARLEY_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--input-type=module', '-e', launch, join(outDir, BUNDLE_NAME)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    try {
      const deadline = Date.now() + 90_000;
      while (!/\/setup\?token=\S+/.test(out) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
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
});
