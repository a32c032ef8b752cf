/**
 * A deterministic year of cases for the five-fast dashboard: units, officers
 * and insurers of one brigade, and `cases` cases spread over the year before
 * `end`, each with realistic intervals (log-normal around the medians below,
 * some never reached — a case still open at the year's end, an insurer that
 * has not paid yet) and 1–2 packets. Rows only (like server/queue-seed.ts),
 * their five-fast columns set by the same code as ingest and the claim steps;
 * the same seed gives the same rows, ids included.
 *
 * `npx tsx scripts/seed-year.ts <file.sqlite> [cases] [seed]` seeds a new
 * SQLite file (default 30,000 cases, seed 17) and prints a reviewer's login.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { CaseRecord } from '../src/domain/case/case.schema';
import { openDatabase, type Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { migrations } from '../server/db/migrations';
import {
  caseFiveFastColumns,
  caseLenientColumns,
  secondsBetween,
} from '../server/dashboard/five-fast-columns';
import { prng } from './prng';

/** Default: the year up to 1 December 2026 00:00 China time. */
export const SEED_END = '2026-11-30T16:00:00.000Z';
const YEAR_S = 365 * 86_400;

/** A deterministic UUID v4 shape from the PRNG. */
function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Log-normal seconds around `median` (σ 0.6), at least 30 s. */
function lognormal(rand: () => number, median: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.max(30, Math.round(median * Math.exp(0.6 * z)));
}

export interface SeededClaim {
  insurerId: string;
  callback: number | null;
  assessment: number | null;
  payout: number | null;
}

/** One seeded case as generated: what a test recomputes the figures from. */
export interface SeededCase {
  id: string;
  unitId: string;
  officerId: string;
  arrivedAt: string;
  evidence: number;
  clearance: number | null;
  liability: number | null;
  escalated: boolean;
  disputed: boolean;
  returned: boolean;
  /** Warnings instead of fines confirmed (首违警告), and those declined. */
  warnings: number;
  declined: number;
  claims: SeededClaim[];
}

export interface SeedWorld {
  brigadeId: string;
  units: { id: string; name: string }[];
  officers: { id: string; unitId: string }[];
  insurers: { id: string; name: string }[];
  cases: SeededCase[];
}

const UNIT_NAMES = ['一中队', '二中队', '三中队', '高速中队', '城区事故中队', '龙泉劝导站'];
const INSURER_NAMES = ['人保财险', '平安产险', '太平洋产险', '国寿财险', '大地保险'];

const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();

interface Pools {
  rand: () => number;
  units: SeedWorld['units'];
  officers: SeedWorld['officers'];
  insurers: SeedWorld['insurers'];
  /** Per unit: how much slower than the brigade's typical case (0.8–1.3). */
  pace: Map<string, number>;
  endMs: number;
}

function claimsOf(p: Pools, deliveredMs: number): SeededClaim[] {
  const { rand } = p;
  const first = Math.floor(rand() * p.insurers.length);
  const ids = [p.insurers[first]!.id];
  if (rand() < 0.45) ids.push(p.insurers[(first + 1) % p.insurers.length]!.id);
  return ids.map((insurerId) => {
    const callback = lognormal(rand, 5_400);
    const assessment = callback + lognormal(rand, 86_400);
    const payout = lognormal(rand, 3 * 86_400);
    const happened = (s: number) => deliveredMs + s * 1000 <= p.endMs;
    return {
      insurerId,
      callback: happened(callback) ? callback : null,
      assessment: happened(assessment) ? assessment : null,
      payout: happened(assessment + payout) ? payout : null,
    };
  });
}

function caseOf(p: Pools, i: number, count: number): SeededCase {
  const { rand } = p;
  const officer = p.officers[Math.floor(rand() * p.officers.length)]!;
  const pace = p.pace.get(officer.unitId)!;
  const arrivedMs =
    p.endMs - Math.floor(((count - i) / count) * YEAR_S * 1000) + Math.floor(rand() * 600_000);
  const escalated = rand() < 0.05;
  const evidence = lognormal(rand, 480 * pace);
  const clearance = rand() < 0.03 ? null : evidence + lognormal(rand, 420 * pace);
  const liability =
    escalated || clearance === null ? null : clearance + lognormal(rand, 600 * pace);
  const deliveredMs = arrivedMs + ((liability ?? 0) + 120) * 1000;
  const id = uuid(rand);
  return {
    id,
    unitId: officer.unitId,
    officerId: officer.id,
    arrivedAt: new Date(arrivedMs).toISOString(),
    evidence,
    clearance,
    liability,
    escalated,
    disputed: !escalated && rand() < 0.08,
    returned: rand() < 0.06,
    claims: liability === null ? [] : claimsOf(p, deliveredMs),
    ...lenientOf(id),
  };
}

