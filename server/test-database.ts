/**
 * Which database the server tests run on. Unset TEST_DATABASE_URL: a SQLite
 * file in each fixture's folder. TEST_DATABASE_URL=postgres://…: a server
 * where the suite may create databases — the global setup migrates one
 * template database, and each fixture is a fresh `CREATE DATABASE … TEMPLATE`
 * copy of it (fast: no migration per test), named in the fixture's folder
 * (POSTGRES_DB_FILE) so the suite-end verify-audit finds it. Test-only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from './config';
import { onPostgres } from './backup/postgres-programs';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';

/** The file naming a fixture's PostgreSQL database inside its folder. */
export const POSTGRES_DB_FILE = 'postgres-database';

/** The PostgreSQL server the server tests run on, or undefined for SQLite. */
export function testPostgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') return undefined;
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error('TEST_DATABASE_URL must be a postgres:// URL (or unset for SQLite)');
  }
  return url;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.href;
}

/** One statement on the server's maintenance database, on its own connection. */
const onServer = onPostgres;

const freshName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

/** Creates and migrates this run's template database; answers its name. */
export async function createTemplateDatabase(url: string): Promise<string> {
  const name = freshName('kuaichu_template');
  await onServer(url, `create database ${name}`);
  const db = openDatabase({ dialect: 'postgres', url: withDatabase(url, name) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return name;
}

/** Each worker's next fixture database, copied while the current test runs. */
const spares = new Map<string, Promise<string>>();

async function copyOfTemplate(url: string, template: string | undefined): Promise<string> {
  const name = freshName(template ? `${template}_test` : 'kuaichu_test');
  await onServer(url, `create database ${name}${template ? ` template ${template}` : ''}`);
  return name;
}

/**
 * A fresh copy of the template (or an empty database when there is none) for
 * one fixture, opened with two connections: transactions take turns on
 * PostgreSQL as on SQLite, and each more connection costs a server process. Its names start with the template's, so the suite's end can
 * drop every one, the unused spare included.
 */
export async function createTestDatabase(
  url: string,
  template: string | undefined,
): Promise<{ name: string; config: DatabaseConfig }> {
  const key = `${url} ${template ?? ''}`;
  const name = await (spares.get(key) ?? copyOfTemplate(url, template));
  const next = copyOfTemplate(url, template);
  next.catch(() => undefined);
  spares.set(key, next);
  return { name, config: { dialect: 'postgres', url: withDatabase(url, name), poolSize: 2 } };
}

/** Drops the template and every database named after it (the fixtures' copies). */
export async function dropRunDatabases(url: string, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${template}_%`],
    );
    for (const { datname } of rows) await client.query(`drop database ${datname} with (force)`);
    await client.query(`drop database if exists ${template} with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * A copy of one fixture's database, as an outsider would take it. PostgreSQL
 * copies only a database nobody is connected to, so the fixture's idle pool
 * connections are ended first (its pool opens new ones when next asked).
 */
export async function copyDatabase(url: string, source: string): Promise<string> {
  const name = freshName('kuaichu_copy');
  await onServer(
    url,
    `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${source}' and pid <> pg_backend_pid()`,
  );
  await onServer(url, `create database ${name} template ${source}`);
  return name;
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await onServer(url, `drop database if exists ${name} with (force)`);
}

/** The database a fixture folder holds: its SQLite file, or the PostgreSQL database it names. */
export async function fixtureDatabase(
  dir: string,
  sqliteFile: string,
): Promise<DatabaseConfig | undefined> {
  const url = testPostgresUrl();
  const name = await fs.readFile(path.join(dir, POSTGRES_DB_FILE), 'utf8').catch(() => '');
  if (url !== undefined && name)
    return { dialect: 'postgres', url: withDatabase(url, name.trim()) };
  const file = path.join(dir, sqliteFile);
  return (await fs.stat(file).catch(() => undefined)) ? { dialect: 'sqlite', file } : undefined;
}
