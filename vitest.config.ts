import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so the PWA plugin stays out of tests.
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup/vitest.setup.ts'],
    pool: 'forks',
    testTimeout: 20000,
  },
});
