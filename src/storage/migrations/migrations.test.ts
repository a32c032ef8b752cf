/**
 * The upgrade harness: for every released version, seed a database at that
 * version with a pending case and its outbox entry, open the latest version,
 * and check that nothing was lost and everything still parses.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CaseRecord } from '../../domain';
import { aCase } from '../../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../../tests/setup/fresh-db';
import { createDb } from '../db';
import { countUnsent, listCases } from '../cases-repo';
import { listPhotos, readPhotoBlob } from '../photos-repo';
import { sha256Hex } from '../../platform/hash/sha256';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './index';

beforeEach(useFreshIndexedDb);

describe('schema versions', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, i) => i + 1),
    );
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'upgrading from version %i to the latest keeps pending cases',
    async (from) => {
      const c = aCase('2026-11-27T02:00:00.000Z').withVehicles(2).build();
      const old = createDb('upgrade-test', from);
      await old.open();
      await old.table('cases').put(c);
      await old.table('outbox').put({ key: `case:${c.id}`, kind: 'case', caseId: c.id });
      old.close();

      const db = createDb('upgrade-test');
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      const list = await listCases(db);
      expect(list.unreadable).toEqual([]);
      expect(list.cases.map((x) => CaseRecord.parse(x))).toEqual([c]);
      expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({ caseId: c.id });
      db.close();
    },
  );
});

describe('version 1 → 2 (sync)', () => {
  it('opens a version-1 phone with pending cases and photos intact, completing the outbox rows', async () => {
    const c = aCase('2026-11-27T02:00:00.000Z').withVehicles(2).build();
    const bytes = new TextEncoder().encode('jpeg bytes of the overview');
    const sha256 = await sha256Hex(bytes);
    const meta = {
      schemaVersion: 1,
      sha256,
      originalSha256: sha256,
      caseId: c.id,
      slot: 'overview',
      takenAt: c.arrivedAt,
      byteLength: bytes.byteLength,
      width: 10,
      height: 10,
      mimeType: 'image/jpeg',
    } as const;
    const old = createDb('upgrade-v2', 1);
    await old.open();
    await old.table('cases').put(c);
    await old.table('photos').put({
      id: `${sha256}|overview`,
      sha256,
      caseId: c.id,
      meta,
      blob: new Blob([bytes], { type: 'image/jpeg' }),
    });
    await old.table('outbox').bulkPut([
      // As version 1 wrote them …
      {
        key: `case:${c.id}`,
        kind: 'case',
        entityId: c.id,
        caseId: c.id,
        status: 'pending',
        revision: 3,
        enqueuedAt: '2026-11-27T02:00:00.000Z',
        updatedAt: '2026-11-27T02:05:00.000Z',
        attempts: 0,
        nextAttemptAt: '2026-11-27T02:05:00.000Z',
        lastError: 'offline',
      },
      // … and a bare row, as an early build might have left one.
      { key: `photo:${sha256}`, caseId: c.id },
    ]);
    old.close();

    const db = createDb('upgrade-v2');
    await db.open();

    expect(db.verno).toBe(LATEST_VERSION);
    expect((await listCases(db)).cases).toEqual([c]);
    expect(await listPhotos(db, c.id)).toEqual([meta]);
    expect(await (await readPhotoBlob(db, sha256))?.text()).toBe('jpeg bytes of the overview');
    expect(await db.outbox.get(`case:${c.id}`)).toEqual({
      key: `case:${c.id}`,
      kind: 'case',
      entityId: c.id,
      caseId: c.id,
      status: 'pending',
      revision: 3,
      enqueuedAt: '2026-11-27T02:00:00.000Z',
      updatedAt: '2026-11-27T02:05:00.000Z',
      attempts: 0,
      nextAttemptAt: '2026-11-27T02:05:00.000Z',
      lastError: { reason: 'offline', at: '2026-11-27T02:05:00.000Z' },
    });
    expect(await db.outbox.get(`photo:${sha256}`)).toMatchObject({
      kind: 'photo',
      entityId: sha256,
      status: 'pending',
      revision: 1,
      attempts: 0,
      enqueuedAt: c.updatedAt,
      nextAttemptAt: '1970-01-01T00:00:00.000Z',
    });
    expect(await countUnsent(db)).toEqual({ cases: 1, photos: 1 });
    expect([
      await db.receipts.count(),
      await db.submissions.count(),
      await db.serverChanges.count(),
      await db.syncState.count(),
    ]).toEqual([0, 0, 0, 0]);
    db.close();
  });
});

describe('version 2 → 3 (the headroom probe’s scratch table)', () => {
  it('adds an empty scratch table, keeping every row and the photo bytes', async () => {
    const c = aCase('2026-11-27T02:00:00.000Z').withVehicles(2).build();
    const bytes = new TextEncoder().encode('jpeg bytes of the overview');
    const sha256 = await sha256Hex(bytes);
    const old = createDb('upgrade-v3', 2);
    await old.open();
    await old.table('cases').put(c);
    await old.table('photos').put({
      id: `${sha256}|overview`,
      sha256,
      caseId: c.id,
      meta: { sha256, slot: 'overview' },
      blob: new Blob([bytes], { type: 'image/jpeg' }),
    });
    await old.table('syncState').put({ key: 'pullCursor', value: '42' });
    old.close();

    const db = createDb('upgrade-v3');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.scratch.count()).toBe(0);
    expect((await listCases(db)).cases).toEqual([c]);
    expect(await (await readPhotoBlob(db, sha256))?.text()).toBe('jpeg bytes of the overview');
    expect(await db.syncState.get('pullCursor')).toEqual({ key: 'pullCursor', value: '42' });
    db.close();
  });
});

describe('version 3 → 4 (the squad’s word beside each case)', () => {
  it('adds an empty reviews table, keeping every case, its outbox entry and the sync settings', async () => {
    const c = aCase('2026-11-27T02:00:00.000Z').withVehicles(2).build();
    const old = createDb('upgrade-v4', 3);
    await old.open();
    await old.table('cases').put(c);
    await old.table('outbox').put({ key: `case:${c.id}`, kind: 'case', caseId: c.id });
    await old.table('syncState').put({ key: 'pullCursor:u', value: '42' });
    old.close();

    const db = createDb('upgrade-v4');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.reviews.count()).toBe(0);
    expect((await listCases(db)).cases).toEqual([c]);
    expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({ caseId: c.id });
    expect(await db.syncState.get('pullCursor:u')).toEqual({ key: 'pullCursor:u', value: '42' });
    await db.reviews.put({ caseId: c.id });
    expect(await db.reviews.get(c.id)).toEqual({ caseId: c.id });
    db.close();
  });
});
