/** The first screen must stay light on a cheap phone (issue 13: ≤ 100 KB gzip). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_BYTES, measureBundle } from '../../bench/bundle-size';
import { rootWithFirstScreen } from '../../scripts/prerender-first-screen';
import { firstScreenHtml } from '../../src/app/first-screen';
import { zhCN } from '../../src/ui/i18n/zh-CN';

describe('bundle budget', () => {
  it('keeps the initial route under 100 KB of gzipped JavaScript', () => {
    const { initialJsGzipBytes, initialFiles } = measureBundle(process.env.STATIC_DIR ?? 'dist');
    expect(initialFiles.length).toBeGreaterThan(0);
    expect(initialJsGzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });

  it('paints before the database: no Dexie, zod or i18next in the first route, no tus right after it', () => {
    const { initialPackages, afterStartPackages } = measureBundle(process.env.STATIC_DIR ?? 'dist');
    expect(initialPackages).toContain('react-dom');
    expect(initialPackages).not.toContain('dexie');
    expect(initialPackages).not.toContain('zod');
    expect(initialPackages).not.toContain('i18next');
    // Uploads load tus with the first photo sent, not at start.
    expect(afterStartPackages).toContain('dexie');
    expect(afterStartPackages).not.toContain('tus-js-client');
  });

  it('paints the first screen with the HTML: index.html holds it prerendered, in the app’s words', () => {
    const html = readFileSync(join(process.env.STATIC_DIR ?? 'dist', 'index.html'), 'utf8');
    // src/app/first-screen.test.tsx holds this markup equal to React's first commit at `/`.
    expect(html).toContain(rootWithFirstScreen(firstScreenHtml()));
    for (const words of [zhCN.app.nav.cases, zhCN.cases.new, zhCN.app.loading]) {
      expect(html).toContain(`>${words}<`);
    }
  });
});
