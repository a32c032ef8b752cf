import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import type { PhotoMeta } from '../case/photo.schema';
import { canonicalJson } from './canonical-json';
import { buildManifest, caseBytes, manifestBytes, manifestHash } from './manifest';
import { CaseManifest } from './manifest.schema';

const sha256 = async (bytes: Uint8Array): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
};

const DEVICE = '0190a000-0000-7000-8000-0000000d0001';
const AT = '2026-11-27T02:30:00.000Z';

function photo(caseId: string, n: number, slot = 'overview'): PhotoMeta {
  const hex = (d: number) => String(d).repeat(64).slice(0, 64);
  return {
    schemaVersion: 1,
    sha256: hex(n),
    originalSha256: hex(n + 1),
    caseId,
    slot,
    takenAt: AT,
    byteLength: 1000 + n,
    width: 1600,
    height: 1200,
    mimeType: 'image/jpeg',
  };
}

describe('buildManifest', () => {
  const record = aCase().withVehicles(2).build();
  const base = {
    case: record,
    photos: [photo(record.id, 3), photo(record.id, 1, 'plate-A')],
    previousManifestHash: null,
    version: 1,
    deviceId: DEVICE,
    signedAt: AT,
  };

  it('pins the case by hash and lists photos sorted by hash', async () => {
    const result = await buildManifest(base, sha256);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(CaseManifest.parse(result.value)).toEqual(result.value);
    expect(result.value.caseSha256).toBe(await sha256(caseBytes(record)));
    expect(result.value.photos.map((p) => p.slot)).toEqual(['plate-A', 'overview']);
    expect(result.value.photos[0]).toEqual({
      sha256: '1'.repeat(64),
      originalSha256: '2'.repeat(64),
      slot: 'plate-A',
      byteLength: 1001,
    });
  });

  it('gives the same bytes whatever order the photos come in', async () => {
    const a = await buildManifest(base, sha256);
    const b = await buildManifest({ ...base, photos: [...base.photos].reverse() }, sha256);
    if (!a.ok || !b.ok) throw new Error('expected manifests');
    expect(manifestBytes(b.value)).toEqual(manifestBytes(a.value));
    expect(new TextDecoder().decode(manifestBytes(a.value))).toBe(canonicalJson(a.value));
  });

  it('changes hash when the case changes', async () => {
    const a = await buildManifest(base, sha256);
    const b = await buildManifest({ ...base, case: { ...record, notes: 'edited' } }, sha256);
    if (!a.ok || !b.ok) throw new Error('expected manifests');
    expect(await manifestHash(b.value, sha256)).not.toBe(await manifestHash(a.value, sha256));
  });

  it.each([
    ['photo_of_other_case', { photos: [photo('0190a000-0000-7000-8000-00000000ffff', 1)] }],
    ['duplicate_photo', { photos: [photo(record.id, 1), photo(record.id, 1, 'x')] }],
    ['bad_version_chain', { version: 2 }],
    ['bad_version_chain', { previousManifestHash: 'a'.repeat(64) }],
  ] as const)('refuses with %s', async (reason, patch) => {
    const result = await buildManifest({ ...base, ...patch }, sha256);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('signs and verifies with a WebCrypto P-256 key as a browser would', async () => {
    const built = await buildManifest(base, sha256);
    if (!built.ok) throw new Error('expected a manifest');
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const algorithm = { name: 'ECDSA', hash: 'SHA-256' };
    const bytes = manifestBytes(built.value) as Uint8Array<ArrayBuffer>;

    const signature = new Uint8Array(await crypto.subtle.sign(algorithm, keys.privateKey, bytes));

    expect(signature.byteLength).toBe(64); // raw r‖s (IEEE P1363)
    expect(await crypto.subtle.verify(algorithm, keys.publicKey, signature, bytes)).toBe(true);
    const tampered = manifestBytes({ ...built.value, version: 2 }) as Uint8Array<ArrayBuffer>;
    expect(await crypto.subtle.verify(algorithm, keys.publicKey, signature, tampered)).toBe(false);
  });
});
