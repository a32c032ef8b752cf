/**
 * A fake insurer's receiver for tests: a node:http server on 127.0.0.1 that
 * verifies every delivery with the `standardwebhooks` library as an insurer
 * would (`new Webhook(secret).verify(rawBody, headers)`, trying each secret
 * it holds), answers 401 to one that does not verify, and processes each
 * `webhook-id` once (a repeat is answered 200 and not processed again).
 * What it answers otherwise is set per test: a status, or `hold` (no answer
 * until released or the connection drops). Test-only.
 *
 * The library checks `webhook-timestamp` against `Date.now()` (five minutes
 * either way): a test that moves the dispatcher's clock moves `Date` with it.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedRequest {
  webhookId: string;
  timestamp: string;
  signature: string;
  body: string;
  /** Which of the receiver's secrets verified it (index), or undefined. */
  verifiedWith: number | undefined;
  /** The library's refusal, when none verified. */
  refusal?: string;
  answered: number | 'held';
}

export type Answer = number | 'hold';

export interface TestReceiver {
  url: string;
  /** The secrets it verifies with, tried in order (set after creating the endpoint). */
  secrets: string[];
  /** What a verified delivery is answered next; default 200. */
  answer: Answer;
  /** Every request, in arrival order. */
  requests: ReceivedRequest[];
  /** Each webhook-id processed once, with its parsed body. */
  processed: Map<string, unknown>;
  /** Answers every held request with this status. */
  release(status?: number): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function verify(
  secrets: readonly string[],
  body: Buffer,
  headers: Record<string, string>,
): { index: number; event: unknown } | { refusal: string } {
  let refusal = 'no secret';
  for (const [index, secret] of secrets.entries()) {
    try {
      return { index, event: new Webhook(secret).verify(body, headers) };
    } catch (error) {
      refusal = error instanceof Error ? error.message : String(error);
    }
  }
  return { refusal };
}

export async function startTestReceiver(): Promise<TestReceiver> {
  const held: ServerResponse[] = [];
  const receiver: Omit<TestReceiver, 'url' | 'close'> = {
    secrets: [],
    answer: 200,
    requests: [],
    processed: new Map(),
    release(status = 200) {
      for (const res of held.splice(0)) res.writeHead(status).end();
    },
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const headers = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [
        h,
        String(req.headers[h] ?? ''),
      ]),
    );
    const verdict = verify(receiver.secrets, body, headers);
    const ok = 'index' in verdict;
    const answer = ok ? receiver.answer : 401;
    receiver.requests.push({
      webhookId: headers['webhook-id'] ?? '',
      timestamp: headers['webhook-timestamp'] ?? '',
      signature: headers['webhook-signature'] ?? '',
      body: body.toString('utf8'),
      verifiedWith: ok ? verdict.index : undefined,
      ...(ok ? {} : { refusal: verdict.refusal }),
      answered: answer === 'hold' ? 'held' : answer,
    });
    if (answer === 'hold') {
      held.push(res);
      return;
    }
    const id = headers['webhook-id'] ?? '';
    if (ok && answer >= 200 && answer < 300 && !receiver.processed.has(id))
      receiver.processed.set(id, verdict.event);
    res.writeHead(answer).end();
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/kuaichu/webhooks`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
