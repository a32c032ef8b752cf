/**
 * The statements of a case PUT (ingest.ts, ingest-store.ts), precompiled
 * (db/precompiled.ts): each is built and compiled once per dialect, not on
 * every request.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { precompiled, type Param } from '../db/precompiled';

type Db = Kysely<Database>;

/** The case's unit (ingest's scope check). */
export const caseUnit = precompiled((db: Db, p: Param<'id'>) =>
  db.selectFrom('cases').select(['unit_id']).where('id', '=', p('id')),
);

/** The device a manifest names. */
export const deviceRow = precompiled((db: Db, p: Param<'id'>) =>
  db
    .selectFrom('devices')
    .select(['user_id', 'revoked_at', 'public_key_jwk'])
    .where('id', '=', p('id')),
);

/** A stored version of a case (a replay's receipt, a conflict). */
export const storedVersion = precompiled((db: Db, p: Param<'caseId' | 'version'>) =>
  db
    .selectFrom('case_versions')
    .select(['body_hash', 'manifest', 'manifest_hash', 'received_at', 'flags'])
    .where('case_id', '=', p('caseId'))
    .where('version', '=', p<number>('version')),
);

/** What the stored case row holds that a new version is checked against (ingest-store.ts). */
export const currentVersion = precompiled((db: Db, p: Param<'id'>) =>
  db
    .selectFrom('cases')
    .select([
      'manifest_version',
      'manifest_hash',
      'unit_id',
      'officer_id',
      'body',
      'sig_version_gap',
    ])
    .where('id', '=', p('id')),
);

/** Every insurer (vehicle links). */
export const allInsurers = precompiled((db: Db) =>
  db.selectFrom('insurers').select(['id', 'name', 'code']),
);

/** Drops the case's vehicle–insurer links (a new version brings its own). */
export const deleteCaseInsurers = precompiled((db: Db, p: Param<'caseId'>) =>
  db.deleteFrom('case_vehicles_insurers').where('case_id', '=', p('caseId')),
);

/** The case's vehicle–insurer links, in one statement: one compiled text per number of links. */
const insertLinks = precompiled((db: Db, p: Param<string>, count: number) =>
  db.insertInto('case_vehicles_insurers').values(
    Array.from({ length: count }, (_, i) => ({
      case_id: p('caseId'),
      vehicle_id: p(`vehicle${i}`),
      insurer_id: p(`insurer${i}`),
    })),
  ),
);

export async function insertCaseInsurers(
  db: Db,
  caseId: string,
  links: readonly { vehicleId: string; insurerId: string }[],
): Promise<void> {
  if (links.length === 0) return;
  const values: Record<string, string> = { caseId };
  links.forEach((link, i) => {
    values[`vehicle${i}`] = link.vehicleId;
    values[`insurer${i}`] = link.insurerId;
  });
  await insertLinks.run(db, values, links.length);
}

/** One row into a table: one compiled text per table and set of columns. */
const insertRow = precompiled((db: Db, p: Param<string>, shape: string) => {
  const [table, ...columns] = shape.split(',');
  const row = Object.fromEntries(columns.map((c) => [c, p(c)]));
  return db.insertInto(table as keyof Database).values(row as never);
});

/** Inserts `row` into `table` (every value defined: an absent column takes its default). */
export function insertInto(db: Db, table: keyof Database, row: Record<string, unknown>) {
  const values = defined(row);
  return insertRow.run(db, values, [table, ...Object.keys(values)].join(','));
}

/** As Kysely does, a column whose value is undefined is left out. */
const defined = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));

/** The case row's columns: one compiled text per set of columns. */
const updateCaseRow = precompiled((db: Db, p: Param<string>, shape: string) => {
  const set = Object.fromEntries(shape.split(',').map((c) => [c, p(c)]));
  return db
    .updateTable('cases')
    .set(set as never)
    .where('id', '=', p(CASE_ID));
});

/** A parameter name no column has. */
const CASE_ID = '#id';

/** Sets `columns` of the case `id`. */
export function updateCase(db: Db, id: string, columns: Record<string, unknown>) {
  const values = defined(columns);
  return updateCaseRow.run(db, { ...values, [CASE_ID]: id }, Object.keys(values).join(','));
}
