import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDetail, CaseList, CaseReceipt } from '../../src/contracts/cases';
import type { CasePutRequest } from '../../src/contracts/cases';
import { ErrorBody } from '../../src/contracts/errors';
import { insuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import { sha256OfBytes, signedCaseBody } from '../test-device';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { determinationBytes, openAmendment } from '../../src/domain/case/determination';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
let c: CaseFixture;

beforeEach(async () => {
  w = await openTestWorld();
  c = insuredCase();
});

afterEach(async () => {
  await w.close();
});

type Officer = 'officerA' | 'officerA2' | 'officerB';

const signed = (
  officer: Officer = 'officerA',
  extra: Partial<Parameters<typeof signedCaseBody>[0]> = {},
) =>
  signedCaseBody({
    record: c.record,
    photos: c.photos.map((p) => p.meta),
    deviceId: w.devices[officer].id,
    key: w.devices[officer].key,
    ...extra,
  });

const put = (actor: Actor, body: CasePutRequest, id = c.record.id) =>
  w.call(actor, { method: 'PUT', url: `/api/cases/${id}`, payload: body });

const storeAllPhotos = async () => {
  for (const p of c.photos) await w.fx.blobs.put(p.bytes);
};

const count = async (table: 'cases' | 'case_versions' | 'changes') =>
  Number(
    (
      await w.fx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const auditOf = async (action: string) =>
  (
    await w.fx.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('action', '=', action)
      .execute()
  ).map((r) => JSON.parse(r.details) as Record<string, unknown>);

async function expectRefused(res: Awaited<ReturnType<typeof put>>, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(ErrorBody.parse(res.json()).error.code).toBe(code);
  expect(await auditOf('case.refused')).toContainEqual(expect.objectContaining({ reason: code }));
}

describe('PUT /api/cases/:id — receipts', () => {
  it('answers a receipt listing held and missing photos; complete once all are held', async () => {
    await w.fx.blobs.put(c.photos[0]!.bytes);
    const body = await signed();

    const first = CaseReceipt.parse((await put('officerA', body)).json());

    expect(first).toEqual({
      caseId: c.record.id,
      manifestVersion: 1,
      manifestHash: body.manifestHash,
      receivedAt: '2026-11-27T09:30:00.000Z',
      photos: { held: [c.photos[0]!.meta.sha256], missing: [c.photos[1]!.meta.sha256] },
      complete: false,
      flags: [],
    });
    await w.fx.blobs.put(c.photos[1]!.bytes);
    w.clock.now = new Date('2026-11-27T10:00:00.000Z');
    const again = CaseReceipt.parse((await put('officerA', body)).json());
    expect(again).toMatchObject({
      complete: true,
      receivedAt: first.receivedAt,
      photos: { missing: [] },
    });
    expect(again.photos.held.sort()).toEqual(c.photos.map((p) => p.meta.sha256).sort());
  });

  it('the same case PUT 100 times, 20 at once, gives one case and identical receipts', async () => {
    await storeAllPhotos();
    const body = await signed();
    const receipts: unknown[] = [];

    for (let batch = 0; batch < 5; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => put('officerA', body)));
      for (const a of answers) {
        expect(a.statusCode).toBe(200);
        receipts.push(a.json());
      }
    }

    expect(receipts).toHaveLength(100);
    for (const r of receipts) expect(r).toEqual(receipts[0]);
    expect(CaseReceipt.parse(receipts[0]).complete).toBe(true);
    expect([await count('cases'), await count('case_versions'), await count('changes')]).toEqual([
      1, 1, 1,
    ]);
    expect(await auditOf('case.received')).toHaveLength(1);
  });

  it('accepts a re-signed identical manifest as the same body (ECDSA signatures differ each time)', async () => {
    const a = await signed();
    const b = await signed();
    expect(a.signature).not.toBe(b.signature);

    expect((await put('officerA', a)).json()).toEqual((await put('officerA', b)).json());
  });
});

describe('PUT /api/cases/:id — refusals, each audited', () => {
  it('refuses a manifest tampered with after signing', async () => {
    const body = await signed();
    const tampered = {
      ...body,
      manifest: { ...body.manifest, signedAt: '2026-11-27T03:00:00.000Z' },
    };

    await expectRefused(await put('officerA', tampered), 422, 'bad_signature');
    expect(await count('cases')).toBe(0);
  });

  it('refuses a case edited after signing', async () => {
    const body = await signed();
    await expectRefused(
      await put('officerA', { ...body, case: { ...body.case, notes: 'changed later' } }),
      422,
      'case_hash_mismatch',
    );
  });

  it('refuses a photo list that differs from the signed manifest', async () => {
    const body = await signed();
    await expectRefused(
      await put('officerA', { ...body, photos: body.photos.slice(1) }),
      422,
      'manifest_mismatch',
    );
  });

  it('refuses when stored bytes do not match a photo hash, naming the photo', async () => {
    await storeAllPhotos();
    const bad = c.photos[1]!.meta.sha256;
    const file = (w.fx.blobs as { pathOf(h: string): string }).pathOf(bad);
    await fs.writeFile(file, Buffer.alloc(c.photos[1]!.bytes.length, 7));

    const res = await put('officerA', await signed());

    await expectRefused(res, 422, 'photo_hash_mismatch');
    expect(ErrorBody.parse(res.json()).error.details).toEqual({ photos: [bad] });
  });

  it('refuses a photo whose listed size is not the stored size', async () => {
    await storeAllPhotos();
    c.photos[0]!.meta = { ...c.photos[0]!.meta, byteLength: c.photos[0]!.meta.byteLength + 1 };
    await expectRefused(await put('officerA', await signed()), 422, 'photo_hash_mismatch');
  });

  it('refuses a manifest signed by another officer’s device', async () => {
    await expectRefused(await put('officerA', await signed('officerB')), 403, 'device_unknown');
  });

  it('refuses a case captured by another officer of the unit, sent from his colleague’s session (shared phone)', async () => {
    c.record = { ...c.record, officer: { id: w.users.officerA.id, name: 'A' } };
    await storeAllPhotos();
    await expectRefused(await put('officerA2', await signed('officerA2')), 403, 'officer_mismatch');
    expect(await count('cases')).toBe(0);
    // Its own officer sends it.
    expect((await put('officerA', await signed('officerA'))).statusCode).toBe(200);
  });

  it('refuses a manifest naming the officer’s device but signed with another key', async () => {
    const body = await signed('officerA', { key: w.devices.officerB.key });
    await expectRefused(await put('officerA', body), 422, 'bad_signature');
  });

  it('refuses a revoked device', async () => {
    await w.call('officerA', { method: 'DELETE', url: `/api/devices/${w.devices.officerA.id}` });
    await expectRefused(await put('officerA', await signed()), 403, 'device_revoked');
  });

  it('refuses ids that disagree', async () => {
    const other = insuredCase('other').record.id;
    await expectRefused(await put('officerA', await signed(), other), 422, 'case_id_mismatch');
  });

  it('answers 404 to an officer of another unit, as if the case did not exist', async () => {
    await put('officerA', await signed());
    const res = await put('officerB', await signed('officerB'));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No such case.' } });
  });

  it('lets another officer of the same unit submit the next version with his own device', async () => {
    const v1 = await signed();
    await put('officerA', v1);
    c.record = { ...c.record, notes: 'more evidence' };
    const v2 = await signed('officerA2', { version: 2, previousManifestHash: v1.manifestHash });
    expect((await put('officerA2', v2)).statusCode).toBe(200);
  });
});

describe('PUT /api/cases/:id — text fields', () => {
  it('refuses a NUL byte and 2 MB of notes with 400 naming each field, and stores nothing', async () => {
    const [a, b] = c.record.parties;
    c.record = {
      ...c.record,
      notes: 'x'.repeat(2 * 1024 * 1024),
      parties: [{ ...a!, name: '张\u0000三' }, b!],
    };

    const res = await put('officerA', await signed());

    expect(res.statusCode).toBe(400);
    const error = ErrorBody.parse(res.json()).error;
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((f) => f.path).sort()).toEqual([
      'body.case.notes',
      'body.case.parties.0.name',
    ]);
    expect(await count('cases')).toBe(0);
  });
});

