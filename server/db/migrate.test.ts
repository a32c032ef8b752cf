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
import { migrationsBefore } from './migration-fixtures';

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

describe('0003-claims', () => {
  it('carries existing data over: a claim per insurer of a reviewed case, insurer feed entries and photo holders', async () => {
    // Given a database at 0002 with a case insurer X assessed and paid, which insurer Y also covers
    const upTo0002 = migrationsBefore('0003-claims');
    await migrateToLatest(db, upTo0002);
    const at = '2026-11-27T09:30:00.000Z';
    const k = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const ids = {
      brigade: 'b0000000-0000-4000-8000-000000000001',
      unit: 'b0000000-0000-4000-8000-000000000002',
      x: 'b0000000-0000-4000-8000-000000000003',
      y: 'b0000000-0000-4000-8000-000000000004',
      officer: 'b0000000-0000-4000-8000-000000000005',
      insurerUser: 'b0000000-0000-4000-8000-000000000006',
      case: 'b0000000-0000-4000-8000-000000000007',
    };
    const user = (id: string, role: string, extra: object) => ({
      id,
      username: role,
      display_name: role,
      role,
      password_hash: 'x',
      created_at: at,
      updated_at: at,
      ...extra,
    });
    await k.insertInto('brigades').values({ id: ids.brigade, name: 'B', created_at: at }).execute();
    await k
      .insertInto('units')
      .values({
        id: ids.unit,
        brigade_id: ids.brigade,
        name: 'U',
        kind: 'patrol-squad',
        created_at: at,
      })
      .execute();
    await k
      .insertInto('insurers')
      .values([
        { id: ids.x, name: 'X', code: 'X', created_at: at },
        { id: ids.y, name: 'Y', code: 'Y', created_at: at },
      ])
      .execute();
    await k
      .insertInto('users')
      .values([
        user(ids.officer, 'officer', { unit_id: ids.unit }),
        user(ids.insurerUser, 'insurer', { insurer_id: ids.x }),
      ])
      .execute();
    await k
      .insertInto('cases')
      .values({
        id: ids.case,
        unit_id: ids.unit,
        officer_id: ids.officer,
        case_number: 'KC1',
        state: 'paid',
        manifest_version: 2,
        body: '{}',
        photos: '[]',
        manifest: '{}',
        manifest_hash: 'f'.repeat(64),
        signature: 's',
        received_at: at,
        updated_at: at,
      })
      .execute();
    await k
      .insertInto('case_vehicles_insurers')
      .values([
        { case_id: ids.case, vehicle_id: 'va', insurer_id: ids.x },
        { case_id: ids.case, vehicle_id: 'vb', insurer_id: ids.y },
      ])
      .execute();
    for (const [id, kind, amountYuan] of [
      [1, 'assessed', 3200],
      [2, 'paid', 3100.5],
    ] as const) {
      await k
        .insertInto('changes')
        .values({
          case_id: ids.case,
          kind,
          state: kind,
          actor_id: ids.insurerUser,
          actor_role: 'insurer',
          note: null,
          at,
        })
        .execute();
      await k
        .insertInto('audit_events')
        .values({
          id,
          at,
          actor: ids.insurerUser,
          action: `case.${kind}`,
          subject: ids.case,
          details: JSON.stringify({ note: kind === 'paid' ? '已转账' : null, amountYuan }),
          prev_hash: '0',
          hash: '0',
        })
        .execute();
    }
    await k
      .insertInto('photos')
      .values({
        sha256: 'a'.repeat(64),
        case_id: ids.case,
        byte_length: 1,
        uploaded_by: ids.officer,
        uploaded_at: at,
      })
      .execute();

    // When 0003 runs
    expect(
      (await migrateToLatest(db, { ...upTo0002, '0003-claims': migrations['0003-claims']! }))
        .applied,
    ).toEqual(['0003-claims']);

    // Then each insurer has its own claim, in the state its own steps reached
    const claims = await db.selectFrom('claims').selectAll().orderBy('insurer_id').execute();
    expect(
      claims.map((c) => [
        c.insurer_id,
        c.state,
        c.manifest_version,
        c.assessed_fen,
        c.paid_fen,
        c.payout_note,
      ]),
    ).toEqual([
      [ids.x, 'paid', 2, 320000, 310050, '已转账'],
      [ids.y, 'delivered', 2, null, null, null],
    ]);
    const changes = await db.selectFrom('changes').select(['insurer_id', 'claim_state']).execute();
    expect(changes).toEqual([
      { insurer_id: ids.x, claim_state: 'assessed' },
      { insurer_id: ids.x, claim_state: 'paid' },
    ]);
    expect(await db.selectFrom('photo_holders').select(['sha256', 'unit_id']).execute()).toEqual([
      { sha256: 'a'.repeat(64), unit_id: ids.unit },
    ]);
  });
});
