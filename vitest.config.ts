import { defineConfig } from 'vitest/config';

const withPostgres = Boolean(process.env.DATABASE_URL);
// Integration tests share one migrated database template per run (global set-up); pure unit tests need none,
// so they live in a project of their own and a unit file runs without paying for it.
const integration = { globalSetup: ['test/support/global-setup.ts'], testTimeout: 90_000, hookTimeout: 120_000 };
const INTEGRATION_FILES = ['src/**/*.int.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    // Two test files at a time. Vitest's own default is one fewer than the machine's cores, which on a two-core machine
    // is one: every file then waited for the one before, while a PostgreSQL file's worker mostly waits on the server.
    // Each file has its own database, so files never share state. The browser journeys still run one at a time (below).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          ...integration,
          name: 'pglite',
          include: INTEGRATION_FILES,
          exclude: ['test/browser/**'],
          env: { PARLEY_TEST_DB: 'pglite' },
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                ...integration,
                name: 'postgres',
                include: INTEGRATION_FILES,
                exclude: ['test/browser/**'],
                env: { PARLEY_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
      {
        test: {
          ...integration,
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          env: { PARLEY_TEST_DB: 'pglite' },
        },
      },
    ],
  },
});
