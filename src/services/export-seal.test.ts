import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { checkBundle, looksSealed, parseExportText, sealBundle, type PhotoMeta } from '../domain';
import { createKeyring } from '../platform/vault/keyring';
import { openExport, sealExport, sealedFileOfficer } from './export-seal';

/** A low cost keeps the test quick; the cost in use is benchmarked, not tested. */
const FAST = 1_000;
const ESCROW = new Uint8Array(32).fill(7);
const OTHER_ESCROW = new Uint8Array(32).fill(8);
const ID_NUMBER = '11010519491231002X';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 9, 9, 9]);

const sha256 = async (bytes: Uint8Array): Promise<string> =>
  Buffer.from(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)).toString(
    'hex',
  );

async function aBundle() {
  const c = aCase()
    .withVehicles(2)
    .with({ notes: `驾驶人身份证 ${ID_NUMBER}` })
    .build();
  const meta: PhotoMeta = {
    schemaVersion: 1,
    sha256: await sha256(JPEG),
    originalSha256: await sha256(JPEG),
    caseId: c.id,
    slot: 'overview',
    takenAt: '2026-12-07T02:10:00.000Z',
    byteLength: JPEG.byteLength,
    width: 10,
    height: 10,
    mimeType: 'image/jpeg',
  };
  return sealBundle(
    {
      exportedAt: '2026-12-07T08:00:00.000Z',
      appVersion: '1.2.3',
      scope: 'unsent',
      cases: [{ case: c, photos: [{ meta, bytes: JPEG }] }],
    },
    sha256,
  );
}

const latin1 = (text: string) => new TextDecoder('latin1').decode(Buffer.from(text, 'base64'));

describe('an export file sealed with the officer’s key', () => {
  it('holds no plate, ID number or JPEG header in clear, and opens with his PIN or escrow key into the same checked bundle', async () => {
    const key = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const bundle = await aBundle();
    const text = JSON.stringify(await sealExport(key, bundle));

    expect(text).not.toContain('川A1234');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain('/9j/'); // a JPEG's base64
    const file = JSON.parse(text) as { sealed: string };
    expect(latin1(file.sealed)).not.toContain(latin1('/9j/4A'));
    expect(looksSealed(JSON.parse(text))).toBe(true);
    expect(sealedFileOfficer(JSON.parse(text))).toBe('officer-1');

    for (const opener of [{ pin: '246813' }, { escrowRaw: ESCROW }]) {
      const opened = await openExport(JSON.parse(text), opener);
      if (!opened.ok) throw new Error(opened.reason);
      const parsed = parseExportText(opened.text);
      if (!parsed.ok) throw new Error(parsed.reason);
      const checked = await checkBundle(parsed.value, sha256);
      if (!checked.ok) throw new Error(checked.reason);
      // The photo's hash in the manifest is over the plain bytes.
      expect(checked.value.cases[0]?.photos[0]?.bytes).toEqual(JPEG);
      expect(checked.value.bundle).toEqual(bundle);
    }
  });

  it('does not open with another PIN or another officer’s escrow key', async () => {
    const key = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const file = JSON.parse(JSON.stringify(await sealExport(key, await aBundle()))) as unknown;
    expect(await openExport(file, { pin: '135792' })).toEqual({ ok: false, reason: 'wrong-key' });
    expect(await openExport(file, { escrowRaw: OTHER_ESCROW })).toEqual({
      ok: false,
      reason: 'wrong-key',
    });
  });

  it('refuses a file whose clear header was changed (the value is bound to it) or is not one', async () => {
    const key = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const file = JSON.parse(JSON.stringify(await sealExport(key, await aBundle()))) as Record<
      string,
      unknown
    >;
    expect(
      await openExport({ ...file, exportedAt: '2026-12-08T08:00:00.000Z' }, { pin: '246813' }),
    ).toEqual({ ok: false, reason: 'invalid', detail: 'not_authentic' });
    expect(await openExport({ ...file, key: null }, { pin: '246813' })).toMatchObject({
      ok: false,
      reason: 'invalid',
      detail: 'key: invalid_type',
    });
  });
});
