/**
 * The brigade's overdue list: packets whose insurer has not called back by
 * the brigade's call-back target (delivery + `callback_minutes`), and has not
 * assessed or paid either, while no later packet replaced them. A reviewer
 * sees his brigade's, an admin every brigade's.
 *
 * Each brigade's target is one cut-off instant (now − target), so the query
 * is a range over `claims_awaiting_callback` (migration 0009), ordered by
 * delivery, which within a brigade is the due order. Brigades are merged by
 * due time; only the page's case versions are read, for their plates.
 */
import type { Kysely } from 'kysely';
import { OVERDUE_LIMIT, type OverdueClaim, type OverdueList } from '../../src/contracts/claims';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { Scope } from '../auth/policy';
import type { Database } from '../db/schema';
import { dueAt } from './build';

type Db = Kysely<Database>;

interface Brigade {
  id: string;
  name: string;
  callback_minutes: number;
}

async function brigadesInScope(db: Db, scope: Scope): Promise<Brigade[]> {
  if (scope.kind !== 'brigade' && scope.kind !== 'config') return [];
  let query = db.selectFrom('brigades').select(['id', 'name', 'callback_minutes']);
  if (scope.kind === 'brigade') query = query.where('id', '=', scope.brigadeId);
  return query.execute();
}

/** Claims of `brigade` still awaiting the call-back and delivered before `cutoff`. */
const awaiting = (db: Db, brigadeId: string, cutoff: string) =>
  db
    .selectFrom('claims')
    .innerJoin('cases', 'cases.id', 'claims.case_id')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .where('units.brigade_id', '=', brigadeId)
    .where('claims.acknowledged_at', 'is', null)
    .where('claims.superseded_at', 'is', null)
    .where('claims.state', '=', 'delivered')
    .where('claims.delivered_at', '<', cutoff);

async function overdueOf(db: Db, brigade: Brigade, now: Date) {
  const cutoff = new Date(now.getTime() - brigade.callback_minutes * 60_000).toISOString();
  const [rows, count] = await Promise.all([
    awaiting(db, brigade.id, cutoff)
      .innerJoin('insurers', 'insurers.id', 'claims.insurer_id')
      .select([
        'claims.id',
        'claims.case_id',
        'claims.insurer_id',
        'claims.manifest_version',
        'claims.delivered_at',
        'cases.case_number',
        'insurers.name as insurer_name',
      ])
      .orderBy('claims.delivered_at')
      .orderBy('cases.case_number')
      .orderBy('insurers.name')
      .limit(OVERDUE_LIMIT)
      .execute(),
    awaiting(db, brigade.id, cutoff)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const listed = rows.map((r) => ({
    ...r,
    brigade_name: brigade.name,
    due: dueAt(r.delivered_at, brigade.callback_minutes),
  }));
  return { listed, total: Number(count.n) };
}

type Listed = Awaited<ReturnType<typeof overdueOf>>['listed'][number];

/** The insured vehicles' plates of each listed packet, from its own case version. */
async function platesOf(db: Db, listed: readonly Listed[]): Promise<Map<string, string[]>> {
  const plates = new Map<string, string[]>();
  if (listed.length === 0) return plates;
  const caseIds = [...new Set(listed.map((l) => l.case_id))];
  const [versions, covers] = await Promise.all([
    db
      .selectFrom('case_versions')
      .select(['case_id', 'version', 'body'])
      .where('case_id', 'in', caseIds)
      .where((eb) =>
        eb.or(
          listed.map((l) =>
            eb.and([eb('case_id', '=', l.case_id), eb('version', '=', l.manifest_version)]),
          ),
        ),
      )
      .execute(),
    db
      .selectFrom('case_vehicles_insurers')
      .select(['case_id', 'vehicle_id', 'insurer_id'])
      .where('case_id', 'in', caseIds)
      .execute(),
  ]);
  for (const l of listed) {
    const version = versions.find(
      (v) => v.case_id === l.case_id && v.version === l.manifest_version,
    );
    const covered = new Set(
      covers
        .filter((c) => c.case_id === l.case_id && c.insurer_id === l.insurer_id)
        .map((c) => c.vehicle_id),
    );
    const record = version ? (JSON.parse(version.body) as CaseRecord) : undefined;
    plates.set(
      l.id,
      (record?.vehicles ?? []).filter((v) => covered.has(v.id)).map((v) => v.plate),
    );
  }
  return plates;
}

const toOverdue = (l: Listed, plates: string[], now: Date): OverdueClaim => ({
  claimId: l.id,
  caseId: l.case_id,
  caseNumber: l.case_number,
  brigadeName: l.brigade_name,
  insurerId: l.insurer_id,
  insurerName: l.insurer_name,
  plates,
  deliveredAt: l.delivered_at,
  callbackDueAt: l.due,
  minutesOverdue: Math.floor((now.getTime() - Date.parse(l.due)) / 60_000),
});

/** The overdue packets in `scope` at `now`, oldest due time first (then case number, insurer; at most {@link OVERDUE_LIMIT}). */
export async function listOverdue(db: Db, scope: Scope, now: Date): Promise<OverdueList> {
  const perBrigade = await Promise.all(
    (await brigadesInScope(db, scope)).map((b) => overdueOf(db, b, now)),
  );
  const listed = perBrigade
    .flatMap((b) => b.listed)
    .sort(
      (a, b) =>
        a.due.localeCompare(b.due) ||
        a.case_number.localeCompare(b.case_number) ||
        a.insurer_name.localeCompare(b.insurer_name),
    )
    .slice(0, OVERDUE_LIMIT);
  const plates = await platesOf(db, listed);
  return {
    claims: listed.map((l) => toOverdue(l, plates.get(l.id) ?? [], now)),
    total: perBrigade.reduce((n, b) => n + b.total, 0),
    asOf: now.toISOString(),
  };
}
