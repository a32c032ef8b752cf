/**
 * A recording HTTP proxy, to sit in front of the fault proxy (browser →
 * recorder → fault proxy → server). It changes nothing; it counts what crosses
 * it — request bytes (request line, headers, body) as they arrive, so a request
 * cut halfway counts what was sent, and response bytes — and keeps the headers
 * and body of requests matching `capture` (e.g. `PUT /api/cases/`) so a test
 * can replay the phone's exact request from Node.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  startedAt: number;
  endedAt?: number;
  /** Request line + headers + body bytes received from the client. */
  requestBytes: number;
  /** Body bytes only. */
  bodyBytes: number;
  /** Bytes of the `content-length` the client announced (0 when absent). */
  announcedBytes: number;
  responseBytes: number;
  status?: number;
  /** True when the client's request body ended normally. */
  requestComplete: boolean;
  /** True when the answer was relayed to the end. */
  responseComplete: boolean;
  headers: Record<string, string>;
  /** Only for requests matching `capture`. */
  body?: Buffer;
}

export interface RecordingProxy {
  url: string;
  log: RecordedRequest[];
  /** Bytes of every request and answer so far (both ways). */
  totals(): { up: number; down: number };
  /** Keep the bodies of requests whose `METHOD path` contains this. */
  capture(match: string | undefined): void;
  close(): Promise<void>;
}

const headerBytes = (req: IncomingMessage) =>
  `${req.method} ${req.url} HTTP/1.1\r\n`.length +
  // "Name: value\r\n" per header, then the blank line.
  req.rawHeaders.reduce((n, h) => n + h.length + 2, 0) +
  2;

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const log: RecordedRequest[] = [];
  let captureMatch: string | undefined;
  let seq = 0;

  const server: Server = createServer((req, res) => {
    const key = `${req.method ?? 'GET'} ${req.url ?? '/'}`;
    const entry: RecordedRequest = {
      seq: seq++,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      startedAt: Date.now(),
      requestBytes: headerBytes(req),
      bodyBytes: 0,
      announcedBytes: Number(req.headers['content-length'] ?? 0),
      responseBytes: 0,
      requestComplete: false,
      responseComplete: false,
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(', ') : (v ?? ''),
        ]),
      ),
    };
    log.push(entry);
    const keep = captureMatch !== undefined && key.includes(captureMatch);
    const chunks: Buffer[] = [];
    const up = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (upRes) => {
        entry.status = upRes.statusCode;
        entry.responseBytes += upRes.rawHeaders.reduce((n, h) => n + h.length + 2, 17);
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.on('data', (d: Buffer) => (entry.responseBytes += d.length));
        upRes.on('end', () => {
          entry.responseComplete = true;
          entry.endedAt = Date.now();
        });
        upRes.on('error', () => res.destroy());
        upRes.pipe(res);
      },
    );
    up.on('error', () => {
      entry.endedAt = Date.now();
      res.destroy();
    });
    req.on('data', (d: Buffer) => {
      entry.bodyBytes += d.length;
      entry.requestBytes += d.length;
      if (keep) chunks.push(d);
    });
    req.on('end', () => {
      entry.requestComplete = true;
      if (keep) entry.body = Buffer.concat(chunks);
    });
    // The client went away before the answer was relayed: drop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
      entry.endedAt ??= Date.now();
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    totals: () => ({
      up: log.reduce((n, e) => n + e.requestBytes, 0),
      down: log.reduce((n, e) => n + e.responseBytes, 0),
    }),
    capture(match) {
      captureMatch = match;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
