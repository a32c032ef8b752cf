/**
 * Summarises a CPU profile (`.cpuprofile`, e.g. from `benchIngest({ profileDir })`
 * or `node --cpu-prof`): milliseconds per stage of a case PUT (the first
 * stage in STAGES found on a sample's stack wins, so an inner stage is listed
 * before the one that calls it), then self time by file or package and by
 * function. Usage: `node bench/cpu-profile-summary.mjs <file> [top=25]`.
 */
import fs from 'node:fs';

const STAGES = [
  ['COMMIT (fsync on this thread)', /^commitTransaction$/],
  ['WAL fsync (thread pool)', /^syncWal$/],
  ['batch SQL (storeVersion)', /^storeVersion$/],
  ['batch savepoints and BEGIN', /^(runBatch|flush|beginTransaction)$/],
  ['request JSON parse', /^defaultJsonParser$/],
  ['session lookup', /^sessionForToken$/],
  ['zod parse', /^parseInput$/],
  ['canonical JSON and hashes', /^canonicalOf$/],
  ['device row and signature verify', /^checkDeviceAndSignature$/],
  ['manifest check', /^checkManifestDescribesBody$/],
  ['held photos query', /^checkHeldPhotos$/],
  ['replay receipt', /^storedReceipt$/],
  ['other ingest (scope query)', /^(ingest|ingestCase)$/],
  ['answer (serialise, write)', /^(onSendEnd|onSendHook|serialize|writePayload|wrapOnSendEnd)$/],
  ['garbage collector', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
];

const [file, topArg = '25'] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const where = (url) => {
  if (!url) return '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return pkg ? `pkg:${pkg[1]}` : url.replace(/^.*?\/(server|src|bench)\//, '$1/');
};
const stacks = new Map();
const stackOf = (id) => {
  let names = stacks.get(id);
  if (!names) {
    names = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur))
      names.push(byId.get(cur).callFrame);
    stacks.set(id, names);
  }
  return names;
};
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
const stages = new Map();
const files = new Map();
const functions = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const frames = stackOf(id);
  total += ms;
  const stage = STAGES.find(([, re]) => frames.some((f) => re.test(f.functionName)));
  add(stages, stage ? stage[0] : 'other (HTTP, Fastify, Node internals)', ms);
  const leaf = frames[0];
  add(files, where(leaf.url), ms);
  add(
    functions,
    `${leaf.functionName || '(anonymous)'} ${where(leaf.url)}:${leaf.lineNumber + 1}`,
    ms,
  );
});
const list = (map, n = Infinity) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, v]) =>
        `${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`,
    )
    .join('\n');
console.log(`${file}: ${total.toFixed(0)} ms sampled\n--- stages\n${list(stages)}`);
console.log(`--- self time by file or package\n${list(files, Number(topArg))}`);
console.log(`--- self time by function\n${list(functions, Number(topArg))}`);
