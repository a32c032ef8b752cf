// `npm start`: build the PWA when dist/ is missing or stale, then run the
// server (TypeScript through tsx) in a child process. Arguments after
// `npm start --` go to the server; SIGINT/SIGTERM/SIGHUP are passed on, and
// this process exits with the server's code. Set KUAICHU_SKIP_BUILD=1 (or
// pass --no-build) to serve whatever dist/ holds.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuild } from './build-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORWARDED_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/** @type {import('node:child_process').ChildProcess | undefined} */
let current;
for (const signal of FORWARDED_SIGNALS) {
  process.on(signal, () => {
    // Ctrl+C already reaches the child through the terminal; a second copy is harmless.
    if (current && current.exitCode === null) current.kill(signal);
    else process.exit(128 + (os.constants.signals[signal] ?? 0));
  });
}

/**
 * Runs a command with inherited stdio; resolves with its exit code (128+n for signal n).
 * @param {string} command
 * @param {string[]} args
 * @param {string} [cwd]
 * @returns {Promise<number>}
 */
function run(command, args, cwd = process.cwd()) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd, env: process.env });
    current = child;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      current = undefined;
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}

async function buildIfStale() {
  const status = await checkBuild(root);
  if (!status.stale) {
    console.log(`Kuaichu: ${status.reason}.`);
    return 0;
  }
  console.log(`Kuaichu: building the app (${status.reason})…`);
  const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const code = fs.existsSync(viteBin)
    ? await run(process.execPath, [viteBin, 'build'], root)
    : await run('npx', ['vite', 'build'], root);
  if (code !== 0) console.error(`Kuaichu: the build failed (exit ${code}); not starting.`);
  return code;
}

async function main() {
  const args = process.argv.slice(2);
  const skipBuild = process.env.KUAICHU_SKIP_BUILD === '1' || args.includes('--no-build');
  const serverArgs = args.filter((a) => a !== '--no-build');
  if (!skipBuild) {
    const code = await buildIfStale();
    if (code !== 0) return code;
  }
  // One child (not tsx's own wrapper process), so signals reach the server
  // directly; tsx is resolved from here so any cwd works.
  const tsx = import.meta.resolve('tsx');
  const main = path.join(root, 'server', 'main.ts');
  return run(process.execPath, ['--import', tsx, main, ...serverArgs]);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('Kuaichu: could not start:', error);
    process.exit(1);
  },
);
