import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insuredCase } from '../case-fixtures';
import { submitCase } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';
import { findPostgresBin } from './postgres-programs';
import { restoreDrill } from './restore-drill';

let w: TestWorld;
beforeEach(async () => {
  w = await openTestWorld();
});
afterEach(async () => {
  await w.close();
});

/** On PostgreSQL without its client programs, the drill says what to install. */
const withoutPgDump = () =>
  w.fx.database.dialect === 'postgres' && findPostgresBin('pg_dump') === undefined;

async function drill() {
  const out: string[] = [];
  const err: string[] = [];
  const workDir = await fs.mkdtemp(path.join(w.fx.dir, 'drill-'));
  const code = await restoreDrill({
    database: w.fx.database,
    blobs: w.fx.blobs,
    workDir,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

describe('restore drill', () => {
  it('backs up, restores into a fresh database, and the audit chain and evidence verify', async () => {
    await submitCase(w, insuredCase('drill', 2));
    if (withoutPgDump()) {
      await expect(drill()).rejects.toThrow(/pg_dump not found: install/);
      return;
    }

    const { code, out, err } = await drill();

    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^restored into /);
    expect(out).toContainEqual(expect.stringMatching(/^stored evidence intact: .*1 case version/));
    expect(out).toContainEqual(expect.stringMatching(/^audit chain intact: \d+ events/));
  });

  it('fails when the restored copy does not verify', async () => {
    await submitCase(w, insuredCase('drill-broken', 1));
    w.fx.tampered();
    await w.fx.db
      .updateTable('audit_events')
      .set({ subject: 'edited' })
      .where('id', '=', 1)
      .execute();

    if (withoutPgDump()) {
      await expect(drill()).rejects.toThrow(/pg_dump not found: install/);
      return;
    }
    const { code, err } = await drill();

    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/BROKEN at event 1/);
  });
});
