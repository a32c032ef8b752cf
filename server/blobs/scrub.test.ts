import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseReceipt } from '../../src/contracts/cases';
import { CaseVerification } from '../../src/contracts/review';
import { insuredCase } from '../case-fixtures';
import { signedCaseBody } from '../test-device';
import { sendNextVersion, submitCase, uploadPhoto } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';
import type { FsBlobStore } from './fs-blob-store';
import { SCRUB_INTERVAL_MS, scrubBlobs, scrubIfDue } from './scrub';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

describe('blob scrub', () => {
  it('finds a corrupt stored photo, quarantines it (not served, missing) and reports it', async () => {
    const c = insuredCase('scrubbed', 3);
    await submitCase(w, c);
    const blobs = w.fx.blobs as FsBlobStore;
    const bad = c.photos[1]!;
    // A disk fault: same size, other bytes.
    w.fx.tampered();
    await fs.writeFile(blobs.pathOf(bad.meta.sha256), Buffer.alloc(bad.bytes.length, 7));

    const result = await scrubBlobs({ db: w.fx.db, blobs, now: () => new Date() });

    expect(result).toEqual({ checked: 3, quarantined: [bad.meta.sha256] });
    expect(await blobs.has(bad.meta.sha256)).toBe(false);
    const served = await w.call('officerA', {
      url: `/api/cases/${c.record.id}/photos/${bad.meta.sha256}`,
    });
    expect(served.statusCode).toBe(404);

    const events = await w.fx.db
      .selectFrom('audit_events')
      .select(['actor', 'subject', 'details'])
      .where('action', '=', 'blob.quarantined')
      .execute();
    expect(events.map((e) => ({ ...e, details: JSON.parse(e.details) as unknown }))).toEqual([
      {
        actor: 'system',
        subject: bad.meta.sha256,
        details: { reason: 'photo_hash_mismatch', cases: [c.record.id] },
      },
    ]);

    const check = await w.call('reviewerA', { url: `/api/cases/${c.record.id}/verification` });
    const verification = CaseVerification.parse(check.json());
    expect(verification.verdict).toBe('failed');
    expect(verification.checks).toContainEqual(
      expect.objectContaining({ kind: 'photo', sha256: bad.meta.sha256, ok: false }),
    );

    // The phone's replay learns the photo is missing, so it sends it again.
    const replay = await w.call('officerA', {
      method: 'PUT',
      url: `/api/cases/${c.record.id}`,
      payload: await signedCaseBody({
        record: c.record,
        photos: c.photos.map((p) => p.meta),
        deviceId: w.devices.officerA.id,
        key: w.devices.officerA.key,
      }),
    });
    expect(replay.statusCode).toBe(200);
    expect(CaseReceipt.parse(replay.json()).photos.missing).toEqual([bad.meta.sha256]);
  });

  it('forgets who held quarantined bytes: a new version lists them missing until they are uploaded again', async () => {
    const c = insuredCase('rescrubbed', 2);
    const v1 = await submitCase(w, c);
    const blobs = w.fx.blobs as FsBlobStore;
    const bad = c.photos[0]!;
    w.fx.tampered();
    await fs.writeFile(blobs.pathOf(bad.meta.sha256), Buffer.alloc(bad.bytes.length, 7));
    await scrubBlobs({ db: w.fx.db, blobs, now: () => new Date() });

    const photos = c.photos.map((p) => p.meta);
    const receiptOf = (res: { statusCode: number; json: () => unknown }) => {
      expect(res.statusCode).toBe(200);
      return CaseReceipt.parse(res.json());
    };
    const v2 = await sendNextVersion(w, c.record, photos, { version: 1, ...v1 });
    expect(receiptOf(v2.res).photos.missing).toEqual([bad.meta.sha256]);

    await uploadPhoto(w, 'officerA', bad);
    const v3 = await sendNextVersion(w, c.record, photos, { version: 2, ...v2.body });
    const receipt = receiptOf(v3.res);
    expect(receipt.photos.missing).toEqual([]);
    expect(receipt.complete).toBe(true);
  });

  it('leaves sound blobs alone', async () => {
    await submitCase(w, insuredCase('sound', 2));
    const result = await scrubBlobs({ db: w.fx.db, blobs: w.fx.blobs, now: () => new Date() });
    expect(result).toEqual({ checked: 2, quarantined: [] });
  });

  it('runs in one process of several, once a day, and a pass whose lease was lost stops', async () => {
    await submitCase(w, insuredCase('shared', 2));
    let now = new Date('2026-12-07T01:00:00.000Z');
    const deps = { db: w.fx.db, blobs: w.fx.blobs, now: () => now };

    expect(await scrubIfDue(deps, 'process-a')).toEqual({ checked: 2, quarantined: [] });
    expect(await scrubIfDue(deps, 'process-b')).toBeUndefined();
    now = new Date(now.getTime() + SCRUB_INTERVAL_MS + 60_000);
    const renew = () => Promise.resolve(false);
    expect(await scrubBlobs({ ...deps, renew })).toEqual({
      checked: 0,
      quarantined: [],
      interrupted: true,
    });
    expect(await scrubIfDue(deps, 'process-b')).toEqual({ checked: 2, quarantined: [] });
  });
});
