import { defineConfig } from 'vitest/config';

const apiProject = (name: string, driver: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: ['apps/api/src/**/*.test.ts'],
    env: { TEST_DB_DRIVER: driver },
    globalSetup: ['apps/api/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
  },
});

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      { test: { name: 'unit', include: ['packages/**/src/**/*.test.ts'] } },
      // The web's pure logic (no DOM): e.g. the field app's outbox rules.
      { test: { name: 'web', include: ['apps/web/src/**/*.test.ts'] } },
      apiProject('api-pglite', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [apiProject('api-postgres', 'postgres')] : []),
      // Every bench in smoke mode (tiny data, child processes): catches a bench that no longer runs.
      {
        test: {
          name: 'bench',
          include: ['bench/**/*.test.ts'],
          testTimeout: 900_000,
          pool: 'forks' as const,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.ts'],
          testTimeout: 180_000,
          hookTimeout: 360_000,
          fileParallelism: false,
          pool: 'forks' as const,
        },
      },
    ],
  },
});