/**
 * Warnings and declines read from the id's last byte, drawing nothing from
 * the generator (the rest of the year stays as it was seeded before).
 */
function lenientOf(id: string): { warnings: number; declined: number } {
  const b = parseInt(id.slice(-2), 16);
  return { warnings: b % 13 === 0 ? 2 : b % 7 === 0 ? 1 : 0, declined: b % 5 === 1 ? 1 : 0 };
}

/** The decisions of a case's body, as far as the dashboard reads them. */
function lenientDecisions(c: SeededCase) {
  const one = (decision: 'warning' | 'declined') => ({ decision, itemId: 'seat-belt' });
  return [
    ...Array.from({ length: c.warnings }, () => one('warning')),
    ...Array.from({ length: c.declined }, () => one('declined')),
  ];
}

/** The body's transitions the five-fast columns are read from. */
function recordOf(c: SeededCase, caseNumber: string): CaseRecord {
  const base = Date.parse(c.arrivedAt);
  const transitions = [
    { from: 'triaged', to: 'evidence-complete', at: at(base, c.evidence) },
    ...(c.clearance === null
      ? []
      : [{ from: 'evidence-complete', to: 'scene-cleared', at: at(base, c.clearance) }]),
    ...(c.liability === null
      ? []
      : [{ from: 'liability-proposed', to: 'signed', at: at(base, c.liability) }]),
  ];
  const liability = { signatures: [], lenient: lenientDecisions(c) };
  return {
    id: c.id,
    caseNumber,
    arrivedAt: c.arrivedAt,
    transitions,
    liability,
  } as unknown as CaseRecord;
}

function caseRow(c: SeededCase, n: number, endIso: string) {
  const caseNumber = `KC${c.arrivedAt.slice(0, 10).replaceAll('-', '')}-${String(n).padStart(5, '0')}`;
  const record = recordOf(c, caseNumber);
  const paid = c.claims.length > 0 && c.claims.every((cl) => cl.payout !== null);
  return {
    id: c.id,
    unit_id: c.unitId,
    officer_id: c.officerId,
    case_number: caseNumber,
    state: c.escalated ? 'escalated' : paid ? 'paid' : 'reviewed',
    manifest_version: 1,
    body: JSON.stringify(record),
    photos: '[]',
    manifest: '{}',
    manifest_hash: '0'.repeat(64),
    signature: '',
    received_at: c.arrivedAt,
    updated_at: endIso,
    arrived_at: c.arrivedAt,
    sig_escalated: c.escalated ? 1 : 0,
    sig_disputed: c.disputed ? 1 : 0,
    sig_primary_secondary: 0,
    sig_override: 0,
    sig_version_gap: 0,
    sig_refusal: 0,
    sig_amended: 0,
    sig_any: c.escalated || c.disputed ? 1 : 0,
    bucket: 'reviewed',
    ff_returned: c.returned ? 1 : 0,
    ...caseFiveFastColumns(record),
    ...caseLenientColumns(record),
  };
}

function claimRows(c: SeededCase, rand: () => number, endIso: string) {
  const delivered = Date.parse(c.arrivedAt) + ((c.liability ?? 0) + 120) * 1000;
  return c.claims.map((cl) => {
    const acknowledgedAt = cl.callback === null ? null : at(delivered, cl.callback);
    const assessedAt = cl.assessment === null ? null : at(delivered, cl.assessment);
    const paidAt =
      cl.payout === null || cl.assessment === null
        ? null
        : at(delivered, cl.assessment + cl.payout);
    const deliveredAt = new Date(delivered).toISOString();
    return {
      id: uuid(rand),
      case_id: c.id,
      insurer_id: cl.insurerId,
      manifest_version: 1,
      manifest_hash: '0'.repeat(64),
      state: paidAt ? 'paid' : assessedAt ? 'assessed' : 'delivered',
      delivered_at: deliveredAt,
      acknowledged_at: acknowledgedAt,
      assessed_at: assessedAt,
      paid_at: paidAt,
      updated_at: endIso,
      ff_callback_s: secondsBetween(deliveredAt, acknowledgedAt),
      ff_assessment_s: secondsBetween(deliveredAt, assessedAt),
      ff_payout_s: secondsBetween(assessedAt, paidAt),
    };
  });
}

