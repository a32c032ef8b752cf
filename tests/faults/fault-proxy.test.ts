import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

let upstream: Server;
let proxy: FaultProxy;
const received: { path: string; bytes: number }[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      received.push({ path: req.url ?? '', bytes });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, bytes }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  proxy = await startFaultProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await proxy.close();
  await new Promise((r) => upstream.close(r));
});

const post = (path: string, bytes: number) =>
  fetch(`${proxy.url}${path}`, { method: 'POST', body: new Uint8Array(bytes) });

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
});
