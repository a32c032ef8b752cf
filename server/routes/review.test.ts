/**
 * A case's history (every version as received, every review action and
 * hand-over, with names) and the server's verification of its evidence now:
 * intact → verified; a changed photo byte or case body → failed, naming what.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseHistory, CaseVerification } from '../../src/contracts/review';
import { insuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import { signedCaseBody } from '../test-device';
import type { CasePutRequest } from '../../src/contracts/cases';
import { submitCase } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
let c: CaseFixture;
let v1: CasePutRequest & { manifestHash: string };

beforeEach(async () => {
  w = await openTestWorld();
  c = insuredCase('review-history', 2);
  v1 = await submitCase(w, c);
});

afterEach(async () => {
  await w.close();
});

const put = (body: CasePutRequest, actor: Actor = 'officerA') =>
  w.call(actor, { method: 'PUT', url: `/api/cases/${c.record.id}`, payload: body });

const act = async (actor: Actor, payload: object) => {
  const res = await w.call(actor, {
    method: 'POST',
    url: `/api/cases/${c.record.id}/actions`,
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
};

const history = async (actor: Actor) => {
  const res = await w.call(actor, { url: `/api/cases/${c.record.id}/history` });
  expect(res.statusCode, res.body).toBe(200);
  return CaseHistory.parse(res.json());
};

const verification = async (actor: Actor = 'reviewerA') => {
  const res = await w.call(actor, { url: `/api/cases/${c.record.id}/verification` });
  expect(res.statusCode, res.body).toBe(200);
  return CaseVerification.parse(res.json());
};

describe('GET /api/cases/:id/history', () => {
  it('lists every version, review action and hand-over with names, and the take-over', async () => {
    const at = (minutes: number) =>
      new Date(Date.parse('2026-11-27T09:30:00.000Z') + minutes * 60_000);
    w.clock.now = at(1);
    await act('reviewerA', {
      action: 'return',
      missing: [{ kind: 'shot', key: 'collision-point' }],
    });
    w.clock.now = at(2);
    const v2 = await signedCaseBody({
      record: { ...c.record, notes: '已补拍' },
      photos: c.photos.map((p) => p.meta),
      deviceId: w.devices.officerA.id,
      key: w.devices.officerA.key,
      version: 2,
      previousManifestHash: v1.manifestHash,
    });
    expect((await put(v2)).statusCode).toBe(200);
    w.clock.now = at(3);
    await act('reviewerA', { action: 'take-over', note: '转事故中队处理' });
    w.clock.now = at(4);
    const handover = await w.call('reviewerA', {
      method: 'POST',
      url: `/api/cases/${c.record.id}/handover`,
      payload: { officerId: w.users.officerA2.id, reason: '原民警休假' },
    });
    expect(handover.statusCode).toBe(200);
    w.clock.now = at(5);
    await act('reviewerA', { action: 'review' });

    const h = await history('reviewerA');

    expect(h.versions.map((v) => [v.version, v.officer.name, v.case.notes, v.flags])).toEqual([
      [1, 'officerA', '', []],
      [2, 'officerA', '已补拍', []],
    ]);
    expect(h.versions[1]?.deviceId).toBe(w.devices.officerA.id);
    expect(h.actions.map((a) => [a.kind, a.state, a.by.name, a.note, a.manifestVersion])).toEqual([
      ['returned', 'returned', 'reviewerA', undefined, 1],
      ['taken-over', 'synced', 'reviewerA', '转事故中队处理', 2],
      ['handed-over', 'synced', 'reviewerA', '原民警休假', 2],
      ['reviewed', 'reviewed', 'reviewerA', undefined, 2],
    ]);
    expect(h.actions[0]?.missing).toEqual([{ kind: 'shot', key: 'collision-point' }]);
    expect(h.takenOver).toEqual({
      by: { id: w.users.reviewerA.id, name: 'reviewerA', role: 'reviewer' },
      at: at(3).toISOString(),
      reason: '转事故中队处理',
    });
    // The new officer's unit reads it too.
    expect((await history('officerA2')).versions).toHaveLength(2);
  });

  it('names a reopen as such, and lists the insurers’ steps', async () => {
    await act('reviewerA', { action: 'review' });
    for (const insurer of ['insurerX', 'insurerY'] as const) {
      await act(insurer, { action: 'assess', amountYuan: 100 });
      await act(insurer, { action: 'pay', amountYuan: 100 });
    }
    await act('reviewerA', { action: 'reopen', note: '车损金额有误' });

    const kinds = (await history('officerA')).actions.map((a) => [a.kind, a.note]);

    // Each insurer's steps are in the history too, between the approval and the reopen.
    expect(kinds).toEqual([
      ['reviewed', undefined],
      ...Array.from({ length: 2 }, () => [
        ['assessed', undefined],
        ['paid', undefined],
      ]).flat(),
      ['reopened', '车损金额有误'],
    ]);
  });

  it('is no one else’s', async () => {
    for (const [actor, status] of [
      ['officerB', 404],
      ['reviewerB', 404],
      ['insurerX', 403],
      ['admin', 403],
    ] as const) {
      const res = await w.call(actor, { url: `/api/cases/${c.record.id}/history` });
      expect(res.statusCode, actor).toBe(status);
    }
  });
});

describe('GET /api/cases/:id/verification', () => {
  it('verifies an intact case: signature, chain, case hash, manifest and every photo', async () => {
    const v = await verification();

    expect(v.verdict).toBe('verified');
    expect(v.checkedAt).toBe(w.clock.now.toISOString());
    expect(v.checks.map((ch) => [ch.kind, ch.version ?? ch.sha256, ch.ok])).toEqual([
      ['signature', 1, true],
      ['chain', 1, true],
      ['case-hash', 1, true],
      ['manifest', 1, true],
      ...v1.manifest.photos.map((p) => ['photo', p.sha256, true]),
    ]);
    expect((await verification('officerA')).verdict).toBe('verified');
  });

  it('fails on a changed photo byte, naming the photo', async () => {
    w.fx.tampered();
    const target = c.photos[1]!.meta.sha256;
    const file = await findBlob(w.fx.dir, target);
    const bytes = await fs.readFile(file);
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    await fs.chmod(file, 0o644);
    await fs.writeFile(file, bytes);

    const v = await verification();

    expect(v.verdict).toBe('failed');
    expect(v.checks.filter((ch) => !ch.ok)).toEqual([
      {
        kind: 'photo',
        sha256: target,
        ok: false,
        problem: `The stored bytes of photo ${target} no longer hash to its name.`,
      },
    ]);
  });

  it('fails on a changed case body, naming the version and the hash', async () => {
    w.fx.tampered();
    const changed = {
      ...c.record,
      vehicles: c.record.vehicles.map((v) => ({ ...v, plate: '川A99999' })),
    };
    await w.fx.db
      .updateTable('cases')
      .set({ body: JSON.stringify(changed) })
      .where('id', '=', c.record.id)
      .execute();

    const v = await verification();

    expect(v.verdict).toBe('failed');
    const failed = v.checks.filter((ch) => !ch.ok);
    expect(failed.map((ch) => ch.kind)).toEqual(['case-hash', 'manifest']);
    expect(failed[0]?.problem).toBe(
      'Version 1: the stored case is not the case the signed manifest names (caseSha256).',
    );
    expect(failed[1]?.problem).toMatch(/^Version 1: .*body hash.*; the case as served differs/);
  });

  it('fails when a listed photo has not been received', async () => {
    const extra = insuredCase('missing-photo', 1).photos[0]!;
    const meta = { ...extra.meta, caseId: c.record.id };
    const v2 = await signedCaseBody({
      record: c.record,
      photos: [...c.photos.map((p) => p.meta), meta],
      deviceId: w.devices.officerA.id,
      key: w.devices.officerA.key,
      version: 2,
      previousManifestHash: v1.manifestHash,
    });
    expect((await put(v2)).statusCode).toBe(200);

    const v = await verification();

    expect(v.verdict).toBe('failed');
    expect(v.checks.filter((ch) => !ch.ok)).toEqual([
      {
        kind: 'photo',
        sha256: meta.sha256,
        ok: false,
        problem: `Photo ${meta.sha256} has not been received yet: the phone has not uploaded it.`,
      },
    ]);
    expect(v.checks.filter((ch) => ch.kind === 'chain').map((ch) => ch.ok)).toEqual([true, true]);
  });
});

async function findBlob(dir: string, sha256: string): Promise<string> {
  const entries = await fs.readdir(path.join(dir, 'blobs'), { recursive: true });
  const hit = entries.find((e) => path.basename(e) === sha256);
  if (!hit) throw new Error(`blob ${sha256} not found`);
  return path.join(dir, 'blobs', hit);
}
