import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core driving Debian's Chromium against the real
// server (built app + API on one port). Run by `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
