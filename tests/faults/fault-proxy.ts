/**
 * The fault proxy (RELIABILITY.md harness H2): sits between the browser and
 * the server on loopback and misbehaves on command. Modes apply to requests
 * whose path matches `match` (a substring; default: every `/api/` request),
 * for the next `times` matching requests (default: until changed).
 *
 * - `pass`: forward as is.
 * - `cut-request`: forward the first `bytes` of the request body, then
 *   destroy both sockets (an upload dropped halfway); with `bytesPerSecond`
 *   (and `latencyMs`) those bytes go at a throttled link's pace.
 * - `lost-response`: forward the whole request, let the server answer (and
 *   commit), then destroy the client socket instead of relaying the answer.
 * - `status`: answer `status` (e.g. 500, 502, 413, 401) without forwarding.
 * - `captive-portal`: answer every request `200 text/html` (a Wi-Fi login page).
 * - `delay`: wait `ms` before forwarding.
 * - `throttle`: forward at most `bytesPerSecond` each way, per request;
 *   with `latencyMs`, wait that long before forwarding (a link's round trip).
 *
 * A rule with `headers` applies only to requests carrying those header values
 * (e.g. `{ 'upload-offset': '0' }`: the first chunk of a tus upload).
 *
 * The log counts what crossed the proxy: request line, headers and the body
 * bytes passed on to the server (a cut request counts what got through before
 * the cut; a request the proxy answers itself, what it read), and the status
 * line, headers (as the server sent them) and body bytes relayed back.
 * Chunked-encoding framing is not counted.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';

export type FaultMode =
  | { mode: 'pass' }
  | { mode: 'cut-request'; bytes: number; bytesPerSecond?: number; latencyMs?: number }
  | { mode: 'lost-response' }
  | { mode: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { mode: 'captive-portal' }
  | { mode: 'delay'; ms: number }
  | { mode: 'throttle'; bytesPerSecond: number; latencyMs?: number };

export interface FaultRule {
  fault: FaultMode;
  /** Substring of `METHOD path`, e.g. `PATCH /api/uploads/` or `/api/cases/`. */
  match?: string;
  /** Request headers that must all be present with exactly these values (lower-case names). */
  headers?: Record<string, string>;
  /** How many matching requests it applies to; undefined = until changed. */
  times?: number;
}

export interface ProxyLogEntry {
  method: string;
  path: string;
  fault: FaultMode['mode'];
  status?: number;
  /** The request's headers as the client sent them (lower-case names, repeats joined by `, `). */
  headers: Record<string, string>;
  /** Request line + headers + body bytes passed on to the server (see the log note above). */
  requestBytes: number;
  /** Body bytes only, of those. */
  bodyBytes: number;
  /** Status line + headers + body bytes relayed back to the client. */
  responseBytes: number;
  /** `Date.now()` when the request arrived, and when the proxy was done with it. */
  startedAt: number;
  endedAt?: number;
}

export interface FaultProxy {
  url: string;
  /** Replaces the rules; the first rule that matches a request applies. */
  set(...rules: FaultRule[]): void;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

/** A byte-rate limiter for one direction of a stream. */
function throttle(bytesPerSecond: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const pieces: Buffer[] = [];
      const slice = Math.max(1, Math.floor(bytesPerSecond / 10));
      for (let i = 0; i < chunk.length; i += slice) pieces.push(chunk.subarray(i, i + slice));
      const push = () => {
        if (this.destroyed) return;
        const next = pieces.shift();
        if (!next) return done();
        this.push(next);
        setTimeout(push, (next.length / bytesPerSecond) * 1000);
      };
      push();
    },
  });
}

/** "Name: value\r\n" per header, then the blank line. */
const headerBlockBytes = (rawHeaders: string[]) =>
  rawHeaders.reduce((n, h) => n + h.length + 2, 0) + 2;

