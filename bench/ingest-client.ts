/**
 * The ingest bench's clients (case PUTs, tus uploads), in a worker thread of their own: sending the
 * requests costs the main thread about as much as a small
 * handler, and phones are other machines, so the server's event loop runs
 * the server only. The worker is plain JavaScript (`eval`): a worker thread
 * does not inherit tsx's loader. Case PUTs go through node:http with a
 * keep-alive agent, not fetch: on this 2-core machine fetch (undici's
 * WHATWG layer) took 1–2 ms of CPU per request beside the server, a share
 * of the same cores the server's figures were then bounded by.
 */
import { Worker } from 'node:worker_threads';

export interface PutLoad {
  base: string;
  token: string;
  /** Each request's path and JSON body, serialised beforehand (not timed). */
  requests: { path: string; body: string }[];
  /** Connections, each sending its next request when its last one is answered. */
  concurrency: number;
  /**
   * Open loop: request i is due at i / rate seconds after the start, sent as
   * soon as it is due and a connection is free, its latency counted from when
   * it was due (a request held back by a busy server counts that wait).
   * Without it, each connection sends back to back (closed loop).
   */
  ratePerSecond?: number;
}

export interface PutTimings {
  seconds: number;
  /** Milliseconds per request, as each client saw it. */
  latencies: number[];
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const http = require('node:http');
const { base, token, requests, concurrency, ratePerSecond } = workerData;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let next = 0;
function put(path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(base + path, {
      method: 'PUT',
      agent,
      headers: {
        authorization: 'Bearer ' + token,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
async function client() {
  while (next < requests.length) {
    const i = next++;
    const { path, body } = requests[i];
    const due = ratePerSecond ? start + (i * 1000) / ratePerSecond : undefined;
    if (due !== undefined && due > performance.now()) await sleep(due - performance.now());
    const t0 = due ?? performance.now();
    const { status, text } = await put(path, body);
    if (status !== 200) throw new Error('PUT answered ' + status + ': ' + text);
    latencies.push(performance.now() - t0);
  }
}
const start = performance.now();
Promise.all(Array.from({ length: concurrency }, client)).then(
  () => parentPort.postMessage({ seconds: (performance.now() - start) / 1000, latencies }),
  (error) => parentPort.postMessage({ error: String(error) }),
);
`;

/** Sends every request, `concurrency` at a time, from a worker thread; answers when all are done. */
export function putFromWorker(load: PutLoad): Promise<PutTimings> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: load });
    worker.once('message', (message: PutTimings | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}

export interface UploadLoad {
  base: string;
  token: string;
  /**
   * Each photo's bytes and tus metadata. The first is sent before the clock
   * starts: a fresh thread's first upload also pays for loading and
   * compiling the client and opening its connection (reported apart).
   */
  photos: { bytes: Uint8Array; metadata: Record<string, string> }[];
  /** Bytes per PATCH (tus-js-client's `chunkSize`); Infinity sends each photo in one. */
  chunkSize: number;
  /** The first chunk in the creation POST (tus creation-with-upload), not in a PATCH after it. */
  withCreation?: boolean;
}

const UPLOADER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const http = require('node:http');
const tus = require('tus-js-client');
const { base, token, photos, chunkSize, withCreation } = workerData;
// tus-js-client's own Node stack writes a body 16 KiB at a time, waiting for
// 'drain' between writes (its writeBufferToStreamWithProgress); a phone's
// browser hands the whole chunk to the network at once. This stack sends
// each request's body in one write, on keep-alive connections.
const agent = new http.Agent({ keepAlive: true });
const oneWriteStack = {
  getName: () => 'one-write',
  createRequest(method, url) {
    const headers = {};
    let sent;
    return {
      getMethod: () => method,
      getURL: () => url,
      setHeader: (name, value) => { headers[name] = value; },
      getHeader: (name) => headers[name],
      setProgressHandler: () => {},
      getUnderlyingObject: () => sent,
      abort: async () => sent?.destroy(),
      send: (body) => new Promise((resolve, reject) => {
        if (body) headers['Content-Length'] = body.length;
        sent = http.request(url, { method, headers, agent }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            resolve({
              getStatus: () => res.statusCode,
              getHeader: (name) => res.headers[name.toLowerCase()],
              getBody: () => text,
              getUnderlyingObject: () => res,
            });
          });
        });
        sent.on('error', reject);
        sent.end(body ? Buffer.from(body.buffer, body.byteOffset, body.length) : undefined);
      }),
    };
  },
};
async function main() {
  let start = performance.now();
  let first;
  for (const photo of photos) {
    await new Promise((resolve, reject) => {
      new tus.Upload(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength), {
        endpoint: base + '/api/uploads/',
        headers: { authorization: 'Bearer ' + token },
        metadata: photo.metadata,
        chunkSize,
        uploadDataDuringCreation: Boolean(withCreation),
        httpStack: oneWriteStack,
        onSuccess: resolve,
        onError: reject,
      }).start();
    });
    if (first === undefined) {
      first = (performance.now() - start) / 1000;
      start = performance.now();
    }
  }
  return { seconds: (performance.now() - start) / 1000, first };
}
main().then(
  (timed) => parentPort.postMessage(timed),
  (error) => parentPort.postMessage({ error: String(error) }),
);
`;

/**
 * Uploads every photo one after the other through tus-js-client in a worker
 * thread, each request's body sent in one write; answers the seconds taken
 * by all but the first, and by the first (the thread's cold start).
 */
export function uploadFromWorker(load: UploadLoad): Promise<{ seconds: number; first: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(UPLOADER, { eval: true, workerData: load });
    type Message = { seconds: number; first: number } | { error: string };
    worker.once('message', (message: Message) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}
