/** The first screen must stay light on a cheap phone (Foundation issue: ≤ 150 KB gzip). */
import { describe, expect, it } from 'vitest';
import { measureBundle } from '../../bench/bundle-size';

describe('bundle budget', () => {
  it('keeps the initial route under 150 KB of gzipped JavaScript', () => {
    const { initialJsGzipBytes, initialFiles } = measureBundle(process.env.STATIC_DIR ?? 'dist');
    expect(initialFiles.length).toBeGreaterThan(0);
    expect(initialJsGzipBytes).toBeLessThanOrEqual(150 * 1024);
  });
});