async function insertInBatches<T extends object>(
  db: Db,
  table: 'cases' | 'claims' | 'users',
  rows: readonly T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 200) as never)
      .execute();
  }
}

async function seedPeople(db: Db, rand: () => number, brigadeId: string, endIso: string) {
  const units = UNIT_NAMES.map((name) => ({ id: uuid(rand), name }));
  const insurers = INSURER_NAMES.map((name, i) => ({ id: uuid(rand), name, code: `SEED${i}` }));
  await db
    .insertInto('units')
    .values(
      units.map((u, i) => ({
        ...u,
        brigade_id: brigadeId,
        kind: i === 5 ? 'rural-station' : 'patrol-squad',
        created_at: endIso,
      })),
    )
    .execute();
  await db
    .insertInto('insurers')
    .values(insurers.map((ins) => ({ ...ins, created_at: endIso })))
    .execute();
  const officers = units.flatMap((u, ui) =>
    Array.from({ length: 6 }, (_, k) => ({ id: uuid(rand), unitId: u.id, n: ui * 6 + k + 1 })),
  );
  await insertInBatches(
    db,
    'users',
    officers.map((o) => ({
      id: o.id,
      username: `seed-officer-${o.n}`,
      display_name: `民警${String(o.n).padStart(2, '0')}`,
      role: 'officer',
      unit_id: o.unitId,
      insurer_id: null,
      password_hash: 'seed-no-login',
      disabled_at: null,
      created_at: endIso,
      updated_at: endIso,
    })),
  );
  return {
    units,
    insurers: insurers.map(({ id, name }) => ({ id, name })),
    officers: officers.map(({ id, unitId }) => ({ id, unitId })),
  };
}

/** Seeds `count` cases of a year into the brigade (created when not given); answers what was made. */
export async function seedYear(
  db: Db,
  options: { count: number; seed: number; brigadeId?: string; end?: string },
): Promise<SeedWorld> {
  const rand = prng(options.seed);
  const endIso = options.end ?? SEED_END;
  const brigadeId = options.brigadeId ?? uuid(rand);
  return db.transaction().execute(async (trx) => {
    if (!options.brigadeId) {
      await trx
        .insertInto('brigades')
        .values({ id: brigadeId, name: '示例交警大队', created_at: endIso })
        .execute();
    }
    const people = await seedPeople(trx, rand, brigadeId, endIso);
    const pace = new Map(people.units.map((u, i) => [u.id, 0.8 + (i % 6) * 0.1]));
    const pools: Pools = { rand, ...people, pace, endMs: Date.parse(endIso) };
    const cases = Array.from({ length: options.count }, (_, i) => caseOf(pools, i, options.count));
    await insertInBatches(
      trx,
      'cases',
      cases.map((c, n) => caseRow(c, n + 1, endIso)),
    );
    await insertInBatches(
      trx,
      'claims',
      cases.flatMap((c) => claimRows(c, rand, endIso)),
    );
    await sql`analyze`.execute(trx);
    return { brigadeId, ...people, cases };
  });
}

/** A new SQLite file at the latest schema, seeded. */
export async function seedYearFile(file: string, count: number, seed: number): Promise<SeedWorld> {
  const db = openDatabase({ dialect: 'sqlite', file });
  try {
    await migrateToLatest(db, migrations);
    return await seedYear(db, { count, seed });
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, count = '30000', seed = '17'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx scripts/seed-year.ts <file.sqlite> [cases] [seed]');
    process.exit(2);
  }
  const world = await seedYearFile(file, Number(count), Number(seed));
  const claims = world.cases.reduce((n, c) => n + c.claims.length, 0);
  console.log(
    `${world.cases.length} cases, ${claims} packets in brigade ${world.brigadeId} → ${file}`,
  );
}
