import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

let upstream: Server;
let proxy: FaultProxy;
const received: { path: string; bytes: number }[] = [];
/** Requests whose body stopped short (the client, or the proxy, went away). */
const cutOff: { path: string; bytes: number }[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      received.push({ path: req.url ?? '', bytes });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, bytes }));
    });
    req.on('close', () => {
      if (!req.complete) cutOff.push({ path: req.url ?? '', bytes });
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  proxy = await startFaultProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await proxy.close();
  await new Promise((r) => upstream.close(r));
});

const post = (path: string, bytes: number, headers: Record<string, string> = {}) =>
  fetch(`${proxy.url}${path}`, { method: 'POST', body: new Uint8Array(bytes), headers });

const lastEntry = (path: string) => proxy.log.filter((e) => e.path === path).at(-1);

describe('fault proxy', () => {
  it('passes requests through untouched by default', async () => {
    proxy.set();
    const res = await post('/api/x', 1000);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true, bytes: 1000 });
  });

  it('injects a status for the next n matching requests only', async () => {
    proxy.set({ fault: { mode: 'status', status: 503 }, match: '/api/cases/', times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post('/api/cases/1', 10)).status);
    expect(statuses).toEqual([503, 503, 201]);
  });

  it('answers like a captive portal', async () => {
    proxy.set({ fault: { mode: 'captive-portal' } });
    const res = await post('/api/cases/1', 10);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/html']);
  });

  it('loses the response after the server has handled the request', async () => {
    proxy.set({ fault: { mode: 'lost-response' }, times: 1 });
    const before = received.length;
    await expect(post('/api/cases/lost', 10)).rejects.toThrow();
    await expect.poll(() => received.length).toBe(before + 1);
    expect(received.at(-1)).toEqual({ path: '/api/cases/lost', bytes: 10 });
  });

  it('cuts a request body after n bytes, so the server never gets it whole', async () => {
    proxy.set({ fault: { mode: 'cut-request', bytes: 4096 }, times: 1 });
    const before = received.filter((r) => r.path === '/api/cut').length;
    await expect(post('/api/cut', 100_000)).rejects.toThrow();
    expect(received.filter((r) => r.path === '/api/cut' && r.bytes === 100_000)).toHaveLength(
      before,
    );
  });

  it('logs the bytes that crossed it each way, and the request headers', async () => {
    proxy.set();
    const res = await post('/api/counted', 1000, { 'x-probe': 'a' });
    const answer = await res.text();
    const entry = lastEntry('/api/counted');
    expect(entry).toMatchObject({ bodyBytes: 1000, status: 201, fault: 'pass' });
    expect(entry?.headers['x-probe']).toBe('a');
    expect(entry?.headers['content-length']).toBe('1000');
    // Request line and headers on top of the body; status line and headers on top of the answer.
    expect(entry!.requestBytes - 1000).toBeGreaterThan(50);
    expect(entry!.requestBytes - 1000).toBeLessThan(1000);
    expect(entry!.responseBytes - answer.length).toBeGreaterThan(50);
    expect(entry!.responseBytes - answer.length).toBeLessThan(1000);
    await expect.poll(() => entry!.endedAt).toBeGreaterThanOrEqual(entry!.startedAt);
  });

  it('applies a rule with headers only to requests carrying those values', async () => {
    proxy.set({
      fault: { mode: 'status', status: 503 },
      match: '/api/uploads/',
      headers: { 'upload-offset': '0' },
      times: 1,
    });
    const statuses = [];
    for (const offset of ['524288', '0', '0']) {
      statuses.push((await post('/api/uploads/u1', 10, { 'upload-offset': offset })).status);
    }
    expect(statuses).toEqual([201, 503, 201]);
  });

  it('throttles both ways after the latency, logging the bytes', async () => {
    proxy.set({ fault: { mode: 'throttle', bytesPerSecond: 100_000, latencyMs: 200 } });
    const started = Date.now();
    const res = await post('/api/slow', 50_000);
    expect(await res.json()).toEqual({ ok: true, bytes: 50_000 });
    // 200 ms, then 50 kB at 100 kB/s in 10 kB slices: the last slice leaves after ~400 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(lastEntry('/api/slow')).toMatchObject({ fault: 'throttle', bodyBytes: 50_000 });
  });

  it('cuts a throttled request body after n bytes, logging exactly what got through', async () => {
    proxy.set({
      fault: { mode: 'cut-request', bytes: 20_000, bytesPerSecond: 50_000 },
      match: 'POST /api/throttled-cut',
      times: 1,
    });
    const started = Date.now();
    await expect(post('/api/throttled-cut', 100_000)).rejects.toThrow();
    // 20 kB at 50 kB/s in 5 kB slices: the cut comes after ~300 ms, not at once.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect
      .poll(() => cutOff.find((r) => r.path === '/api/throttled-cut'))
      .toEqual({ path: '/api/throttled-cut', bytes: 20_000 });
    expect(received.some((r) => r.path === '/api/throttled-cut')).toBe(false);
    const entry = lastEntry('/api/throttled-cut');
    expect(entry).toMatchObject({ fault: 'cut-request', bodyBytes: 20_000, responseBytes: 0 });
    expect(entry?.status).toBeUndefined();
  });
});
