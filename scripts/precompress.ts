/**
 * Precompression of the built PWA: every text file of dist/ (scripts, styles,
 * HTML, the web manifest, SVG, the subset font) gets a `.br` (brotli, best
 * quality; fast quality above 512 KB) and a `.gz` (gzip -9) sibling, written once at build time so the
 * server never compresses a static file per request. The server
 * (`server/routes/static.ts`, @fastify/static's `preCompressed`) picks the
 * sibling the request's `Accept-Encoding` allows and answers
 * `Content-Encoding` and `Vary: Accept-Encoding`; a file without a sibling
 * (too small, or not smaller compressed) is served as it is.
 *
 * Runs as the last step of `vite build` (after the service worker is
 * written, so sw.js is compressed as finally written), or alone:
 * `npx tsx scripts/precompress.ts dist`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing; source maps are left out (never fetched by the app). */
export const PRECOMPRESSED_FILES = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|otf|ttf)$/;

/** Below this size the encoding header costs about what compression saves. */
export const PRECOMPRESS_MIN_BYTES = 1024;

/**
 * Brotli's best quality costs ~5 s a megabyte here: files above this size
 * (the lazy PDF chunk, the PDF font) get a fast quality, a few percent larger.
 */
const BEST_QUALITY_MAX_BYTES = 512 * 1024;
const FAST_QUALITY = 6;

/** A sibling is kept only when it saves at least a tenth of the file. */
const KEEP_RATIO = 0.9;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export interface PrecompressSummary {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && PRECOMPRESSED_FILES.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Writes (or replaces) the `.br` and `.gz` siblings of one file; a build does this for every text file. */
export async function precompressFile(file: string): Promise<PrecompressSummary> {
  const bytes = await fs.readFile(file);
  const none = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  if (bytes.byteLength < PRECOMPRESS_MIN_BYTES) return none;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]:
          bytes.byteLength <= BEST_QUALITY_MAX_BYTES
            ? zlib.constants.BROTLI_MAX_QUALITY
            : FAST_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }),
    gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  const summary = { files: 1, bytes: bytes.byteLength, brotliBytes: 0, gzipBytes: 0 };
  if (br.byteLength <= bytes.byteLength * KEEP_RATIO) {
    await fs.writeFile(`${file}.br`, br);
    summary.brotliBytes = br.byteLength;
  }
  if (gz.byteLength <= bytes.byteLength * KEEP_RATIO) {
    await fs.writeFile(`${file}.gz`, gz);
    summary.gzipBytes = gz.byteLength;
  }
  return summary;
}

/** Writes the `.br` and `.gz` siblings of every text file under `dir`. */
export async function precompressDir(dir: string): Promise<PrecompressSummary> {
  const results = await Promise.all((await listFiles(dir)).map(precompressFile));
  return results.reduce(
    (sum, r) => ({
      files: sum.files + r.files,
      bytes: sum.bytes + r.bytes,
      brotliBytes: sum.brotliBytes + r.brotliBytes,
      gzipBytes: sum.gzipBytes + r.gzipBytes,
    }),
    { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 },
  );
}

/** The Vite plugin: precompresses the output folder once everything else has written it. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kuaichu:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const s = await precompressDir(outDir);
        const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
        this.info(
          `precompressed ${s.files} files: ${kb(s.bytes)} → ${kb(s.brotliBytes)} br, ${kb(s.gzipBytes)} gzip`,
        );
      },
    },
  };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const dir = process.argv[2] ?? 'dist';
  console.log(await precompressDir(dir));
}