describe('PUT /api/cases/:id — the version chain', () => {
  it('stores version 2 on version 1; refuses a different body for a stored version; flags a gap; refuses late versions', async () => {
    const v1 = await signed();
    expect((await put('officerA', v1)).statusCode).toBe(200);
    c.record = { ...c.record, notes: 'v2' };
    const v2 = await signed('officerA', { version: 2, previousManifestHash: v1.manifestHash });
    const r2 = CaseReceipt.parse((await put('officerA', v2)).json());
    expect(r2).toMatchObject({ manifestVersion: 2, manifestHash: v2.manifestHash, flags: [] });

    c.record = { ...c.record, notes: 'v2 but different' };
    const v2b = await signed('officerA', { version: 2, previousManifestHash: v1.manifestHash });
    const conflict = await put('officerA', v2b);
    await expectRefused(conflict, 409, 'manifest_conflict');
    expect(ErrorBody.parse(conflict.json()).error.details).toEqual({
      storedManifestHash: v2.manifestHash,
    });

    const v3bad = await signed('officerA', { version: 3, previousManifestHash: v1.manifestHash });
    await expectRefused(await put('officerA', v3bad), 409, 'chain_broken');

    c.record = { ...c.record, notes: 'v5' };
    const v5 = await signed('officerA', { version: 5, previousManifestHash: 'a'.repeat(64) });
    const r5 = CaseReceipt.parse((await put('officerA', v5)).json());
    expect(r5).toMatchObject({ manifestVersion: 5, flags: ['version_gap'] });
    expect(await auditOf('case.version_gap')).toEqual([{ storedVersion: 2, receivedVersion: 5 }]);

    const v4 = await signed('officerA', { version: 4, previousManifestHash: 'b'.repeat(64) });
    await expectRefused(await put('officerA', v4), 409, 'version_superseded');

    // The replay of an older stored version still answers its own receipt.
    expect(CaseReceipt.parse((await put('officerA', v1)).json()).manifestVersion).toBe(1);
    expect(await count('case_versions')).toBe(3);
  });
});

