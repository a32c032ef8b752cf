import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CaseDetail,
  CaseHandoverResponse,
  CaseList,
  CaseReceipt,
  InsurerCaseDetail,
} from '../../src/contracts/cases';
import type { CasePutRequest } from '../../src/contracts/cases';
import { ErrorBody } from '../../src/contracts/errors';
import { insuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import { sha256OfBytes, signedCaseBody } from '../test-device';
import { uploadPhoto, uploadPhotos } from '../test-photos';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { determinationBytes, openAmendment } from '../../src/domain/case/determination';
import { MAX_MANIFEST_VERSION } from '../../src/domain/manifest/manifest.schema';
import { createUnit, createUser, disableUser } from '../auth/accounts';
import { CHEAP_SCRYPT, TEST_PASSWORD, openTestWorld } from '../test-world';
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

const storeAllPhotos = () => uploadPhotos(w, 'officerA', c.photos);

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
    await uploadPhoto(w, 'officerA', c.photos[0]!);
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
    await uploadPhoto(w, 'officerA', c.photos[1]!);
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

  it('checks the signature before answering a stored version’s receipt to a replay', async () => {
    const body = await signed();
    expect((await put('officerA', body)).statusCode).toBe(200);

    await expectRefused(
      await put('officerA', { ...body, signature: 'A'.repeat(86) }),
      422,
      'bad_signature',
    );
    // A legitimate resend is signed again (ECDSA differs each time) and gets the receipt.
    const resent = await signed();
    expect(resent.signature).not.toBe(body.signature);
    expect(CaseReceipt.parse((await put('officerA', resent)).json()).manifestHash).toBe(
      body.manifestHash,
    );
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

  it('trusts the hash checked at upload: same-size damage is the scrub’s to find (blobs/scrub.test.ts)', async () => {
    await storeAllPhotos();
    const damaged = c.photos[1]!.meta.sha256;
    w.fx.tampered();
    const file = (w.fx.blobs as { pathOf(h: string): string }).pathOf(damaged);
    await fs.writeFile(file, Buffer.alloc(c.photos[1]!.bytes.length, 7));

    const res = await put('officerA', await signed());

    expect(res.statusCode).toBe(200);
    expect(CaseReceipt.parse(res.json()).photos.missing).toEqual([]);
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

  it('refuses a case a revoked device changed after its revocation', async () => {
    await w.call('officerA', { method: 'DELETE', url: `/api/devices/${w.devices.officerA.id}` });
    c.record = { ...c.record, updatedAt: '2026-11-27T09:30:00.001Z' };
    const after = await signed('officerA', { signedAt: '2026-11-27T09:31:00.000Z' });
    await expectRefused(await put('officerA', after), 403, 'device_revoked');
    expect(await count('cases')).toBe(0);
  });

  it('takes a case a revoked device recorded before its revocation, signed when it came back, flagged for the accident squad', async () => {
    await storeAllPhotos();
    await w.call('officerA', { method: 'DELETE', url: `/api/devices/${w.devices.officerA.id}` });
    c.record = { ...c.record, updatedAt: '2026-11-27T09:29:59.999Z' };
    const before = await signed('officerA', { signedAt: '2026-11-27T09:31:00.000Z' });
    const res = await put('officerA', before);
    expect(res.statusCode).toBe(200);
    expect(CaseReceipt.parse(res.json()).flags).toEqual(['revoked_device']);
    const row = await w.fx.db
      .selectFrom('cases')
      .select(['sig_revoked_device', 'sig_any'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ sig_revoked_device: 1, sig_any: 1 });
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
});

describe('PUT /api/cases/:id — a case belongs to its officer', () => {
  const handover = (actor: Actor, officer: Actor, id = c.record.id) =>
    w.call(actor, {
      method: 'POST',
      url: `/api/cases/${id}/handover`,
      payload: { officerId: w.users[officer].id, reason: '调岗，案件交由同事继续办理' },
    });
  const storedCase = async () =>
    CaseDetail.parse((await w.call('reviewerA', { url: `/api/cases/${c.record.id}` })).json());

  /** Versions 1 and 2 by officer A, naming him as the officer who captured the case. */
  async function twoVersionsOfA() {
    c.record = { ...c.record, officer: { id: w.users.officerA.id, name: 'A' } };
    const v1 = await signed();
    expect((await put('officerA', v1)).statusCode).toBe(200);
    c.record = { ...c.record, notes: 'v2' };
    const v2 = await signed('officerA', { version: 2, previousManifestHash: v1.manifestHash });
    expect((await put('officerA', v2)).statusCode).toBe(200);
    return v2;
  }

  it.each([
    ['removes case.officer', undefined],
    ['names himself as case.officer', 'officerA2'],
  ] as const)(
    'refuses a colleague’s version 3 that %s and wipes the vehicles; the case is unchanged',
    async (_how, named) => {
      const v2 = await twoVersionsOfA();
      const { officer: _captured, ...rest } = c.record;
      c.record = {
        ...rest,
        ...(named && { officer: { id: w.users[named].id, name: 'A2' } }),
        vehicles: [],
        parties: [],
      };
      const v3 = await signed('officerA2', { version: 3, previousManifestHash: v2.manifestHash });

      const res = await put('officerA2', v3);

      await expectRefused(res, 403, 'not_case_officer');
      expect(ErrorBody.parse(res.json()).error.details).toEqual({
        caseOfficerId: w.users.officerA.id,
      });
      const stored = await storedCase();
      expect(stored.summary).toMatchObject({
        manifestVersion: 2,
        officerId: w.users.officerA.id,
      });
      expect(stored.case.vehicles).toHaveLength(2);
    },
  );

  it('after the officer hands the case over, the colleague continues it and the officer may not', async () => {
    const v2 = await twoVersionsOfA();

    const res = await handover('officerA', 'officerA2');

    expect(res.statusCode).toBe(200);
    expect(CaseHandoverResponse.parse(res.json())).toEqual({
      caseId: c.record.id,
      officerId: w.users.officerA2.id,
      unitId: w.units.patrolA.id,
      manifestVersion: 2,
    });
    expect(await auditOf('case.handed_over')).toEqual([
      {
        from: w.users.officerA.id,
        to: w.users.officerA2.id,
        fromUnit: w.units.patrolA.id,
        toUnit: w.units.patrolA.id,
        byRole: 'officer',
        reason: '调岗，案件交由同事继续办理',
        manifestVersion: 2,
      },
    ]);
    // The colleague continues the case as captured: case.officer still names officer A.
    c.record = { ...c.record, notes: 'v3 by A2' };
    const v3 = await signed('officerA2', { version: 3, previousManifestHash: v2.manifestHash });
    expect(CaseReceipt.parse((await put('officerA2', v3)).json()).manifestVersion).toBe(3);
    expect((await storedCase()).summary.officerId).toBe(w.users.officerA2.id);
    c.record = { ...c.record, notes: 'v4 by A' };
    const v4 = await signed('officerA', { version: 4, previousManifestHash: v3.manifestHash });
    await expectRefused(await put('officerA', v4), 403, 'not_case_officer');
    // The officer's own earlier version still answers its receipt (a lost response retried).
    expect(CaseReceipt.parse((await put('officerA', v2)).json()).manifestVersion).toBe(2);
  });

  it('a reviewer of the brigade takes the case over for another officer without its officer', async () => {
    await twoVersionsOfA();

    expect((await handover('reviewerA', 'officerA2')).statusCode).toBe(200);

    expect((await storedCase()).summary.officerId).toBe(w.users.officerA2.id);
    expect(await auditOf('case.handed_over')).toEqual([
      expect.objectContaining({ byRole: 'reviewer', to: w.users.officerA2.id }),
    ]);
  });

  it('moves the case to the new officer’s unit when he serves in another unit of the brigade', async () => {
    const v2 = await twoVersionsOfA();
    const station = await createUnit(
      w.fx.db,
      { brigadeId: w.units.patrolA.brigadeId, name: 'Station A', kind: 'rural-station' },
      w.clock.now,
    );
    const squadOfficer = await createUser(
      w.fx.db,
      {
        username: 'station-officer',
        displayName: 'S',
        role: 'officer',
        unitId: station.id,
        password: TEST_PASSWORD,
      },
      'test',
      w.clock.now,
      CHEAP_SCRYPT,
    );
    const res = await w.call('reviewerA', {
      method: 'POST',
      url: `/api/cases/${c.record.id}/handover`,
      payload: { officerId: squadOfficer.id, reason: '转事故中队办理' },
    });

    expect(CaseHandoverResponse.parse(res.json())).toMatchObject({
      officerId: squadOfficer.id,
      unitId: station.id,
    });
    // Officer A's unit no longer holds it; officer A gets the 404 of a case outside his unit.
    expect((await w.call('officerA2', { url: `/api/cases/${c.record.id}` })).statusCode).toBe(404);
    const v3 = await signed('officerA', { version: 3, previousManifestHash: v2.manifestHash });
    expect((await put('officerA', v3)).statusCode).toBe(404);
  });

  it('refuses a hand-over by a colleague, to a non-officer, another brigade, a disabled or the same officer', async () => {
    await twoVersionsOfA();
    const refused = async (
      res: Awaited<ReturnType<typeof handover>>,
      status: number,
      code: string,
    ) => {
      expect(res.statusCode).toBe(status);
      expect(ErrorBody.parse(res.json()).error.code).toBe(code);
    };

    await refused(await handover('officerA2', 'officerA2'), 403, 'not_case_officer');
    await refused(await handover('reviewerB', 'officerA2'), 404, 'not_found');
    await refused(await handover('officerB', 'officerB'), 404, 'not_found');
    await refused(await handover('insurerX', 'officerA2'), 403, 'forbidden_role');
    for (const target of ['officerB', 'reviewerA', 'insurerX', 'officerA'] as const) {
      await refused(await handover('officerA', target), 422, 'invalid_handover');
    }
    await disableUser(w.fx.db, w.users.officerA2.id, 'test', w.clock.now);
    await refused(await handover('officerA', 'officerA2'), 422, 'invalid_handover');

    expect((await storedCase()).summary.officerId).toBe(w.users.officerA.id);
    expect(await auditOf('case.handed_over')).toEqual([]);
    expect(await auditOf('case.handover_refused')).toHaveLength(6);
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
  it('stores version 2 on version 1; refuses a different body for a stored version and a broken chain', async () => {
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

    // The replay of an older stored version still answers its own receipt.
    expect(CaseReceipt.parse((await put('officerA', v1)).json()).manifestVersion).toBe(1);
    expect(await count('case_versions')).toBe(2);
  });

  it('refuses a skipped version, stores nothing of it, and still takes the next version', async () => {
    const v1 = await signed();
    expect((await put('officerA', v1)).statusCode).toBe(200);
    c.record = { ...c.record, notes: 'v2' };
    const v2 = await signed('officerA', { version: 2, previousManifestHash: v1.manifestHash });
    expect((await put('officerA', v2)).statusCode).toBe(200);

    c.record = { ...c.record, notes: 'frozen?' };
    const v1000 = await signed('officerA', { version: 1000, previousManifestHash: 'a'.repeat(64) });
    const gap = await put('officerA', v1000);

    await expectRefused(gap, 409, 'version_gap');
    expect(ErrorBody.parse(gap.json()).error.details).toEqual({
      storedVersion: 2,
      storedManifestHash: v2.manifestHash,
    });
    expect(await count('case_versions')).toBe(2);
    // The next version chained to the stored one is taken as usual.
    const v3 = await signed('officerA', { version: 3, previousManifestHash: v2.manifestHash });
    expect(CaseReceipt.parse((await put('officerA', v3)).json())).toMatchObject({
      manifestVersion: 3,
      flags: [],
    });
  });

  it.each([Number.MAX_SAFE_INTEGER, MAX_MANIFEST_VERSION + 1])(
    'refuses version %i by the contract: no version may leave no next one',
    async (version) => {
      const v1 = await signed();
      expect((await put('officerA', v1)).statusCode).toBe(200);
      const huge = await signed('officerA', { version, previousManifestHash: v1.manifestHash });

      const res = await put('officerA', huge);

      expect(res.statusCode).toBe(400);
      expect(ErrorBody.parse(res.json()).error.fields).toContainEqual(
        expect.objectContaining({ path: 'body.manifest.version' }),
      );
      expect(await count('case_versions')).toBe(1);
    },
  );
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
    // Insurers only once a reviewer approved it (claims.test.ts).
    ['insurerX', false],
    ['insurerY', false],
    ['officerB', false],
    ['reviewerB', false],
  ] as const)('%s sees it: %s', async (actor, sees) => {
    const list = CaseList.parse((await w.call(actor, { url: '/api/cases' })).json());
    const one = await w.call(actor, { url: `/api/cases/${c.record.id}` });

    expect(list.cases.map((x) => x.id)).toEqual(sees ? [c.record.id] : []);
    expect(one.statusCode).toBe(sees ? 200 : 404);
  });

  it('gives an approved case’s insurer its own drivers and the other vehicle as plate and share', async () => {
    const review = await w.call('reviewerA', {
      method: 'POST',
      url: `/api/cases/${c.record.id}/actions`,
      payload: { action: 'review' },
    });
    expect(review.statusCode).toBe(200);

    const detail = InsurerCaseDetail.parse(
      (await w.call('insurerX', { url: `/api/cases/${c.record.id}` })).json(),
    );

    expect(detail.redacted).toBe(true);
    expect(detail.case.vehicles.map((v) => [v.label, v.insured])).toEqual([
      ['A', true],
      ['B', false],
    ]);
    expect(detail.case.parties.map((p) => p.name)).toEqual(['张三']);
    expect(detail.summary.complete).toBe(true);
  });

  it('gives the officer the full case, manifest, signature and receipt', async () => {
    const detail = CaseDetail.parse(
      (await w.call('officerA', { url: `/api/cases/${c.record.id}` })).json(),
    );

    expect(detail).toMatchObject({
      redacted: false,
      case: c.record,
      summary: { state: 'synced', complete: true },
      claims: [],
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
