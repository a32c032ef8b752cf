import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { listCases, readCase, saveCase, updateCase } from './cases-repo';
import { createDb, type KuaichuDb } from './db';
import { sealedTables, VaultLockedError, type KeyChain, type OpenKey } from './sealed-tables';

beforeEach(useFreshIndexedDb);

const T = '2026-11-27T02:10:00.000Z';
const keyA: OpenKey = { id: 'officer-a', raw: new Uint8Array(32).fill(1) };
const keyB: OpenKey = { id: 'officer-b', raw: new Uint8Array(32).fill(2) };

/** Keys as a test turns them: `active` seals, `open` lists what reads may open. */
type TestKeys = KeyChain & { activeKey: OpenKey | null; openKeys: OpenKey[] };

function keyChain(active: OpenKey | null, open: OpenKey[] = active ? [active] : []): TestKeys {
  const chain: TestKeys = {
    activeKey: active,
    openKeys: open,
    sealing: () => true,
    active: () => chain.activeKey,
    open: (id: string) => chain.openKeys.find((k) => k.id === id)?.raw ?? null,
  };
  return chain;
}

function sealedDb(keys: KeyChain, name = 'sealed-test'): KuaichuDb {
  const db = createDb(name);
  db.use(sealedTables({ cases: [], outbox: [] }, keys));
  return db;
}

/** The rows as IndexedDB holds them, read past the middleware. */
async function rawRows(table: string, name = 'sealed-test'): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return (await raw.table(table).toArray()) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

const PLATE = '湘A12345';
const ID_NUMBER = '430102199001011234';

function aCaseWithParty() {
  const c = aCase().withVehicles(1).build();
  const vehicle = { ...c.vehicles[0]!, plate: PLATE };
  const party = {
    id: `${c.id.slice(0, -4)}9999`,
    kind: 'driver' as const,
    vehicleId: vehicle.id,
    name: '张三',
    idNumber: ID_NUMBER,
  };
  return { ...c, vehicles: [vehicle], parties: [party] };
}

describe('sealed tables', () => {
  it('reads back what it wrote while the raw store holds only ids, states, times and ciphertext', async () => {
    const keys = keyChain(keyA);
    const db = sealedDb(keys);
    const c = aCaseWithParty();
    await saveCase(db, c, T);

    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
    const [row] = await rawRows('cases');
    expect(Object.keys(row!).sort()).toEqual(['id', 'sealed', 'sealedBy', 'state', 'updatedAt']);
    expect(row!.sealedBy).toBe('officer-a');
    const dump =
      JSON.stringify(await rawRows('cases')) + new TextDecoder().decode(row!.sealed as Uint8Array);
    expect(dump).not.toContain(PLATE);
    expect(dump).not.toContain(ID_NUMBER);
    expect(dump).not.toContain('G318');
    db.close();
  });

  it('changes a case through a read-modify-write transaction (the cipher never ends it)', async () => {
    const db = sealedDb(keyChain(keyA));
    const c = aCaseWithParty();
    await saveCase(db, c, T);
    const next = await updateCase(db, c.id, (x) => ({ ...x, notes: '已撤离' }), T);
    expect(next.notes).toBe('已撤离');
    expect((await readCase(db, c.id)).found && (await db.cases.get(c.id))?.notes).toBe('已撤离');
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.key, e.revision])).toEqual([[`case:${c.id}`, 2]]);
    db.close();
  });

  it('opens values read through a cursor too (filter, modify)', async () => {
    const db = sealedDb(keyChain(keyA));
    const [a, b] = [aCaseWithParty(), aCaseWithParty()];
    await saveCase(db, a, T);
    await saveCase(db, b, T);
    const found = await db.cases.filter((x) => x.id === b.id).toArray();
    expect(found).toEqual([b]);
    await db.cases
      .where('state')
      .equals(a.state)
      .modify((x) => {
        x.notes = 'changed by modify';
      });
    expect((await listCases(db)).cases.map((x) => x.notes)).toEqual([
      'changed by modify',
      'changed by modify',
    ]);
    const dump = JSON.stringify(await rawRows('cases'));
    expect(dump).not.toContain('changed by modify');
    db.close();
  });

  it('while locked: reads give only the clear fields, marked locked; writes fail and write nothing', async () => {
    const keys = keyChain(keyA);
    const db = sealedDb(keys);
    const c = aCaseWithParty();
    await saveCase(db, c, T);
    keys.activeKey = null;
    keys.openKeys = [];

    expect(await db.cases.get(c.id)).toEqual({
      id: c.id,
      state: c.state,
      updatedAt: c.updatedAt,
      sealedBy: 'officer-a',
      locked: true,
    });
    const error = await saveCase(db, { ...c, notes: 'x' }, T).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultLockedError);
    keys.activeKey = keyA;
    keys.openKeys = [keyA];
    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
    db.close();
  });

  it('on a shared phone the second officer sees the first one’s cases only as locked, and kept', async () => {
    const keys = keyChain(keyA);
    const db = sealedDb(keys);
    const first = aCaseWithParty();
    await saveCase(db, first, T);
    keys.activeKey = keyB;
    keys.openKeys = [keyB];
    const second = aCaseWithParty();
    await saveCase(db, second, T);

    const list = await listCases(db);
    expect(list.cases).toEqual([second]);
    expect(list.unreadable.map((u) => u.id)).toEqual([first.id]);
    expect((await rawRows('cases')).map((r) => r.sealedBy).sort()).toEqual([
      'officer-a',
      'officer-b',
    ]);
    db.close();
  });

  it('a changed byte or a ciphertext moved onto another row reads as damaged, and is kept', async () => {
    const db = sealedDb(keyChain(keyA));
    const [a, b] = [aCaseWithParty(), aCaseWithParty()];
    await saveCase(db, a, T);
    await saveCase(db, b, T);
    db.close();

    const raw = new Dexie('sealed-test');
    await raw.open();
    const rowA = (await raw.table('cases').get(a.id)) as { sealed: Uint8Array };
    const flipped = rowA.sealed.slice();
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    await raw.table('cases').update(a.id, { sealed: flipped });
    await raw.table('cases').update(b.id, { sealed: rowA.sealed });
    raw.close();

    const again = sealedDb(keyChain(keyA));
    for (const id of [a.id, b.id])
      expect(await again.cases.get(id)).toMatchObject({ id, locked: true, damaged: true });
    expect(await again.cases.count()).toBe(2);
    again.close();
  });

  it('passes rows written before sealing was on, and seals them on their next write', async () => {
    const plain = createDb('sealed-test');
    const c = aCaseWithParty();
    await saveCase(plain, c, T);
    plain.close();

    const db = sealedDb(keyChain(keyA));
    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
    await updateCase(db, c.id, (x) => x, T);
    expect(JSON.stringify(await rawRows('cases'))).not.toContain(PLATE);
    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
    db.close();
  });
});