describe('reading cases by scope', () => {
  beforeEach(async () => {
    await storeAllPhotos();
    expect((await put('officerA', await signed())).statusCode).toBe(200);
  });

  it.each([
    ['officerA', true],
    ['officerA2', true],
    ['reviewerA', true],
    ['insurerX', true],
    ['insurerY', true],
    ['officerB', false],
    ['reviewerB', false],
  ] as const)('%s sees it: %s', async (actor, sees) => {
    const list = CaseList.parse((await w.call(actor, { url: '/api/cases' })).json());
    const one = await w.call(actor, { url: `/api/cases/${c.record.id}` });

    expect(list.cases.map((x) => x.id)).toEqual(sees ? [c.record.id] : []);
    expect(one.statusCode).toBe(sees ? 200 : 404);
  });

  it('gives an insurer only the vehicles it insures and their drivers', async () => {
    const detail = CaseDetail.parse(
      (await w.call('insurerX', { url: `/api/cases/${c.record.id}` })).json(),
    );

    expect(detail.redacted).toBe(true);
    expect(detail.case.vehicles.map((v) => v.label)).toEqual(['A']);
    expect(detail.case.parties.map((p) => p.name)).toEqual(['张三']);
    expect(detail.receipt.complete).toBe(true);
  });

  it('gives the officer the full case, manifest, signature and receipt', async () => {
    const detail = CaseDetail.parse(
      (await w.call('officerA', { url: `/api/cases/${c.record.id}` })).json(),
    );

    expect(detail).toMatchObject({
      redacted: false,
      case: c.record,
      summary: { state: 'synced', complete: true },
    });
  });
});

describe('PUT /api/cases/:id — the signed determination is sealed', () => {
  /** The fixture case with every driver's signature bound to its determination content. */
  const withSignatures = (record: CaseRecord, at = '2026-11-27T02:40:00.000Z'): CaseRecord => {
    const contentSha256 = sha256OfBytes(determinationBytes(record, 2));
    const signatures = record.parties
      .filter((p) => p.kind === 'driver')
      .map((p) => ({
        partyId: p.id,
        kind: 'refused' as const,
        at,
        contentSha256,
        contentVersion: 2 as const,
        reason: '不同意',
      }));
    return {
      ...record,
      state: 'signed',
      liability: { schemaVersion: 1, ...record.liability, signatures },
    };
  };
  const withPlate = (record: CaseRecord, plate: string): CaseRecord => ({
    ...record,
    vehicles: record.vehicles.map((v, i) => (i === 0 ? { ...v, plate } : v)),
  });

  it('refuses a version that changes a signed plate without new signatures, and audits it', async () => {
    c.record = withSignatures(c.record);
    const v1 = await signed();
    expect((await put('officerA', v1)).statusCode).toBe(200);
    c.record = withPlate(c.record, '蒙A99999');
    const v2 = await signed('officerA', { version: 2, previousManifestHash: v1.manifestHash });
    await expectRefused(await put('officerA', v2), 422, 'signed_content_changed');
    expect(await count('case_versions')).toBe(1);
  });

  it('refuses a version that drops the signatures of the stored one', async () => {
    c.record = withSignatures(c.record);
    const v1 = await signed();
    expect((await put('officerA', v1)).statusCode).toBe(200);
    c.record = { ...withPlate(c.record, '蒙A99999'), liability: undefined, state: 'scene-cleared' };
    const v2 = await signed('officerA', { version: 2, previousManifestHash: v1.manifestHash });
    await expectRefused(await put('officerA', v2), 422, 'signatures_removed');
  });

  it('accepts an amendment with new signatures, flags it for review and audits the reason', async () => {
    const first = withSignatures(c.record);
    c.record = first;
    const v1 = await signed();
    expect((await put('officerA', v1)).statusCode).toBe(200);
    const opened = openAmendment(
      first,
      { reason: '车牌录入错误', supersededSha256: sha256OfBytes(determinationBytes(first)) },
      '2026-11-27T03:00:00.000Z',
    );
    if (!opened.ok) throw new Error(opened.reason);
    c.record = withSignatures(withPlate(opened.value, '蒙A99999'), '2026-11-27T03:05:00.000Z');
    const v2 = await signed('officerA', { version: 2, previousManifestHash: v1.manifestHash });
    const receipt = CaseReceipt.parse((await put('officerA', v2)).json());
    expect(receipt.flags).toEqual(['amended']);
    expect(await auditOf('case.amended')).toEqual([
      {
        version: 2,
        reason: '车牌录入错误',
        supersededSha256: sha256OfBytes(determinationBytes(first)),
      },
    ]);
  });
});