const requestHeadBytes = (req: IncomingMessage) =>
  Buffer.byteLength(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`) +
  headerBlockBytes(req.rawHeaders);

const flatHeaders = (req: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  );

/** The throttle and latency a mode puts on the link, if any. */
const shapeOf = (fault: FaultMode): { bytesPerSecond?: number; latencyMs: number } => {
  switch (fault.mode) {
    case 'throttle':
      return { bytesPerSecond: fault.bytesPerSecond, latencyMs: fault.latencyMs ?? 0 };
    case 'cut-request':
      return fault.bytesPerSecond === undefined
        ? { latencyMs: fault.latencyMs ?? 0 }
        : { bytesPerSecond: fault.bytesPerSecond, latencyMs: fault.latencyMs ?? 0 };
    case 'delay':
      return { latencyMs: fault.ms };
    default:
      return { latencyMs: 0 };
  }
};

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let rules: { rule: FaultRule; left: number }[] = [];
  const log: ProxyLogEntry[] = [];

  const pick = (req: IncomingMessage): FaultMode => {
    const key = `${req.method ?? 'GET'} ${req.url ?? '/'}`;
    for (const r of rules) {
      const applies =
        (r.rule.match ? key.includes(r.rule.match) : (req.url ?? '').startsWith('/api/')) &&
        Object.entries(r.rule.headers ?? {}).every(
          ([name, value]) => req.headers[name.toLowerCase()] === value,
        );
      if (applies && r.left > 0) {
        r.left -= 1;
        return r.rule.fault;
      }
    }
    return { mode: 'pass' };
  };

  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    fault: FaultMode,
    entry: ProxyLogEntry,
  ) => {
    const { bytesPerSecond } = shapeOf(fault);
    const end = () => (entry.endedAt ??= Date.now());
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
        if (fault.mode === 'lost-response') {
          // The server has answered (and committed); the client never hears it.
          upRes.resume();
          upRes.on('end', () => {
            end();
            req.socket.destroy();
          });
          return;
        }
        entry.responseBytes +=
          Buffer.byteLength(
            `HTTP/1.1 ${upRes.statusCode ?? 502} ${upRes.statusMessage ?? ''}\r\n`,
          ) + headerBlockBytes(upRes.rawHeaders);
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        const answer = bytesPerSecond === undefined ? upRes : upRes.pipe(throttle(bytesPerSecond));
        answer.on('data', (d: Buffer) => (entry.responseBytes += d.length));
        answer.pipe(res);
      },
    );
    up.on('error', () => {
      end();
      req.socket.destroy();
    });
    res.on('close', end);
    // Set once a cut is under way: the cut ends the upstream request itself.
    let cutting = false;
    // The client went away mid-body: the server sees the request aborted, as it would be.
    req.on('close', () => {
      if (!req.complete && !cutting) up.destroy();
    });
    const body = bytesPerSecond === undefined ? req : req.pipe(throttle(bytesPerSecond));
    if (fault.mode === 'cut-request') {
      let sent = 0;
      body.on('data', (chunk: Buffer) => {
        if (sent >= fault.bytes) return;
        const room = fault.bytes - sent;
        const part = chunk.subarray(0, room);
        entry.bodyBytes += part.length;
        entry.requestBytes += part.length;
        sent += chunk.length;
        if (sent < fault.bytes) {
          up.write(part);
          return;
        }
        // Cut once the last bytes are out of Node's buffer, so the server gets all of them.
        cutting = true;
        end();
        if (body !== req) body.destroy();
        req.socket.destroy();
        up.write(part, () => up.destroy());
      });
      body.on('end', () => up.end());
    } else {
      body.on('data', (d: Buffer) => {
        entry.bodyBytes += d.length;
        entry.requestBytes += d.length;
      });
      body.pipe(up);
    }
  };

  const server: Server = createServer((req, res) => {
    const fault = pick(req);
    const entry: ProxyLogEntry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      fault: fault.mode,
      headers: flatHeaders(req),
      requestBytes: requestHeadBytes(req),
      bodyBytes: 0,
      responseBytes: 0,
      startedAt: Date.now(),
    };
    log.push(entry);
    const answerHere = (status: number, headers: Record<string, string>, text: string) => {
      req.on('data', (d: Buffer) => {
        entry.bodyBytes += d.length;
        entry.requestBytes += d.length;
      });
      req.resume();
      entry.status = status;
      res.writeHead(status, headers);
      res.end(text);
      entry.responseBytes +=
        Buffer.byteLength(`HTTP/1.1 ${status} ${res.statusMessage}\r\n`) +
        headerBlockBytes(Object.entries(res.getHeaders()).flatMap(([k, v]) => [k, String(v)])) +
        Buffer.byteLength(text);
      res.on('close', () => (entry.endedAt ??= Date.now()));
    };
    switch (fault.mode) {
      case 'status':
        answerHere(
          fault.status,
          { 'content-type': 'application/json', ...fault.headers },
          fault.body ?? JSON.stringify({ error: { code: 'injected', message: 'fault proxy' } }),
        );
        return;
      case 'captive-portal':
        answerHere(
          200,
          { 'content-type': 'text/html' },
          '<html><body>Welcome to Free Wi-Fi. Please sign in.</body></html>',
        );
        return;
      default: {
        const { latencyMs } = shapeOf(fault);
        if (latencyMs > 0) setTimeout(() => forward(req, res, fault, entry), latencyMs);
        else forward(req, res, fault, entry);
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set(...next) {
      rules = next.map((rule) => ({ rule, left: rule.times ?? Number.POSITIVE_INFINITY }));
    },
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
