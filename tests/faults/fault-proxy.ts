/**
 * The fault proxy (RELIABILITY.md harness H2): sits between the browser and
 * the server on loopback and misbehaves on command. Modes apply to requests
 * whose path matches `match` (a substring; default: every `/api/` request),
 * for the next `times` matching requests (default: until changed).
 *
 * - `pass`: forward as is.
 * - `cut-request`: forward the first `bytes` of the request body, then
 *   destroy both sockets (an upload dropped halfway).
 * - `lost-response`: forward the whole request, let the server answer (and
 *   commit), then destroy the client socket instead of relaying the answer.
 * - `status`: answer `status` (e.g. 500, 502, 413, 401) without forwarding.
 * - `captive-portal`: answer every request `200 text/html` (a Wi-Fi login page).
 * - `delay`: wait `ms` before forwarding.
 * - `throttle`: forward at most `bytesPerSecond` each way.
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
  | { mode: 'cut-request'; bytes: number }
  | { mode: 'lost-response' }
  | { mode: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { mode: 'captive-portal' }
  | { mode: 'delay'; ms: number }
  | { mode: 'throttle'; bytesPerSecond: number };

export interface FaultRule {
  fault: FaultMode;
  /** Substring of `METHOD path`, e.g. `PATCH /api/uploads/` or `/api/cases/`. */
  match?: string;
  /** How many matching requests it applies to; undefined = until changed. */
  times?: number;
}

export interface ProxyLogEntry {
  method: string;
  path: string;
  fault: FaultMode['mode'];
  status?: number;
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
        const next = pieces.shift();
        if (!next) return done();
        this.push(next);
        setTimeout(push, (next.length / bytesPerSecond) * 1000);
      };
      push();
    },
  });
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let rules: { rule: FaultRule; left: number }[] = [];
  const log: ProxyLogEntry[] = [];

  const pick = (req: IncomingMessage): FaultMode => {
    const key = `${req.method ?? 'GET'} ${req.url ?? '/'}`;
    for (const r of rules) {
      const applies = r.rule.match
        ? key.includes(r.rule.match)
        : (req.url ?? '').startsWith('/api/');
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
          upRes.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        if (fault.mode === 'throttle') upRes.pipe(throttle(fault.bytesPerSecond)).pipe(res);
        else upRes.pipe(res);
      },
    );
    up.on('error', () => req.socket.destroy());
    if (fault.mode === 'cut-request') {
      let sent = 0;
      req.on('data', (chunk: Buffer) => {
        const room = fault.bytes - sent;
        if (room > 0) up.write(chunk.subarray(0, room));
        sent += chunk.length;
        if (sent >= fault.bytes) {
          up.destroy();
          req.socket.destroy();
        }
      });
      req.on('end', () => up.end());
    } else if (fault.mode === 'throttle') {
      req.pipe(throttle(fault.bytesPerSecond)).pipe(up);
    } else {
      req.pipe(up);
    }
  };

  const server: Server = createServer((req, res) => {
    const fault = pick(req);
    const entry: ProxyLogEntry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      fault: fault.mode,
    };
    log.push(entry);
    switch (fault.mode) {
      case 'status':
        req.resume();
        entry.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(
          fault.body ?? JSON.stringify({ error: { code: 'injected', message: 'fault proxy' } }),
        );
        return;
      case 'captive-portal':
        req.resume();
        entry.status = 200;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Welcome to Free Wi-Fi. Please sign in.</body></html>');
        return;
      case 'delay':
        setTimeout(() => forward(req, res, fault, entry), fault.ms);
        return;
      default:
        forward(req, res, fault, entry);
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
