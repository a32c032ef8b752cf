import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { readCase, saveCase } from '../storage/cases-repo';
import { createDb } from '../storage/db';
import { keyringStore } from '../storage/keyrings';
import { sealedTables } from '../storage/sealed-tables';
import { createVaultSession } from './vault-session';

beforeEach(useFreshIndexedDb);

const T = '2026-11-27T02:10:00.000Z';
const ESCROW = new Uint8Array(32).fill(3);
const CODE_1 = { codeId: '0190b3f0-0000-7000-8000-000000000001', code: '4539148803436467' };
const CODE_2 = { codeId: '0190b3f0-0000-7000-8000-000000000002', code: '1234567890123452' };

/** A phone: its vault (kept in IndexedDB across "reloads") and its sealed database. */
function phone() {
  const vault = createVaultSession({ iterations: 1_000, store: keyringStore() });
  const db = createDb('vault-recovery-test');
  db.use(sealedTables({ cases: [], outbox: [] }, vault));
  return { vault, db };
}

/** An officer with a PIN, a recovery code from the "server" and a case, locked. */
async function lockedWithCase() {
  const p = phone();
  await p.vault.enrol('officer-a', '246813', ESCROW);
  expect(await p.vault.renewRecoveryCode(async () => CODE_1)).toBe(true);
  const c = aCase().withVehicles(1).build();
  await saveCase(p.db, c, T);
  p.vault.lock();
  return { ...p, c };
}

describe('the supervisor’s recovery code on the phone', () => {
  it('after ten wrong PINs offline, the right code and a new PIN open every case; the code is then spent and renewed online', async () => {
    const first = await lockedWithCase();
    for (let i = 0; i < 10; i++) await first.vault.unlock('officer-a', '000111');
    first.db.close();

    const { vault, db } = phone();
    expect(await vault.tryRecoveryCode('officer-a', CODE_1.code)).toMatchObject({
      kind: 'recovered',
    });
    expect(vault.state().kind).toBe('locked');
    expect(await vault.recoverWithCode('officer-a', CODE_1.code, '580927')).toMatchObject({
      kind: 'recovered',
    });
    expect(vault.state()).toEqual({ kind: 'open', officerId: 'officer-a' });
    expect(await readCase(db, first.c.id)).toEqual({ found: true, value: first.c });

    // The new PIN opens it; the old one and the spent code do not.
    vault.lock();
    expect(await vault.unlock('officer-a', '246813')).toMatchObject({ kind: 'wrong', left: 9 });
    expect(await vault.tryRecoveryCode('officer-a', CODE_1.code)).toEqual({ kind: 'no_code' });
    expect(await vault.recoverWithCode('officer-a', CODE_1.code, '135790')).toEqual({
      kind: 'no_code',
    });
    expect(await vault.unlock('officer-a', '580927')).toMatchObject({ kind: 'unlocked' });

    // Online again: the server is told which code was spent, and a new one is wrapped in.
    const issue = vi.fn(async () => CODE_2);
    expect(await vault.renewRecoveryCode(issue)).toBe(true);
    expect(issue).toHaveBeenCalledWith(CODE_1.codeId);
    expect(await vault.renewRecoveryCode(issue)).toBe(true);
    expect(issue).toHaveBeenCalledTimes(1);
    vault.lock();
    expect(await vault.tryRecoveryCode('officer-a', CODE_1.code)).toMatchObject({ kind: 'wrong' });
    expect(await vault.recoverWithCode('officer-a', CODE_2.code, '135790')).toMatchObject({
      kind: 'recovered',
    });
    db.close();
  });

  it('a wrong code opens nothing and counts like a wrong PIN; five more after ten wrong PINs leave only an online sign-in', async () => {
    const { vault, db } = await lockedWithCase();
    expect(await vault.recoverWithCode('officer-a', CODE_2.code, '580927')).toMatchObject({
      kind: 'wrong',
      left: 14,
    });
    expect(vault.state().kind).toBe('locked');
    expect(await vault.unlock('officer-a', '000111')).toMatchObject({ kind: 'wrong', left: 8 });
    for (let i = 0; i < 8; i++) await vault.unlock('officer-a', '000111');
    expect(await vault.unlock('officer-a', '246813')).toMatchObject({
      kind: 'online_sign_in_required',
    });
    for (let left = 4; left > 0; left--)
      expect(await vault.tryRecoveryCode('officer-a', CODE_2.code)).toMatchObject({
        kind: 'wrong',
        left,
      });
    expect(await vault.tryRecoveryCode('officer-a', CODE_2.code)).toMatchObject({
      kind: 'online_sign_in_required',
    });
    expect(await vault.recoverWithCode('officer-a', CODE_1.code, '580927')).toMatchObject({
      kind: 'online_sign_in_required',
    });
    expect(vault.state().kind).toBe('locked');
    // The sign-in still opens it, and keeps the code in force.
    expect(await vault.unlockOnline('officer-a', ESCROW, '580927')).toBe(true);
    vault.lock();
    expect(await vault.recoverWithCode('officer-a', CODE_1.code, '135790')).toMatchObject({
      kind: 'recovered',
    });
    db.close();
  });

  it('holds no code before the server issued one, and renews nothing while locked or offline', async () => {
    const { vault, db } = phone();
    await vault.enrol('officer-a', '246813', ESCROW);
    expect(await vault.renewRecoveryCode(async () => null)).toBe(false);
    vault.lock();
    expect(await vault.tryRecoveryCode('officer-a', CODE_1.code)).toEqual({ kind: 'no_code' });
    const issue = vi.fn(async () => CODE_1);
    expect(await vault.renewRecoveryCode(issue)).toBe(false);
    expect(issue).not.toHaveBeenCalled();
    db.close();
  });
});
