import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import { openDatabase } from './database';
import type { Db } from './database';
import { MigrationError, migrateToLatest } from './migrate';
import { migrations } from './migrations';

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = await makeTempDir();
  db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'nested', 'kuaichu.sqlite') });
});

afterEach(async () => {
  await db.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the folder and opens SQLite in WAL mode with foreign keys and a busy timeout', async () => {
    const pragma = async (name: string) =>
      (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0];

    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    await expect(fs.stat(path.join(dir, 'nested', 'kuaichu.sqlite'))).resolves.toBeTruthy();
  });
});

describe('migrateToLatest', () => {
  it('applies every migration once; running again applies nothing', async () => {
    const first = await migrateToLatest(db);
    const second = await migrateToLatest(db);

    expect(first.applied).toEqual(Object.keys(migrations));
    expect(second.applied).toEqual([]);
    const info = await db.selectFrom('server_info').select(['key', 'value']).execute();
    expect(info.map((r) => r.key).sort()).toEqual(['instance_id', 'schema_created_at']);
  });

  it('keeps the data of earlier runs when run again after a reopen', async () => {
    await migrateToLatest(db);
    const before = await db.selectFrom('server_info').selectAll().orderBy('key').execute();
    await db.destroy();
    db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'nested', 'kuaichu.sqlite') });

    await migrateToLatest(db);

    expect(await db.selectFrom('server_info').selectAll().orderBy('key').execute()).toEqual(before);
  });

  it('names the failing migration and rolls it back', async () => {
    const broken: Migration = {
      async up(k: Kysely<unknown>) {
        await k.schema.createTable('half_done').addColumn('id', 'text').execute();
        throw new Error('disk on fire');
      },
    };

    const run = migrateToLatest(db, { ...migrations, '9999-broken': broken });

    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toMatchObject({
      migrationName: '9999-broken',
      message: 'Database migration 9999-broken failed: disk on fire',
    });
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('half_done');
  });

  it('migration names sort in the order they must run', () => {
    const names = Object.keys(migrations);
    expect([...names].sort()).toEqual(names);
    for (const name of names) expect(name).toMatch(/^\d{4}-[a-z0-9-]+$/);
  });
});
