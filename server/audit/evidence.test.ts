import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDetail } from '../../src/contracts/cases';
import { runAdmin } from '../admin-cli';
import { createFsBlobStore } from '../blobs/fs-blob-store';
import type { FsBlobStore } from '../blobs/fs-blob-store';
import { insuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import type { Db } from '../db/database';
import { signedCaseBody } from '../test-device';
import { copyFixtureDatabase } from '../test-support';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';
import { verifyStoredEvidence } from './evidence';

let w: TestWorld;
let c: CaseFixture;
let copy: { db: Db; drop(): Promise<void>; blobs: FsBlobStore } | undefined;

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Uploads a photo by tus, as the phone does: one POST, one PATCH with every byte. */
async function upload(bytes: Buffer, sha256: string) {
  const created = await w.call('officerA', {
    method: 'POST',
    url: '/api/uploads',
    headers: {
      ...TUS,
      'upload-length': String(bytes.length),
      'upload-metadata': `sha256 ${b64(sha256)},caseId ${b64(c.record.id)}`,
    },
  });
  const res = await w.call('officerA', {
    method: 'PATCH',
    url: created.headers['location'] as string,
    headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    payload: bytes,
  });
  expect(res.statusCode).toBe(200);
}

/** Versions 1 and 2 of a case with both photos uploaded. */
async function storeCase() {
  for (const p of c.photos) await upload(p.bytes, p.meta.sha256);
  const sign = (version: number, previousManifestHash: string | null) =>
    signedCaseBody({
      record: c.record,
      photos: c.photos.map((p) => p.meta),
      deviceId: w.devices.officerA.id,
      key: w.devices.officerA.key,
      version,
      previousManifestHash,
    });
  const v1 = await sign(1, null);
  const put = (body: unknown) =>
    w.call('officerA', {
      method: 'PUT',
      url: `/api/cases/${c.record.id}`,
      payload: body as object,
    });
  expect((await put(v1)).statusCode).toBe(200);
  c.record = { ...c.record, notes: 'second look' };
  expect((await put(await sign(2, v1.manifestHash))).statusCode).toBe(200);
}

/** A copy of the world's database and blob folder, as an outsider would take it. */
async function copyOfTheWorld() {
  const dir = path.join(w.fx.dir, 'copy');
  await fs.mkdir(dir);
  const { db, drop } = await copyFixtureDatabase(w.fx, dir);
  await fs.cp(w.fx.blobs.root, path.join(dir, 'blobs'), { recursive: true });
  copy = { db, drop, blobs: await createFsBlobStore(path.join(dir, 'blobs')) };
  return copy;
}

const changePlate = (json: string) => json.replaceAll('川A12340', '川A99999');

beforeEach(async () => {
  w = await openTestWorld();
  c = insuredCase();
});

afterEach(async () => {
  await copy?.db.destroy();
  await copy?.drop();
  copy = undefined;
  await w.close();
});

describe('verifyStoredEvidence', () => {
  it('finds every stored version and photo intact on an untouched database', async () => {
    await storeCase();

    expect(await verifyStoredEvidence(w.fx.db, w.fx.blobs)).toEqual({
      versions: 2,
      photos: 2,
      breaks: [],
    });
  });

  it('names a changed plate and a dropped photo in a copy of the database', async () => {
    await storeCase();
    const { db, blobs } = await copyOfTheWorld();
    const row = await db
      .selectFrom('case_versions')
      .select('body')
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('case_versions')
      .set({ body: changePlate(row.body) })
      .where('version', '=', 2)
      .execute();
    await db
      .updateTable('cases')
      .set({ body: changePlate(row.body) })
      .execute();
    const dropped = c.photos[1]!.meta.sha256;
    await fs.rm(blobs.pathOf(dropped));

    const verdict = await verifyStoredEvidence(db, blobs);

    const at = (version: number, reason: string) =>
      expect.objectContaining({ caseId: c.record.id, version, reason }) as unknown;
    expect(verdict.breaks).toEqual(
      expect.arrayContaining([
        at(2, 'body_hash_mismatch'),
        at(2, 'case_hash_mismatch'),
        at(1, 'photo_missing'),
        at(2, 'photo_missing'),
      ]),
    );
    expect(verdict.breaks).toHaveLength(4);
    expect(verdict.breaks.find((b) => b.reason === 'photo_missing')?.message).toContain(dropped);
  });

  it('catches a rewritten manifest hash and a swapped device key: the audit event and the signature disagree', async () => {
    await storeCase();
    const { db, blobs } = await copyOfTheWorld();
    await db
      .updateTable('case_versions')
      .set({ manifest_hash: 'f'.repeat(64) })
      .where('version', '=', 1)
      .execute();
    await db
      .updateTable('devices')
      .set({ public_key_jwk: JSON.stringify(w.devices.officerB.key.publicKeyJwk) })
      .where('id', '=', w.devices.officerA.id)
      .execute();

    const reasons = (await verifyStoredEvidence(db, blobs)).breaks.map(
      (b) => `${b.version} ${b.reason}`,
    );

    expect(reasons.sort()).toEqual([
      '1 bad_signature',
      '1 manifest_hash_mismatch',
      '1 manifest_not_audited',
      '2 bad_signature',
    ]);
  });

  it('notices a stored version that is gone and a current row that is not its latest version', async () => {
    await storeCase();
    const { db, blobs } = await copyOfTheWorld();
    await db.deleteFrom('case_versions').where('version', '=', 2).execute();

    const reasons = (await verifyStoredEvidence(db, blobs)).breaks.map(
      (b) => `${b.version} ${b.reason}`,
    );

    expect(reasons.sort()).toEqual(['2 current_mismatch', '2 version_missing']);
  });
});

describe('verify-audit on a tampered copy', () => {
  it('prints each break and exits 1', async () => {
    await storeCase();
    const { db, blobs } = await copyOfTheWorld();
    const row = await db.selectFrom('cases').select('body').executeTakeFirstOrThrow();
    await db
      .updateTable('cases')
      .set({ body: changePlate(row.body) })
      .execute();
    await fs.rm(blobs.pathOf(c.photos[0]!.meta.sha256));
    const err: string[] = [];

    const code = await runAdmin(['verify-audit'], {
      db,
      blobs,
      now: () => w.clock.now,
      out: () => undefined,
      err: (l) => void err.push(l),
    });

    expect(code).toBe(1);
    expect(err.filter((l) => l.startsWith('BROKEN at'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(`^BROKEN at case ${c.record.id} version 2 \\(current_mismatch\\)`),
        expect.stringMatching(`^BROKEN at case ${c.record.id} version 1 \\(photo_missing\\)`),
        expect.stringMatching(`^BROKEN at case ${c.record.id} version 2 \\(photo_missing\\)`),
      ]),
    );
  });
});

describe('serving a stored case', () => {
  it('says intact for an untouched case and broken for one whose stored body was changed', async () => {
    await storeCase();
    const get = async () =>
      CaseDetail.parse(
        (await w.call('reviewerA', { method: 'GET', url: `/api/cases/${c.record.id}` })).json(),
      );
    expect((await get()).integrity).toBe('intact');

    const row = await w.fx.db.selectFrom('cases').select('body').executeTakeFirstOrThrow();
    await w.fx.db
      .updateTable('cases')
      .set({ body: changePlate(row.body) })
      .execute();
    w.fx.tampered();

    const detail = await get();
    expect(detail.integrity).toBe('broken');
    expect(detail.case.vehicles.map((v) => v.plate)).toContain('川A99999');
  });
});
