import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import type { PhotoMeta } from '../case/photo.schema';
import { encodeBase64 } from '../base64';
import {
  bundleJsonParts,
  bundleManifest,
  checkBundle,
  exportFileName,
  parseExportText,
  sealBundle,
} from './bundle';
import { ExportBundle } from './export.schema';

const sha256 = async (bytes: Uint8Array): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
};

const AT = '2026-11-27T17:30:00.000Z';

async function photo(caseId: string, content: string, slot: string) {
  const bytes = new TextEncoder().encode(content);
  const meta: PhotoMeta = {
    schemaVersion: 1,
    sha256: await sha256(bytes),
    originalSha256: await sha256(bytes),
    caseId,
    slot,
    takenAt: '2026-11-27T02:10:00.000Z',
    byteLength: bytes.byteLength,
    width: 10,
    height: 10,
    mimeType: 'image/jpeg',
  };
  return { meta, bytes };
}

async function twoCases() {
  const a = aCase().withVehicles(2).build();
  const b = aCase().build();
  return sealBundle(
    {
      exportedAt: AT,
      appVersion: '1.2.3',
      scope: 'unsent',
      cases: [
        { case: a, photos: [await photo(a.id, 'a1', 'overview'), await photo(a.id, 'a2', 'x')] },
        { case: b, photos: [await photo(b.id, 'b1', 'overview')] },
      ],
    },
    sha256,
  );
}

describe('sealBundle and checkBundle', () => {
  it('seals a bundle that checks, giving back every photo byte for byte', async () => {
    const bundle = await twoCases();
    expect(ExportBundle.parse(bundle)).toEqual(bundle);
    const checked = await checkBundle(bundle, sha256);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.cases.map((c) => c.case)).toEqual(bundle.cases.map((c) => c.case));
    expect(new TextDecoder().decode(checked.value.cases[0]?.photos[1]?.bytes)).toBe('a2');
  });

  it('leaves the photo bytes out of the manifest: their hashes pin them', async () => {
    const bundle = await twoCases();
    const manifest = bundleManifest(bundle);
    expect(JSON.stringify(manifest)).not.toContain('dataBase64');
    expect(manifest.cases[0]?.photos.map((p) => p.slot)).toEqual(['overview', 'x']);
  });

  it('refuses a changed case as a checksum mismatch', async () => {
    const bundle = structuredClone(await twoCases());
    bundle.cases[1]!.case.notes = 'changed after export';
    expect(await checkBundle(bundle, sha256)).toMatchObject({
      ok: false,
      reason: 'checksum-mismatch',
    });
  });

  it('names the photo whose bytes do not hash to its sha256', async () => {
    const bundle = structuredClone(await twoCases());
    bundle.cases[1]!.photos[0]!.dataBase64 = encodeBase64(new TextEncoder().encode('b2'));
    expect(await checkBundle(bundle, sha256)).toEqual({
      ok: false,
      reason: 'photo-checksum-mismatch',
      photo: {
        number: 3,
        caseNumber: bundle.cases[1]!.case.caseNumber,
        sha256: bundle.cases[1]!.photos[0]!.meta.sha256,
      },
    });
  });

  it('refuses photo data that is not base64 or not the stated length', async () => {
    const bundle = structuredClone(await twoCases());
    bundle.cases[0]!.photos[1]!.dataBase64 = 'YTI';
    expect(await checkBundle(bundle, sha256)).toMatchObject({
      reason: 'photo-damaged',
      photo: { number: 2 },
    });
    bundle.cases[0]!.photos[1]!.dataBase64 = encodeBase64(new TextEncoder().encode('a22'));
    expect(await checkBundle(bundle, sha256)).toMatchObject({
      reason: 'photo-damaged',
      detail: '3 of 2 bytes',
    });
  });

  it('tells apart other files, newer formats and malformed content', async () => {
    const bundle = await twoCases();
    expect(await checkBundle([1], sha256)).toMatchObject({ reason: 'not-an-export' });
    expect(await checkBundle({ format: 'odk' }, sha256)).toMatchObject({
      reason: 'not-an-export',
    });
    expect(await checkBundle({ ...bundle, schemaVersion: 2 }, sha256)).toMatchObject({
      reason: 'newer-version',
      detail: '2',
    });
    const { manifestSha256: _, ...unsealed } = bundle;
    expect(await checkBundle(unsealed, sha256)).toMatchObject({
      reason: 'invalid',
      detail: 'manifestSha256: invalid_type',
    });
  });

  it('refuses the same case twice, and a photo filed under another case', async () => {
    const bundle = await twoCases();
    const twice = { ...bundle, cases: [bundle.cases[0]!, bundle.cases[0]!] };
    expect(await checkBundle(twice, sha256)).toMatchObject({ reason: 'invalid' });
    const moved = structuredClone(bundle);
    moved.cases[1]!.photos.push(moved.cases[0]!.photos[0]!);
    expect(await checkBundle(moved, sha256)).toMatchObject({
      reason: 'invalid',
      detail: 'cases.1.photos.1: other case',
    });
  });
});

describe('the file text', () => {
  it('is the bundle as JSON, in parts', async () => {
    const bundle = await twoCases();
    const parts = bundleJsonParts(bundle);
    expect(parts.length).toBeGreaterThan(6);
    expect(JSON.parse(parts.join(''))).toEqual(bundle);
    const empty = { ...bundle, cases: [] };
    expect(JSON.parse(bundleJsonParts(empty).join(''))).toEqual(empty);
  });

  it('is refused as unreadable when cut short', async () => {
    const text = bundleJsonParts(await twoCases()).join('');
    expect(parseExportText(text.slice(0, text.length - 40))).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
    expect(parseExportText(text)).toMatchObject({ ok: true });
  });

  it('is named after the China-time date and the number of cases', async () => {
    const bundle = await twoCases();
    // 17:30 UTC is 01:30 the next day in China.
    expect(exportFileName(bundle)).toBe('kuaichu-unsent-2026-11-28-2cases.json');
    expect(exportFileName({ ...bundle, scope: 'all' })).toBe(
      'kuaichu-cases-2026-11-28-2cases.json',
    );
  });
});
