import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, SETTINGS } from './config.ts';

const made: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-config-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('configuration', () => {
  it('has working defaults and keeps a generated secret in the data directory', () => {
    const dir = dataDir();
    const config = loadConfig({ PARLEY_DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.secret).toBe(readFileSync(join(dir, 'secret'), 'utf8').trim());
    expect(loadConfig({ PARLEY_DATA_DIR: dir }).secret).toBe(config.secret);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must start with postgres://'],
    [{ PARLEY_BASE_URL: 'not a url' }, 'PARLEY_BASE_URL'],
    [{ PARLEY_SECRET: 'short' }, 'PARLEY_SECRET: must be at least 32 characters'],
    [{ PARLEY_SMTP_URL: 'https://mail.example.org' }, 'PARLEY_SMTP_URL: must start with smtp:// or smtps://'],
    [{ PARLEY_MAIL_FROM: 'not an address' }, 'PARLEY_MAIL_FROM'],
  ])('stops with a message naming the setting for %o', (env, named) => {
    expect(() => loadConfig({ PARLEY_DATA_DIR: dataDir(), ...env })).toThrow(named);
  });

  it('reads the mail server and sender, and has none by default', () => {
    expect(loadConfig({ PARLEY_DATA_DIR: dataDir() })).toMatchObject({ smtpUrl: undefined, mailFrom: 'Parley <no-reply@localhost>' });
    const config = loadConfig({
      PARLEY_DATA_DIR: dataDir(),
      PARLEY_SMTP_URL: 'smtps://user:p%40ss@smtp.example.org:465',
      PARLEY_MAIL_FROM: 'Alpha <no-reply@alpha.example>',
    });
    expect(config).toMatchObject({ smtpUrl: 'smtps://user:p%40ss@smtp.example.org:465', mailFrom: 'Alpha <no-reply@alpha.example>' });
  });

  it('never puts the mail server password in the error message', () => {
    expect(() => loadConfig({ PARLEY_DATA_DIR: dataDir(), PARLEY_SMTP_URL: 'smtp://user:hunter2@ bad host' })).toThrow(/PARLEY_SMTP_URL/);
    try {
      loadConfig({ PARLEY_DATA_DIR: dataDir(), PARLEY_SMTP_URL: 'smtp://user:hunter2@ bad host' });
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('never puts the secret in the error message', () => {
    try {
      loadConfig({ PARLEY_DATA_DIR: dataDir(), PARLEY_SECRET: 'hunter2' });
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
  });

  it('is documented in the README and .env.example, setting by setting', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const name of SETTINGS) {
      expect(readme, name).toContain(`\`${name}\``);
      expect(example, name).toContain(name);
    }
  });
});
