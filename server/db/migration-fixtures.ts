/**
 * Rows a migration test stores in a database of an earlier schema: a brigade,
 * unit, officer and device, and cases with their versions. Test-only.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Migration } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { makeTempDir } from '../test-support';
import { openDatabase, type Db } from './database';
import { migrations } from './migrations';

/** A fresh SQLite database file for each test of the file; `current()` is the open one. */
export function freshDatabasePerTest(): { current: () => Db } {
  let dir = '';
  let db: Db | undefined;
  beforeEach(async () => {
    dir = await makeTempDir();
    db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'kuaichu.sqlite') });
  });
  afterEach(async () => {
    await db?.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });
  return {
    current: () => {
      if (!db) throw new Error('no database outside a test');
      return db;
    },
  };
}

/** A database of an earlier schema, typed loosely (schema.ts describes today's). */
export type OldDb = Kysely<Record<string, Record<string, unknown>>>;

export const at = '2026-11-27T09:30:00.000Z';

/** Every migration that runs before `name` (the schema a migration test starts from). */
export function migrationsBefore(name: string): Record<string, Migration> {
  if (!(name in migrations)) throw new Error(`no migration ${name}`);
  return Object.fromEntries(Object.entries(migrations).filter(([n]) => n < name));
}
export const ids = {
  brigade: 'c0000000-0000-4000-8000-000000000001',
  unit: 'c0000000-0000-4000-8000-000000000002',
  officer: 'c0000000-0000-4000-8000-000000000003',
  device: 'c0000000-0000-4000-8000-000000000004',
};

/** The brigade, unit, officer and device every stored case belongs to. */
export async function seedOfficer(k: OldDb): Promise<void> {
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
    .insertInto('users')
    .values({
      id: ids.officer,
      username: 'o',
      display_name: 'o',
      role: 'officer',
      unit_id: ids.unit,
      password_hash: 'x',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await k
    .insertInto('devices')
    .values({
      id: ids.device,
      user_id: ids.officer,
      label: 'p',
      public_key_jwk: '{}',
      created_at: at,
    })
    .execute();
}

/** A case in `state` with one version per entry of `flags` (each version's receipt flags). */
export async function storeCase(
  k: OldDb,
  id: string,
  state: string,
  body: string,
  flags: string[][],
): Promise<void> {
  await k
    .insertInto('cases')
    .values({
      id,
      unit_id: ids.unit,
      officer_id: ids.officer,
      case_number: `KC-${id.slice(-4)}`,
      state,
      manifest_version: flags.length,
      body,
      photos: '[]',
      manifest: '{}',
      manifest_hash: 'f'.repeat(64),
      signature: 's',
      received_at: at,
      updated_at: at,
    })
    .execute();
  for (const [i, f] of flags.entries()) {
    await k
      .insertInto('case_versions')
      .values({
        case_id: id,
        version: i + 1,
        manifest_hash: String(i).repeat(64),
        body_hash: 'b'.repeat(64),
        body,
        photos: '[]',
        manifest: '{}',
        signature: 's',
        device_id: ids.device,
        officer_id: ids.officer,
        flags: JSON.stringify(f),
        received_at: at,
      })
      .execute();
  }
}
