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
    // The files share a worker's module cache instead of re-importing the
    // domain, zod and Dexie per file (85 s → 37 s here). A test leaves no
    // global behind: a storage test makes its own IndexedDB (useFreshIndexedDb),
    // a stubbed global or fake clock is undone in its afterEach.
    isolate: false,
    testTimeout: 20000,
  },
});
