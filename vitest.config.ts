import { defineConfig } from 'vitest/config';

const withPostgres = Boolean(process.env.DATABASE_URL);
const shared = { globalSetup: ['test/support/global-setup.ts'], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          env: { PARLEY_TEST_DB: 'pglite' },
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: ['src/**/*.int.test.ts', 'test/**/*.test.ts'],
                exclude: ['test/browser/**'],
                env: { PARLEY_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
      {
        test: {
          ...shared,
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
