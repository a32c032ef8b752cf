// Decides whether `npm start` must rebuild the PWA: the build is stale when
// dist/index.html is missing or older than anything it is built from. Vite
// writes index.html near the end of a build, so its mtime marks "built at".
// Directories count too: deleting or renaming a file changes its folder's mtime.
import fs from 'node:fs/promises';
import path from 'node:path';

/** The file whose mtime stands for the whole build. */
export const BUILD_OUTPUT = 'dist/index.html';

/** What the build is made from, relative to the project root (files or folders). */
export const BUILD_INPUTS = [
  'src',
  'service-worker',
  'public',
  'index.html',
  'vite.config.ts',
  // The build's own plugins (vite.config.ts): the first screen's prerender, the boot scripts' inlining, precompression.
  'scripts/prerender-first-screen.ts',
  'scripts/inline-boot-script.ts',
  'scripts/precompress.ts',
  'package.json',
];

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist']);
const TEST_FILE = /\.(test|spec|e2e)\.[cm]?[jt]sx?$/;

/**
 * The pure decision.
 * @param {number | undefined} outputMtimeMs mtime of the build output, undefined when missing
 * @param {{ path: string, mtimeMs: number } | undefined} newestInput the most recently changed input
 * @returns {{ stale: boolean, reason: string }}
 */
export function decideBuild(outputMtimeMs, newestInput) {
  if (outputMtimeMs === undefined) return { stale: true, reason: `${BUILD_OUTPUT} is missing` };
  if (newestInput !== undefined && newestInput.mtimeMs > outputMtimeMs) {
    return { stale: true, reason: `${newestInput.path} changed after the last build` };
  }
  return { stale: false, reason: 'the build is up to date' };
}

/**
 * The most recently modified input (file or folder) under `root`; test files,
 * node_modules and dotfiles are ignored since they do not reach the bundle.
 * @param {string} root
 * @param {readonly string[]} inputs
 * @returns {Promise<{ path: string, mtimeMs: number } | undefined>}
 */
export async function newestInput(root, inputs = BUILD_INPUTS) {
  /** @type {{ path: string, mtimeMs: number } | undefined} */
  let newest;
  /** @param {string} rel */
  const visit = async (rel) => {
    const stat = await statOrUndefined(path.join(root, rel));
    if (!stat) return;
    if (!newest || stat.mtimeMs > newest.mtimeMs) newest = { path: rel, mtimeMs: stat.mtimeMs };
    if (!stat.isDirectory()) return;
    for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      if (entry.isFile() && TEST_FILE.test(entry.name)) continue;
      await visit(path.posix.join(rel, entry.name));
    }
  };
  for (const input of inputs) await visit(input);
  return newest;
}

/**
 * Checks the real file system under `root`.
 * @param {string} root
 * @param {{ output?: string, inputs?: readonly string[] }} [options]
 */
export async function checkBuild(root, options = {}) {
  const output = await statOrUndefined(path.join(root, options.output ?? BUILD_OUTPUT));
  return decideBuild(output?.mtimeMs, await newestInput(root, options.inputs ?? BUILD_INPUTS));
}

/** @param {string} file */
async function statOrUndefined(file) {
  try {
    return await fs.stat(file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
    throw error;
  }
}
