/**
 * Weighs the build's JavaScript: all of it, and what the first screen loads
 * (the entry chunk and its static imports, from Vite's manifest), gzip -9.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

export interface BundleFigures {
  totalJsBytes: number;
  totalJsGzipBytes: number;
  initialJsGzipBytes: number;
  initialFiles: string[];
  chunks: number;
}

export function measureBundle(dist = 'dist'): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith('.html'));
  if (!entryKey) throw new Error('no HTML entry in the Vite manifest');
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit(entryKey);

  const jsFiles = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  let totalJsBytes = 0;
  let totalJsGzipBytes = 0;
  for (const f of jsFiles) {
    const bytes = readFileSync(join(dist, 'assets', f));
    totalJsBytes += bytes.length;
    totalJsGzipBytes += gz(bytes);
  }
  const initialFiles = [...initial].filter((f) => f.endsWith('.js'));
  const initialJsGzipBytes = initialFiles.reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0);
  return {
    totalJsBytes,
    totalJsGzipBytes,
    initialJsGzipBytes,
    initialFiles,
    chunks: jsFiles.length,
  };
}
