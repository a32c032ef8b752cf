/**
 * Queries built and compiled once, for hot paths (case ingest runs ~15
 * statements per PUT): Kysely builds an operation tree and compiles it to SQL
 * on every call, which cost a case PUT about as much as SQLite's work itself.
 * A precompiled query is written with Kysely as usual, its inputs named by
 * `param(name)`; the first call on a dialect compiles it, every later call
 * only fills in the parameters and runs the stored SQL text (on SQLite its
 * prepared statement is kept by database.ts).
 *
 * `param(name)` stands in a value's place with a marker string; after
 * compiling, each marker among the parameters is replaced by the named input
 * on every call, and any other parameter (a constant: `limit(1)`) is kept. A
 * query whose shape depends on its inputs (an `in` list's length, an insert's
 * columns) is a family: one compiled text per shape key.
 */
import { CompiledQuery } from 'kysely';
import type { Compilable, Kysely, QueryResult } from 'kysely';

const MARKER = '\u0000kuaichu-param:';

/** Stands in for a value (typed as the column wants it); named `name` when the query runs. */
export type Param<P extends string> = <T = string>(name: P) => T;

type Slot<P> = { name: P } | { value: unknown };

interface Compiled<P> {
  sql: string;
  slots: Slot<P>[];
}

const param = <T>(name: string): T => `${MARKER}${name}` as T;

/** The dialect a Kysely instance (or transaction) compiles for: transactions share their database's adapter. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database schema
const dialectOf = (db: Kysely<any>): object => db.getExecutor().adapter;

function compile<P extends string>(query: Compilable<unknown>): Compiled<P> {
  const { sql, parameters } = query.compile();
  const slots = parameters.map((value): Slot<P> =>
    typeof value === 'string' && value.startsWith(MARKER)
      ? { name: value.slice(MARKER.length) as P }
      : { value },
  );
  return { sql, slots };
}

function fill<P extends string>(compiled: Compiled<P>, values: Readonly<Record<P, unknown>>) {
  const parameters = compiled.slots.map((slot) => {
    if (!('name' in slot)) return slot.value;
    const value = values[slot.name];
    if (value === undefined) throw new Error(`precompiled query: no value for ${slot.name}`);
    return value;
  });
  return CompiledQuery.raw(compiled.sql, parameters);
}

export interface PrecompiledQuery<DB, P extends string, R, K = undefined> {
  /** Every row. */
  all(db: Kysely<DB>, values: Readonly<Record<P, unknown>>, key?: K): Promise<R[]>;
  /** The first row, or undefined. */
  first(db: Kysely<DB>, values: Readonly<Record<P, unknown>>, key?: K): Promise<R | undefined>;
  /** Runs it (an insert, an update); answers the rows it changed. */
  run(db: Kysely<DB>, values: Readonly<Record<P, unknown>>, key?: K): Promise<bigint | undefined>;
}

/**
 * A query family compiled once per dialect and shape `key` (undefined for a
 * query of one shape): `build(db, param, key)` writes it with Kysely.
 */
export function precompiled<DB, P extends string, R, K = undefined>(
  build: (db: Kysely<DB>, param: Param<P>, key: K) => Compilable<R>,
): PrecompiledQuery<DB, P, R, K> {
  const byDialect = new WeakMap<object, Map<K, Compiled<P>>>();
  const execute = (
    db: Kysely<DB>,
    values: Readonly<Record<P, unknown>>,
    key: K,
  ): Promise<QueryResult<R>> => {
    const dialect = dialectOf(db);
    let shapes = byDialect.get(dialect);
    if (!shapes) byDialect.set(dialect, (shapes = new Map()));
    let compiled = shapes.get(key);
    if (!compiled) {
      compiled = compile<P>(build(db, param as Param<P>, key));
      shapes.set(key, compiled);
    }
    return db.executeQuery(fill(compiled, values)) as Promise<QueryResult<R>>;
  };
  return {
    all: async (db, values, key) => (await execute(db, values, key as K)).rows,
    first: async (db, values, key) => (await execute(db, values, key as K)).rows[0],
    run: async (db, values, key) => (await execute(db, values, key as K)).numAffectedRows,
  };
}
