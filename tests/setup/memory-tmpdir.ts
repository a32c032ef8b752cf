/**
 * Test scratch space in memory. Imported by vitest.config.ts and
 * vitest.e2e.config.ts: when /dev/shm is a tmpfs with room to spare and
 * TMPDIR is not set, the test run (and every process it starts: the
 * servers, Chromium and its profiles, PostgreSQL's cluster) makes its
 * temporary folders there. The server's SQLite commits with
 * `synchronous = FULL` and Chromium's IndexedDB syncs its log: on a disk each
 * fsync waited 3–5 ms here (server/routes/cases.test.ts: 1,962 of them, 7.8 s
 * of waiting; 0.8 s on /dev/shm). The code still calls fsync; only the
 * waiting goes. Test-only: the server keeps its data where DATA_DIR says.
 */
import { statfsSync } from 'node:fs';

/** Less free than this (a container's 64 MiB /dev/shm) and the disk is used. */
const ENOUGH_BYTES = 2 * 1024 ** 3;

/** The folder to use for TMPDIR, or undefined to leave it as it is. */
export function memoryTmpdir(
  env: NodeJS.ProcessEnv = process.env,
  free: (dir: string) => number = freeBytes,
): string | undefined {
  if (env.TMPDIR !== undefined && env.TMPDIR !== '') return undefined;
  return free('/dev/shm') >= ENOUGH_BYTES ? '/dev/shm' : undefined;
}

function freeBytes(dir: string): number {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return 0; // no /dev/shm (macOS, Windows)
  }
}

/** Sets TMPDIR for this process and its children when {@link memoryTmpdir} offers one. */
export function useMemoryTmpdir(): void {
  const dir = memoryTmpdir();
  if (dir !== undefined) process.env.TMPDIR = dir;
}
