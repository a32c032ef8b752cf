import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from './audit/audit-log';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { verifyTestDatabases } from './test-global-setup';
import { TEST_DB_FILE, makeTempDir } from './test-support';

let root: string;

async function makeDatabase(name: string, edit?: string) {
  const dir = path.join(root, name);
  await fs.mkdir(dir);
  const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, TEST_DB_FILE) });
  await migrateToLatest(db);
  for (const subject of ['a', 'b']) {
    await recordAudit(db, new Date('2026-11-27T09:30:00.000Z'), {
      actor: 'system',
      action: 'test.event',
      subject,
    });
  }
  if (edit) await sql.raw(edit).execute(db);
  await db.destroy();
}

beforeEach(async () => {
  root = await makeTempDir('kuaichu-suite-check-');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('the suite-end check of every test database', () => {
  it('passes intact databases and names each broken one with its breaks', async () => {
    await makeDatabase('db-intact');
    await makeDatabase('db-edited', `update audit_events set subject = 'c' where id = 2`);

    const { checked, broken: lines } = await verifyTestDatabases(root);

    expect(checked).toBe(2);
    expect(lines[0]).toBe(`${path.join(root, 'db-edited')}:`);
    expect(lines.join('\n')).toMatch(/BROKEN at event 2 \(hash_mismatch\)/);
    expect(lines.join('\n')).not.toContain('db-intact');
  });
});
