/**
 * Weighs the build's JavaScript: all of it, what the first screen loads (the
 * entry chunk and its static imports, from Vite's manifest), and what
 * src/app/main.tsx loads right after the first paint (the database with the
 * case list, the sync runner), gzip -9, with the packages in each (from the
 * source maps).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The first route's budget (issue 13): 100 KB gzip. */
export const INITIAL_JS_BUDGET_BYTES = 100 * 1024;

/**
 * What main.tsx and the shell load right after the first paint (the headroom
 * check at start, services/storage-pressure.ts, shares a chunk with the
 * screens that use it and is not counted).
 */
export const AFTER_START_MODULES = [
  'src/storage/db.ts',
  'src/features/scene/CaseList.tsx',
  'src/app/SyncChip.tsx',
  'src/app/sync-setup.ts',
];

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

export interface BundleFigures {
  totalJsBytes: number;
  totalJsGzipBytes: number;
  initialJsGzipBytes: number;
  initialFiles: string[];
  /** npm packages in the first route's JavaScript. */
  initialPackages: string[];
  /** Loaded right after the first paint (AFTER_START_MODULES), not counting the first route. */
  afterStartJsGzipBytes: number;
  afterStartPackages: string[];
  chunks: number;
}

type Manifest = Record<string, ManifestChunk>;

/** The files of these chunks and of everything they import statically. */
function closure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

/** The npm packages a built file holds, from its source map. */
function packagesIn(dist: string, files: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const f of files) {
    let sources: string[];
    try {
      ({ sources } = JSON.parse(readFileSync(join(dist, `${f}.map`), 'utf8')) as {
        sources: string[];
      });
    } catch {
      continue;
    }
    for (const source of sources) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

export function measureBundle(dist = 'dist'): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith('.html'));
  if (!entryKey) throw new Error('no HTML entry in the Vite manifest');
  const initial = closure(manifest, [entryKey]);
  const missing = AFTER_START_MODULES.filter((k) => !manifest[k]);
  if (missing.length) throw new Error(`not chunks of their own: ${missing.join(', ')}`);
  const afterStart = [...closure(manifest, AFTER_START_MODULES)].filter(
    (f) => !initial.has(f) && f.endsWith('.js'),
  );

  const jsFiles = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  let totalJsBytes = 0;
  let totalJsGzipBytes = 0;
  for (const f of jsFiles) {
    const bytes = readFileSync(join(dist, 'assets', f));
    totalJsBytes += bytes.length;
    totalJsGzipBytes += gz(bytes);
  }
  const initialFiles = [...initial].filter((f) => f.endsWith('.js'));
  const gzipOf = (files: string[]) =>
    files.reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0);
  return {
    totalJsBytes,
    totalJsGzipBytes,
    initialJsGzipBytes: gzipOf(initialFiles),
    initialFiles,
    initialPackages: packagesIn(dist, initialFiles),
    afterStartJsGzipBytes: gzipOf(afterStart),
    afterStartPackages: packagesIn(dist, afterStart),
    chunks: jsFiles.length,
  };
}
