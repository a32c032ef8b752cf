/**
 * The insurers' receiver for bench/packets.ts: a node:http server on
 * 127.0.0.1 that answers 200 at once and verifies every delivery with the
 * `standardwebhooks` library (`new Webhook(secret).verify(rawBody, headers)`,
 * the secret chosen by the path: one endpoint per insurer), as an insurer
 * would. It notes when each `webhook-id` first arrived (`performance.now()`,
 * the same clock as the bench's requests) and how many did not verify.
 */
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';

export interface PacketReceiver {
  /** The endpoint URL of `name` (a path of this server). */
  url(name: string): string;
  /** The secret each endpoint verifies with, by name (set after registering it). */
  secrets: Map<string, string>;
  /** When each webhook-id first arrived (ms, performance.now()). */
  firstArrival: Map<string, number>;
  requests: number;
  /** Requests that failed `Webhook.verify` (or came to an unknown path). */
  refused: number;
  /** Resolves once `count` distinct webhook-ids arrived (or rejects after `timeoutMs`). */
  until(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startPacketReceiver(): Promise<PacketReceiver> {
  const waiters: { count: number; resolve: () => void }[] = [];
  const state = {
    secrets: new Map<string, string>(),
    firstArrival: new Map<string, number>(),
    requests: 0,
    refused: 0,
  };
  const server = createServer((req, res) => {
    const arrived = performance.now();
    const id = String(req.headers['webhook-id'] ?? '');
    // Answered at once; the verification follows, as an insurer that queues its work would.
    res.writeHead(200).end();
    void readBody(req).then((body) => {
      state.requests++;
      const secret = state.secrets.get((req.url ?? '').slice(1));
      try {
        if (!secret) throw new Error('unknown endpoint');
        new Webhook(secret).verify(body, {
          'webhook-id': id,
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        });
      } catch {
        state.refused++;
        return;
      }
      if (!state.firstArrival.has(id)) state.firstArrival.set(id, arrived);
      for (const w of waiters.splice(0))
        if (state.firstArrival.size >= w.count) w.resolve();
        else waiters.push(w);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: (name: string) => `http://127.0.0.1:${port}/${name}`,
    until(count: number, timeoutMs = 120_000) {
      if (state.firstArrival.size >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${state.firstArrival.size} of ${count} deliveries arrived`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
