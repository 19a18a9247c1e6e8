// A real app on a real, fresh database for one test file; requests go through app.inject().
import type { Writable } from 'node:stream';
import { inject } from 'vitest';
import { buildApp, type ParleyApp } from '#src/app.ts';
import type { Config } from '#src/config.ts';
import { createServices, type Deps } from '#src/deps.ts';
import { createLogger } from '#src/lib/logger.ts';
import { freshDatabase, testDbKind } from './databases.ts';

export class TestClock {
  current: Date;
  constructor(start = new Date()) {
    this.current = start;
  }
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    baseUrl: 'http://localhost:3000',
    secret: 'test-secret-that-is-long-enough-for-parley-0123456789',
    logLevel: 'silent',
    runWorker: false,
    idleMinutes: 30,
    sessionHours: 12,
    secureCookies: false,
    trustProxy: false,
    // A low scrypt cost keeps tests quick; production's (2^17) is the default, proved in src/features/auth/rules.test.ts.
    passwordHashCost: 12,
    ...overrides,
  };
}

export type Harness = { app: ParleyApp; deps: Deps; clock: TestClock; close(): Promise<void> };

/** `logTo` receives the app's log lines (at debug level), for tests that read what would be logged. */
export async function startHarness(overrides: Partial<Config> = {}, opts: { logTo?: Writable } = {}): Promise<Harness> {
  const database = await freshDatabase(testDbKind(), inject('dbTemplate'));
  const clock = new TestClock();
  const config = testConfig(overrides);
  const deps = createServices(config, database, clock, opts.logTo ? createLogger('debug', opts.logTo) : createLogger(process.env.PARLEY_TEST_LOG ?? 'silent'));
  const app = await buildApp(deps);
  const overlapping = watchForOverlappingStatements();
  return {
    app,
    deps,
    clock,
    async close() {
      await app.close();
      await database.close();
      overlapping.stop();
    },
  };
}

/**
 * A transaction's connection runs one statement at a time: code that asks it for two at once (Promise.all over one
 * transaction) works on PGlite, and on PostgreSQL only because pg queues the second, with a warning that pg 9 will
 * refuse it. The warning comes once a process, so the test that causes it fails here, with the warning's words.
 */
function watchForOverlappingStatements() {
  const seen: string[] = [];
  const listener = (w: Error) => {
    if (w.message.includes('already executing a query')) seen.push(w.stack ?? w.message);
  };
  process.on('warning', listener);
  return {
    stop() {
      process.off('warning', listener);
      if (seen.length) throw new Error(`Two statements were asked of one connection at once:\n${seen.join('\n')}`);
    },
  };
}
