import { defineConfig } from 'vitest/config';
import { useMemoryTmpdir } from './tests/setup/memory-tmpdir.ts';

// Browser tests: playwright-core driving Debian's Chromium against the real
// server (built app + API on one port). Run by `npm run test:e2e`.
// One Chromium and one demo server serve every file (tests/e2e/global-setup.ts);
// each test opens its own browser contexts, and a file that kills or counts its
// server starts its own. Two files run at a time (most of a browser test is
// waiting on the page or the network: 1130 s one at a time, 610 s two at a time
// on this 2-core machine), each worker importing the harness, the drivers and
// the domain once.
// Temporary folders (test databases, servers' data, Chromium's profiles) on
// /dev/shm when there is one: no waiting on fsync (tests/setup/memory-tmpdir.ts).
useMemoryTmpdir();

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    isolate: false,
    testTimeout: 120_000,
    // CI (.ci/run) retries a failed browser test once: two files share two
    // cores, and a timing-sensitive test can lose a race to the other file.
    // A test that needed its retry is marked "(retry x1)" in the verbose report;
    // locally none is retried.
    retry: Number(process.env.E2E_RETRY ?? 0),
    reporters: ['verbose'],
    hookTimeout: 120_000,
  },
});
