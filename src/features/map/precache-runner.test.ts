import { describe, expect, it } from 'vitest';
import { precacheTiles, trimCache, type TileCache } from './precache-runner';

function fakeCache(initial: string[] = []): TileCache & { urls: () => string[] } {
  const store = new Map<string, Response>(initial.map((u) => [u, new Response('old')]));
  return {
    urls: () => [...store.keys()],
    match: (url) => Promise.resolve(store.get(url)),
    put: (url, r) => {
      store.set(url, r);
      return Promise.resolve();
    },
    keys: () => Promise.resolve([...store.keys()].map((url) => ({ url }))),
    delete: (url) => Promise.resolve(store.delete(url)),
  };
}

const urls = Array.from({ length: 10 }, (_, i) => `https://t.example/5/${i}/1.png`);

describe('precacheTiles', () => {
  it('stores every tile, skips cached ones, counts failures and reports progress', async () => {
    const cache = fakeCache([urls[0] ?? '']);
    const fetched: string[] = [];
    const seen: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const result = await precacheTiles(urls, {
      cache,
      concurrency: 3,
      fetch: async (url) => {
        fetched.push(url);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await Promise.resolve();
        inFlight--;
        if (url.includes('/5/3/')) return new Response('', { status: 404 });
        if (url.includes('/5/4/')) throw new TypeError('Failed to fetch');
        return new Response('png', { status: 200 });
      },
      onProgress: (p) => seen.push(p.done + p.failed),
    });
    expect(result).toEqual({ total: 10, done: 8, failed: 2, cancelled: false });
    expect(fetched).not.toContain(urls[0]);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(cache.urls()).toHaveLength(8);
  });

  it('stops when cancelled and keeps what it already stored', async () => {
    const cache = fakeCache();
    const controller = new AbortController();
    const result = await precacheTiles(urls, {
      cache,
      concurrency: 1,
      signal: controller.signal,
      fetch: (url) => {
        if (url === urls[2]) controller.abort();
        return Promise.resolve(new Response('png', { status: 200 }));
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.done).toBe(2);
    expect(cache.urls()).toEqual(urls.slice(0, 2));
  });

  it('asks without CORS when told to and keeps the opaque answer', async () => {
    const cache = fakeCache();
    const modes: (RequestMode | undefined)[] = [];
    const opaque = { status: 0 } as Response;
    const result = await precacheTiles(urls.slice(0, 1), {
      cache,
      crossOrigin: false,
      fetch: (_url, init) => {
        modes.push(init.mode);
        return Promise.resolve(opaque);
      },
    });
    expect(modes).toEqual(['no-cors']);
    expect(result.done).toBe(1);
  });

  it('sends the tile server the app’s origin as Referer, never the page’s path', async () => {
    const policies: (ReferrerPolicy | undefined)[] = [];
    await precacheTiles(urls.slice(0, 1), {
      cache: fakeCache(),
      fetch: (_url, init) => {
        policies.push(init.referrerPolicy);
        return Promise.resolve(new Response('tile'));
      },
    });
    expect(policies).toEqual(['strict-origin']);
  });
});

describe('trimCache', () => {
  it('drops the oldest entries beyond the bound', async () => {
    const cache = fakeCache(urls);
    expect(await trimCache(cache, 7)).toBe(3);
    expect(cache.urls()).toEqual(urls.slice(3));
  });
});
