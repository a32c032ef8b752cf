/**
 * Started once for a browser-test run (vitest.e2e.config.ts `globalSetup`):
 * one Chromium, as a Playwright browser server, and one server with the demo
 * users. `useBrowserWorld` connects a file to them instead of starting its
 * own (see harness.ts); every test still opens its own browser contexts, so
 * its phones share no storage, service worker or cache with any other.
 */
import type { TestProject } from 'vitest/node';
import { launchBrowserServer, startServer } from './harness';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer({ KUAICHU_DEMO: '1' });
  const browser = await launchBrowserServer().catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  project.provide('sharedServer', { url: server.url, dataDir: server.dataDir });
  project.provide('sharedBrowser', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.stop();
  };
}
