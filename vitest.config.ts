import { defineConfig } from 'vitest/config';
import { useMemoryTmpdir } from './tests/setup/memory-tmpdir.ts';

// Temporary folders (test databases, servers' data, Chromium's profiles) on
// /dev/shm when there is one: no waiting on fsync (tests/setup/memory-tmpdir.ts).
useMemoryTmpdir();

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
    // verify-audit on every server test database when the suite ends (server/test-support.ts).
    globalSetup: ['server/test-global-setup.ts'],
    // …which takes longer than Vitest's default 10 s for teardown.
    teardownTimeout: 300_000,
    pool: 'forks',
    // The files share a worker's module cache instead of re-importing the
    // domain, zod and Dexie per file (85 s → 37 s here). A test leaves no
    // global behind: a storage test makes its own IndexedDB (useFreshIndexedDb),
    // a stubbed global or fake clock is undone in its afterEach.
    isolate: false,
    testTimeout: 20000,
  },
});
