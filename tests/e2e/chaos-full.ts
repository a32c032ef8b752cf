/**
 * The full H6 chaos run: 10 cases × 6 photos, at most 5 minutes, seeded.
 * Run: `npx tsx tests/e2e/chaos-full.ts [seed]` (or CHAOS_SEED=…), with the
 * app built into STATIC_DIR (default dist/). Exit code 0 when every case was
 * delivered exactly once and the H5 invariants hold; 1 otherwise.
 */
import { runChaos } from './chaos';

const seed = Number(process.argv[2] ?? process.env.CHAOS_SEED ?? 20261127);

try {
  const result = await runChaos({
    seed,
    cases: 10,
    photosPerCase: 6,
    maxMs: 5 * 60_000,
    minSteps: 150,
  });
  // A capture cut by a browser kill may leave no case; every finished one must be there.
  const ok =
    result.report.unsent === 0 &&
    result.completed.every((id) => result.report.sent.includes(id)) &&
    result.report.sent.length === result.cases.length;
  console.info(
    `chaos seed ${seed}: ${ok ? 'PASS' : 'FAIL'} — ${result.cases.length} cases sent once ` +
      `(${result.completed.length} captures finished), ` +
      `${result.report.serverBlobs} blobs, ${(result.ms / 1000).toFixed(1)} s`,
  );
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(`chaos seed ${seed}: FAIL`, error);
  process.exit(1);
}
