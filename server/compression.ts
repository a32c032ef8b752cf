/**
 * Compression of the API's JSON answers: a JSON body of at least
 * {@link API_COMPRESS_MIN_BYTES} goes out brotli- or gzip-encoded when the
 * request's `Accept-Encoding` allows it (brotli preferred; a `q=0` refuses an
 * encoding). Every JSON answer says `Vary: Accept-Encoding`, compressed or
 * not, so a cache never hands one client's encoding to another. Streams
 * (photos, packets, tus) and non-JSON bodies pass untouched; static files are
 * precompressed at build time (routes/static.ts). Brotli runs at a fast
 * quality off the main thread (zlib's thread pool): a pull or a queue page of
 * tens of kilobytes costs well under a millisecond.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const API_COMPRESS_MIN_BYTES = 1024;

export type ApiEncoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encoding to answer with: br, else gzip, each only when accepted with q > 0. */
export function negotiateEncoding(header: string | undefined): ApiEncoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const weight = params.find((p) => p.startsWith('q='));
    const value = weight === undefined ? 1 : Number(weight.slice(2));
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepted = (name: ApiEncoding) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepted('br')) return 'br';
  if (accepted('gzip')) return 'gzip';
  return undefined;
}

function addVary(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const value = Array.isArray(current) ? current.join(', ') : String(current ?? '');
  if (/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i.test(value)) return;
  void reply.header('vary', value ? `${value}, Accept-Encoding` : 'Accept-Encoding');
}

async function encode(payload: string | Buffer, encoding: ApiEncoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(payload, { level: 6 });
  return brotli(payload, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(payload),
    },
  });
}

const isJsonReply = (reply: FastifyReply): boolean =>
  /\bjson\b/i.test(String(reply.getHeader('content-type') ?? ''));

/** Registers the onSend hook that compresses the API's JSON answers. */
export function registerApiCompression(app: FastifyInstance): void {
  // A callback hook: only a reply that is compressed waits for a promise.
  app.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload, done) => {
    const encoding = encodingFor(request, reply, payload);
    if (!encoding) {
      done(null, payload);
      return;
    }
    encode(payload as string | Buffer, encoding).then((body) => {
      void reply.header('content-encoding', encoding);
      reply.removeHeader('content-length');
      done(null, body);
    }, done);
  });
}

/** The encoding to send `payload` in, or undefined to send it as it is. */
function encodingFor(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): ApiEncoding | undefined {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return undefined;
  if (!isJsonReply(reply) || reply.hasHeader('content-encoding')) return undefined;
  addVary(reply);
  if (request.method === 'HEAD' || Buffer.byteLength(payload) < API_COMPRESS_MIN_BYTES) {
    return undefined;
  }
  return negotiateEncoding(request.headers['accept-encoding']);
}
