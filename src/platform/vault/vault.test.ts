import { describe, expect, it } from 'vitest';
import { open, openJson, seal, sealJson, SealError, SEALED_VERSION } from './crypto';
import {
  addRecoveryWrap,
  createKeyring,
  opensWithCode,
  recoverWithCode,
  recoverWithEscrow,
  unlockWithEscrow,
  unlockWithPin,
} from './keyring';

/** A low cost keeps the test quick; the cost in use is benchmarked, not tested. */
const FAST = 1_000;
const ESCROW = new Uint8Array(32).fill(7);
const OTHER_ESCROW = new Uint8Array(32).fill(8);
const RECORD = { plate: '湘A12345', residentId: '430102199001011234', phone: '13800138000' };
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);

const text = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

describe('vault: sealing records and photos', () => {
  it('round-trips JSON and bytes, and the stored bytes hold no plate, ID number or JPEG header', async () => {
    const { dataKey } = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const sealedRecord = await sealJson(dataKey, RECORD, 'cases/c1');
    const sealedPhoto = await seal(dataKey, JPEG, 'photos/p1');

    expect(await openJson(dataKey, sealedRecord, 'cases/c1')).toEqual(RECORD);
    expect(await open(dataKey, sealedPhoto, 'photos/p1')).toEqual(JPEG);
    expect(sealedRecord[0]).toBe(SEALED_VERSION);
    const stored = new TextDecoder().decode(sealedRecord);
    for (const clear of Object.values(RECORD)) expect(stored).not.toContain(clear);
    expect(text(sealedPhoto).includes(text(JPEG.subarray(0, 3)))).toBe(false);
  });

  it('uses a new IV each time: the same record seals differently', async () => {
    const { dataKey } = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const a = await sealJson(dataKey, RECORD, 'cases/c1');
    const b = await sealJson(dataKey, RECORD, 'cases/c1');
    expect(a).not.toEqual(b);
  });

  it.each([
    ['moved to another record', (s: Uint8Array) => s, 'cases/c2', 'not_authentic'],
    [
      'one bit flipped',
      (s: Uint8Array) => s.map((b, i) => (i === s.length - 1 ? b ^ 1 : b)),
      'cases/c1',
      'not_authentic',
    ],
    ['cut short', (s: Uint8Array) => s.subarray(0, 20), 'cases/c1', 'too_short'],
    [
      'an unknown format version',
      (s: Uint8Array) => s.map((b, i) => (i === 0 ? 9 : b)),
      'cases/c1',
      'unknown_version',
    ],
  ])('refuses a sealed value %s', async (_what, change, where, reason) => {
    const { dataKey } = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const sealed = change(await sealJson(dataKey, RECORD, 'cases/c1')) as Uint8Array<ArrayBuffer>;
    const error = await openJson(dataKey, sealed, where).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SealError);
    expect((error as SealError).reason).toBe(reason);
  });
});

describe('vault: the keyring', () => {
  it('unlocks with the right PIN only; the photos’ WebCrypto key cannot be exported', async () => {
    const made = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const sealed = await sealJson(made.dataKey, RECORD, 'cases/c1');

    expect(await unlockWithPin(made.keyring, '246814')).toBeNull();
    const open = await unlockWithPin(made.keyring, '246813');
    expect(open).not.toBeNull();
    expect(await openJson(open!.dataKey, sealed, 'cases/c1')).toEqual(RECORD);
    expect(open!.raw).toEqual(made.raw);
    expect(open!.raw).toHaveLength(32);
    expect(open!.dataKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', open!.dataKey)).rejects.toThrow();
  });

  it('unlocks with the escrow key after a sign-in, the PIN unchanged', async () => {
    const made = await createKeyring('officer-1', '246813', ESCROW, FAST);
    expect(await unlockWithEscrow(made.keyring, OTHER_ESCROW)).toBeNull();
    const open = await unlockWithEscrow(made.keyring, ESCROW);
    expect(open!.raw).toEqual(made.raw);
    expect(open!.keyring).toBe(made.keyring);
    expect(await unlockWithPin(made.keyring, '246813')).not.toBeNull();
  });

  it('a second officer on the same phone cannot open the first one’s records', async () => {
    const first = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const second = await createKeyring('officer-2', '246813', ESCROW, FAST);
    const sealed = await sealJson(first.dataKey, RECORD, 'cases/c1');
    await expect(openJson(second.dataKey, sealed, 'cases/c1')).rejects.toBeInstanceOf(SealError);
    expect(await unlockWithPin(first.keyring, '246813')).not.toBeNull();
  });

  it('after a forgotten PIN the escrow key recovers the same data key under a new PIN', async () => {
    const made = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const sealed = await sealJson(made.dataKey, RECORD, 'cases/c1');

    expect(await recoverWithEscrow(made.keyring, OTHER_ESCROW, '580927')).toBeNull();
    const recovered = await recoverWithEscrow(made.keyring, ESCROW, '580927');
    expect(recovered).not.toBeNull();
    expect(await openJson(recovered!.dataKey, sealed, 'cases/c1')).toEqual(RECORD);
    expect(recovered!.dataKey.extractable).toBe(false);

    expect(await unlockWithPin(recovered!.keyring, '246813')).toBeNull();
    const again = await unlockWithPin(recovered!.keyring, '580927');
    expect(await openJson(again!.dataKey, sealed, 'cases/c1')).toEqual(RECORD);
    expect(recovered!.keyring.salt).not.toEqual(made.keyring.salt);
    expect(recovered!.keyring.byEscrow).toEqual(made.keyring.byEscrow);
  });

  it('refuses an escrow key of the wrong length', async () => {
    await expect(createKeyring('officer-1', '246813', new Uint8Array(16), FAST)).rejects.toThrow(
      /32 bytes/,
    );
  });

  it('a recovery code opens the same data key under a new PIN once, and the keyring never holds the code', async () => {
    const CODE = { codeId: 'c-1', code: '4539148803436467' };
    const made = await createKeyring('officer-1', '246813', ESCROW, FAST);
    const sealed = await sealJson(made.dataKey, RECORD, 'cases/c1');
    const keyring = await addRecoveryWrap(made, CODE);
    expect(JSON.stringify(keyring)).not.toContain(CODE.code);
    expect(keyring.byRecovery?.iterations).toBe(FAST);

    expect(await opensWithCode(keyring, '4539148803436468')).toBe(false);
    expect(await recoverWithCode(keyring, '1234567890123452', '580927')).toBeNull();
    expect(await opensWithCode(keyring, CODE.code)).toBe(true);
    const recovered = await recoverWithCode(keyring, CODE.code, '580927');
    expect(await openJson(recovered!.dataKey, sealed, 'cases/c1')).toEqual(RECORD);
    expect(recovered!.keyring.byRecovery).toBeUndefined();
    expect(recovered!.keyring.spentRecoveryCodeId).toBe('c-1');
    expect(await opensWithCode(recovered!.keyring, CODE.code)).toBe(false);
    expect(await unlockWithPin(recovered!.keyring, '580927')).not.toBeNull();
    // A new PIN by the escrow key keeps the code in force.
    const byEscrow = await recoverWithEscrow(keyring, ESCROW, '135790');
    expect(await opensWithCode(byEscrow!.keyring, CODE.code)).toBe(true);
  });
});
