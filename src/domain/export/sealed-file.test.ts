import { describe, expect, it } from 'vitest';
import {
  looksSealed,
  readSealedExport,
  SealedExportFile,
  sealedExportFile,
  sealedExportPlace,
} from './sealed-file';

const bytes = (...values: number[]) => new Uint8Array(values);

const PARTS = {
  exportedAt: '2026-12-07T08:00:00.000Z',
  officerId: 'officer-1',
  salt: bytes(1, 2, 3, 4),
  iterations: 600_000,
  byPin: bytes(5, 6, 7),
  byEscrow: bytes(8, 9),
  sealed: bytes(1, 0xff, 0xd8),
};

describe('a sealed export file', () => {
  it('writes a file that reads back as the same parts, and names the place it is bound to', () => {
    const file = sealedExportFile(PARTS);
    expect(SealedExportFile.parse(file)).toEqual(file);
    expect(file).toMatchObject({ format: 'kuaichu-export-sealed', contains: 'kuaichu-export' });
    expect(readSealedExport(JSON.parse(JSON.stringify(file)))).toEqual({ ok: true, value: PARTS });
    expect(sealedExportPlace('officer-1', PARTS.exportedAt)).toBe(
      'export/officer-1/2026-12-07T08:00:00.000Z',
    );
  });

  const good = (): SealedExportFile => structuredClone(sealedExportFile(PARTS));
  it.each([
    ['a newer version', { schemaVersion: 2 }, { reason: 'newer-version', detail: '2' }],
    ['no officer', { officerId: '' }, { reason: 'invalid', detail: 'officerId: too_small' }],
    [
      'a bad exportedAt',
      { exportedAt: 'today' },
      { reason: 'invalid', detail: 'exportedAt: invalid_format' },
    ],
    [
      'a clear file inside',
      { contains: 'other' },
      { reason: 'invalid', detail: 'contains: invalid_value' },
    ],
    [
      'a key that is not base64',
      { key: { ...good().key, byPin: 'a*b' } },
      { reason: 'invalid', detail: 'key.byPin: invalid_format' },
    ],
    ['a cut-short value', { sealed: 'AAAAA' }, { reason: 'invalid', detail: 'sealed: not base64' }],
    [
      'no cost',
      { key: { ...good().key, pbkdf2Iterations: 0 } },
      { reason: 'invalid', detail: 'key.pbkdf2Iterations: too_small' },
    ],
  ])('refuses %s, naming the field', (_name, change, expected) => {
    expect(readSealedExport({ ...good(), ...change })).toEqual({ ok: false, ...expected });
  });

  it.each([
    [{ format: 'kuaichu-export-sealed' }, true],
    [{ format: 'kuaichu-export' }, false],
    [null, false],
    ['kuaichu-export-sealed', false],
  ])('tells a sealed file from others: %j → %s', (input, sealed) => {
    expect(looksSealed(input)).toBe(sealed);
  });
});
