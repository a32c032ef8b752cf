import { beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { readCase, saveCase } from '../storage/cases-repo';
import { createDb } from '../storage/db';
import { keyringStore } from '../storage/keyrings';
import { sealedTables, VaultLockedError } from '../storage/sealed-tables';
import { createVaultSession } from './vault-session';

beforeEach(useFreshIndexedDb);

const T = '2026-11-27T02:10:00.000Z';
const ESCROW_A = new Uint8Array(32).fill(3);
const ESCROW_B = new Uint8Array(32).fill(4);

/** A phone: its vault (kept in IndexedDB across "reloads") and its sealed database. */
function phone() {
  const vault = createVaultSession({
    iterations: 1_000,
    store: keyringStore(),
  });
  const db = createDb('vault-session-test');
  db.use(sealedTables({ cases: [], outbox: [] }, vault));
  return { vault, db };
}

describe('the vault session', () => {
  it('seals only once an officer has set a PIN on the phone, and knows it after a reload', async () => {
    const first = phone();
    await first.vault.init();
    expect(first.vault.sealing()).toBe(false);
    const plain = aCase().withVehicles(1).build();
    await saveCase(first.db, plain, T);
    expect(await first.db.cases.get(plain.id)).not.toHaveProperty('sealed');

    await first.vault.enrol('officer-a', '246813', ESCROW_A);
    expect(first.vault.sealing()).toBe(true);
    const sealed = aCase().withVehicles(1).build();
    await saveCase(first.db, sealed, T);
    first.vault.lock();
    expect(await first.db.cases.get(sealed.id)).toMatchObject({ locked: true });
    first.db.close();

    const reloaded = phone();
    expect(reloaded.vault.sealing()).toBe(false);
    await reloaded.vault.init();
    expect(reloaded.vault.sealing()).toBe(true);
    expect(await saveCase(reloaded.db, plain, T).catch((e: unknown) => e)).toBeInstanceOf(
      VaultLockedError,
    );
    reloaded.db.close();
  });

  it('enrols, seals, locks, and opens again with the PIN only', async () => {
    const { vault, db } = phone();
    const events: string[] = [];
    vault.subscribe(() => events.push(vault.state().kind));
    await vault.enrol('officer-a', '246813', ESCROW_A);
    const c = aCase().withVehicles(1).build();
    await saveCase(db, c, T);

    vault.lock();
    expect(vault.state()).toEqual({ kind: 'locked' });
    expect(vault.photoKey()).toBeNull();
    expect(await db.cases.get(c.id)).toMatchObject({ id: c.id, locked: true });
    expect(await saveCase(db, c, T).catch((e: unknown) => e)).toBeInstanceOf(VaultLockedError);

    expect(await vault.unlock('officer-a', '111222')).toMatchObject({ kind: 'wrong', left: 9 });
    expect(await vault.unlock('officer-a', '246813')).toMatchObject({ kind: 'unlocked' });
    expect(vault.state()).toEqual({ kind: 'open', officerId: 'officer-a' });
    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
    expect(events).toEqual(['open', 'locked', 'open']);
    db.close();
  });

  it('after ten wrong PINs, even across a reload, only an online sign-in opens it — with every case', async () => {
    const first = phone();
    await first.vault.enrol('officer-a', '246813', ESCROW_A);
    const c = aCase().withVehicles(1).build();
    await saveCase(first.db, c, T);
    first.vault.lock();
    for (let i = 0; i < 5; i++) await first.vault.unlock('officer-a', '000111');
    first.db.close();

    const reloaded = phone();
    for (let i = 0; i < 4; i++) await reloaded.vault.unlock('officer-a', '000111');
    expect(await reloaded.vault.unlock('officer-a', '000111')).toMatchObject({
      kind: 'online_sign_in_required',
    });
    expect(await reloaded.vault.unlock('officer-a', '246813')).toMatchObject({
      kind: 'online_sign_in_required',
    });
    expect(reloaded.vault.state().kind).toBe('locked');

    expect(await reloaded.vault.unlockOnline('officer-a', ESCROW_B, '580927')).toBe(false);
    expect(await reloaded.vault.unlockOnline('officer-a', ESCROW_A, '580927')).toBe(true);
    expect(await readCase(reloaded.db, c.id)).toEqual({ found: true, value: c });
    reloaded.vault.lock();
    expect(await reloaded.vault.unlock('officer-a', '246813')).toMatchObject({ kind: 'wrong' });
    expect(await reloaded.vault.unlock('officer-a', '580927')).toMatchObject({ kind: 'unlocked' });
    reloaded.db.close();
  });

  it('a second officer on a shared phone cannot open the first one’s cases, which are kept', async () => {
    const { vault, db } = phone();
    await vault.enrol('officer-a', '246813', ESCROW_A);
    const mine = aCase().withVehicles(1).build();
    await saveCase(db, mine, T);
    vault.lock();
    await vault.enrol('officer-b', '246813', ESCROW_B);

    expect(await db.cases.get(mine.id)).toMatchObject({ sealedBy: 'officer-a', locked: true });
    expect(await vault.unlock('officer-b', '246813')).toMatchObject({ kind: 'unlocked' });
    expect(await db.cases.get(mine.id)).toMatchObject({ locked: true });
    expect(await vault.unlock('officer-a', '246813')).toMatchObject({ kind: 'unlocked' });
    expect(await readCase(db, mine.id)).toEqual({ found: true, value: mine });
    expect(await vault.hasKeyring('officer-b')).toBe(true);
    expect(await vault.hasKeyring('officer-c')).toBe(false);
    db.close();
  });

  it('zeroes the key bytes it held when it locks', async () => {
    const { vault, db } = phone();
    await vault.enrol('officer-a', '246813', ESCROW_A);
    const held = vault.active()!.raw;
    expect(held.some((b) => b !== 0)).toBe(true);
    vault.lock();
    expect(held.every((b) => b === 0)).toBe(true);
    expect(vault.active()).toBeNull();
    expect(vault.open('officer-a')).toBeNull();
    db.close();
  });
});
