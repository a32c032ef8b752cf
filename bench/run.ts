/**
 * `npm run bench`: builds the app, runs every benchmark, writes each one's
 * figures to bench/results/<name>.json with the machine they were taken on,
 * and prints a summary. Never part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { INITIAL_JS_BUDGET_BYTES, measureBundle } from './bundle-size';
import { describeMachine } from './machine';

function record(name: string, figures: object) {
  mkdirSync('bench/results', { recursive: true });
  const result = {
    name,
    measuredAt: new Date().toISOString(),
    machine: describeMachine(),
    figures,
  };
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const bundle = measureBundle();
record('bundle-size', { ...bundle, initialJsBudgetBytes: INITIAL_JS_BUDGET_BYTES });
console.log('bundle-size');
const ratio = (bundle.initialJsGzipBytes / INITIAL_JS_BUDGET_BYTES).toFixed(2);
console.log(
  `  first route JS (gzip -9): ${kb(bundle.initialJsGzipBytes)} of ${kb(INITIAL_JS_BUDGET_BYTES)} limit (ratio ${ratio})`,
);
console.log(`    packages: ${bundle.initialPackages.join(', ')}`);
console.log(
  `  loaded right after the first paint: ${kb(bundle.afterStartJsGzipBytes)} (${bundle.afterStartPackages.join(', ')})`,
);
console.log(
  `  all JS: ${kb(bundle.totalJsBytes)} raw, ${kb(bundle.totalJsGzipBytes)} gzip in ${bundle.chunks} chunks`,
);
if (bundle.initialJsGzipBytes > INITIAL_JS_BUDGET_BYTES) {
  console.error('  over budget: load more of the first screen lazily');
  process.exitCode = 1;
}

const ingest = (await import('./ingest')).benchIngest;
const figures = await ingest();
record('ingest', figures);
console.log('ingest');
console.log(
  `  load average at start ${figures.loadAverage.start.join(' ')}, end ${figures.loadAverage.end.join(' ')}`,
);
for (const put of [figures.casePut, ...figures.casePutMore]) {
  console.log(
    `  case PUT ×${put.concurrency}: ${put.perSecond}/s (p50 ${put.p50Ms} ms, p99 ${put.p99Ms} ms; ${(put.perSecond / figures.rawSqlite.commitsPerSecond).toFixed(3)} of raw SQLite's ${figures.rawSqlite.commitsPerSecond} commits/s)`,
  );
}
console.log(
  `  replays ${figures.casePutReplay.perSecond}/s (p50 ${figures.casePutReplay.p50Ms} ms, p99 ${figures.casePutReplay.p99Ms} ms); ${figures.groupCommit.requests} new PUTs in ${figures.groupCommit.batches} transactions (${figures.groupCommit.meanBatch} each)`,
);
console.log(
  `  stages, µs per PUT alone: ${Object.entries(figures.stagesMicros)
    .map(([stage, us]) => `${stage} ${us}`)
    .join(', ')}`,
);
console.log(
  `  photo upload (tus): ${figures.photoUpload.tusMBps} MB/s in one PATCH each, ${figures.photoUpload.tusAppChunksMBps} MB/s in the app's ${figures.photoUpload.appChunkBytes / 1024} KiB chunks (the first in the creation POST), vs a durable raw copy ${figures.photoUpload.fileCopyMBps} MB/s (median ratio of ${figures.photoUpload.rounds} interleaved rounds: ${figures.photoUpload.tusVsCopy}; ${figures.photoUpload.tusAppChunksVsCopy}; in the creation POST ${figures.photoUpload.tusOneRequestMBps} MB/s, ${figures.photoUpload.tusOneRequestVsCopy}; a fresh client thread's first upload, untimed, ${figures.photoUpload.coldFirstUploadMs} ms)`,
);
// Issue 13: ≥ 1,000 new case PUTs/s with p99 ≤ 20 ms at 8–32 clients; uploads ≥ half a durable copy.
for (const put of [figures.casePut, ...figures.casePutMore]) {
  if (put.perSecond < 1000 || put.p99Ms > 20) {
    console.error(`  below issue 13's ingest target at ×${put.concurrency} (1,000/s, p99 ≤ 20 ms)`);
    process.exitCode = 1;
  }
}
if (figures.photoUpload.tusVsCopy < 0.5) {
  console.error("  below issue 13's upload target (0.5 of a durable copy)");
  process.exitCode = 1;
}

const onPostgres = await (await import('./ingest-postgres')).benchIngestPostgres();
record('ingest-postgres', onPostgres);
console.log('ingest on PostgreSQL, two API processes (fsync on)');
if ('skipped' in onPostgres) console.log(`  skipped: ${onPostgres.skipped}`);
else {
  const sqlite = [figures.casePut, ...figures.casePutMore];
  for (const put of onPostgres.casePut) {
    const beside = sqlite.find((f) => f.concurrency === put.concurrency) ?? figures.casePut;
    console.log(
      `  case PUT ×${put.concurrency}: ${put.perSecond}/s (p50 ${put.p50Ms} ms, p99 ${put.p99Ms} ms); SQLite, one process, ×${beside.concurrency}: ${beside.perSecond}/s (p99 ${beside.p99Ms} ms)`,
    );
  }
}

const queue = await (await import('./review-queue')).benchReviewQueue();
record('review-queue', queue);
console.log('review-queue');
for (const t of queue.timings) {
  console.log(
    `  ${t.query} over ${queue.cases} cases: median ${t.medianMs} ms, p95 ${t.p95Ms} ms (${t.p95OverLimit} of the ${queue.limitMs} ms limit)`,
  );
  if (t.p95Ms > queue.limitMs) {
    console.error('  over the review queue’s limit');
    process.exitCode = 1;
  }
}

const packets = await (await import('./packets')).benchPackets();
record('packets', packets);
console.log('packets');
const tp = packets.throughput;
console.log(
  `  ${tp.packets} packets (${tp.cases} approvals × ${packets.insurersPerCase} insurers): ${tp.endToEnd.packetsPerSecond}/s built and delivered end to end; built alone ${tp.split.buildPacketsPerSecond}/s, delivered alone ${tp.split.deliverPacketsPerSecond}/s`,
);
for (const run of packets.latency.runs) {
  const r = run.receiptToFirstAttempt;
  console.log(
    `  receipt to first attempt (${run.pacing}, ${run.cases} cases): median ${r.medianMs} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms (${r.p99OverLimit} of the ${packets.latency.limitMs} ms limit)`,
  );
  if (r.p99Ms > packets.latency.limitMs) {
    console.error('  over the first attempt’s limit (issue 12)');
    process.exitCode = 1;
  }
}

const photoPipeline = (await import('./photo-pipeline')).benchPhotoPipeline;
const photos = await photoPipeline();
record('photo-pipeline', photos);
console.log('photo-pipeline');
console.log(
  `  ${photos.photos} × 12 MP JPEG (${photos.input.width}×${photos.input.height}, median ${kb(photos.input.medianBytes)}): median ${photos.pipeline.medianMs} ms, p90 ${photos.pipeline.p90Ms} ms per photo in the media worker; pick to saved median ${photos.pickToSaved.medianMs} ms`,
);
console.log(
  `  stages (median ms): ${Object.entries(photos.stagesMedianMs)
    .map(([stage, ms]) => `${stage.replace(/Ms$/, '')} ${ms}`)
    .join(', ')}`,
);
console.log(
  `  stored per photo: median ${kb(photos.stored.medianBytes)} (${photos.stored.width}×${photos.stored.height})`,
);
console.log(
  `  pick to saved with encryption on (PIN set; alternating with the plain phone): median ${photos.pickToSavedSealed.medianMs} ms, p90 ${photos.pickToSavedSealed.p90Ms} ms, against ${photos.pickToSaved.medianMs} / ${photos.pickToSaved.p90Ms} ms plain; load average ${photos.loadAverage.start.join(' ')} → ${photos.loadAverage.end.join(' ')}`,
);
if (
  photos.pipeline.medianMs > 200 ||
  photos.pickToSaved.medianMs > 300 ||
  photos.pickToSavedSealed.medianMs > 300
) {
  console.error("  over issue 13's photo targets (200 ms in the worker, 300 ms pick to saved)");
  process.exitCode = 1;
}

const vault = await (await import('./vault')).benchVault();
record('vault', vault);
console.log('vault (encryption at rest, Chromium WebCrypto)');
console.log(
  `  PIN unlock (PBKDF2-SHA-256 + AES-KW unwrap), median ms by iterations: ${Object.entries(
    vault.pinUnlockMs,
  )
    .map(([n, ms]) => `${n} → ${ms}`)
    .join(', ')}; in use ${vault.pinIterationsInUse}`,
);
console.log(
  `  records' cipher inside IndexedDB transactions (@noble/ciphers AES-GCM, V8), 8 KB: seal ${vault.recordCipherMs.seal} ms, open ${vault.recordCipherMs.open} ms`,
);
console.log(
  `  AES-GCM seal/open, median ms: 8 KB record ${vault.sealMs.record8k}/${vault.openMs.record8k}, 1 MB photo ${vault.sealMs.photo1m}/${vault.openMs.photo1m} (beside pick-to-saved ${photos.pickToSaved.medianMs} ms: ${((vault.sealMs.photo1m / photos.pickToSaved.medianMs) * 100).toFixed(1)} %)`,
);

const syncFigures = await (await import('./sync')).benchSync();
record('sync', syncFigures);
console.log('sync');
console.log(
  `  ${syncFigures.photos} photos over ${syncFigures.link.bytesPerSecond} B/s with ${syncFigures.cuts.length} cuts mid-upload (proxy): ${(syncFigures.wallMs / 1000).toFixed(1)} s to sent; wire/payload ${syncFigures.wireOverPayload} (replaying whole requests: ${syncFigures.replayWholeRequests.wireOverPayload})`,
);

const flow = await (await import('./flow')).benchFlow();
record('flow', flow);
console.log('flow');
console.log(
  `  ${flow.interactions} interactions (${Object.entries(flow.byKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(
      ', ',
    )}) of ${flow.targets.interactions} (×${flow.ratio.interactions}); scripted ${flow.scriptedSeconds} s = ${flow.wallSeconds} s wall + ${flow.thinkSeconds} s think (2 s × ${flow.decisions} decisions) of ${flow.targets.scriptedSeconds} s (×${flow.ratio.scriptedSeconds}); with the roadside allowance (${flow.typedCharacters} characters × 0.5 s, ${flow.byKind.upload} photos × 3 s) ${flow.roadsideSeconds} s (×${flow.ratio.roadsideSeconds})`,
);
if (
  flow.interactions > flow.targets.interactions ||
  flow.scriptedSeconds > flow.targets.scriptedSeconds
) {
  console.error('  over the roadside target (issue 10)');
  process.exitCode = 1;
}

const lh = await (await import('./lighthouse')).benchLighthouse();
record('lighthouse', lh);
console.log('lighthouse');
const m = lh.median;
console.log(
  `  ${lh.runs.length} runs (Lighthouse ${lh.lighthouse}, mobile, simulated throttling; load average ${lh.loadAverage.before}→${lh.loadAverage.after}), medians: performance ${m.performance}, accessibility ${m.accessibility}, best practices ${m.bestPractices}, SEO ${m.seo}; FCP ${m.fcpMs} ms, LCP ${m.lcpMs} ms, TBT ${m.tbtMs} ms, ${kb(m.bytes)}`,
);
const t = lh.targets;
if (
  m.performance < t.performance ||
  m.accessibility < t.accessibility ||
  m.bestPractices < t.bestPractices ||
  m.seo < t.seo ||
  m.lcpMs > t.lcpMs ||
  m.tbtMs > t.tbtMs
) {
  console.error(
    `  below issue 13's targets; audits not passing: ${[...new Set(lh.runs.flatMap((r) => r.failing))].join('; ')}`,
  );
  process.exitCode = 1;
}

const dash = await (await import('./dashboard')).benchDashboard();
record('dashboard', dash);
console.log('dashboard');
console.log(
  `  five-fast first view (whole brigade, one month = ${dash.monthCases} of ${dash.cases} cases, ${dash.packets} packets, by unit): cold ${dash.coldMs} ms, warm median ${dash.warmMedianMs} ms, target < ${dash.targetMs} ms (ratio ${dash.ratio})`,
);
if (dash.ratio >= 1) {
  console.error('  over issue 17’s target');
  process.exitCode = 1;
}
