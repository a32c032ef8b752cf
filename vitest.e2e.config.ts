import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core driving Debian's Chromium against the real
// server (built app + API on one port). Run by `npm run test:e2e`.
// One Chromium and one demo server serve every file (tests/e2e/global-setup.ts);
// each test opens its own browser contexts. Files run one after another in one
// worker that imports the harness, the drivers and the domain once.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
