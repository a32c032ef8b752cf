import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { createDb, type KuaichuDb } from '../storage';

let db: KuaichuDb;

beforeEach(() => {
  useFreshIndexedDb();
  db = createDb();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The module afresh: what it remembers lives in module state. */
async function freshPressure() {
  vi.resetModules();
  return import('./storage-pressure');
}

describe('checkHeadroomAtStart', () => {
  it('leaves the phone unguarded when the headroom can be written, and nothing behind', async () => {
    const pressure = await freshPressure();
    await pressure.checkHeadroomAtStart(db);
    expect(pressure.hasWriteFailedForSpace()).toBe(false);
    expect(await db.scratch.count()).toBe(0);
  });

  it('remembers a full disk when the headroom cannot be written', async () => {
    const pressure = await freshPressure();
    vi.spyOn(db.scratch, 'put').mockRejectedValue(
      new DOMException('Failed to write blobs (IOError)', 'DataError'),
    );
    await pressure.checkHeadroomAtStart(db);
    expect(pressure.hasWriteFailedForSpace()).toBe(true);
    expect(await db.scratch.count()).toBe(0);
  });

  it('does not call another failure a full disk', async () => {
    const pressure = await freshPressure();
    vi.spyOn(db.scratch, 'put').mockRejectedValue(new Error('database closed'));
    await pressure.checkHeadroomAtStart(db);
    expect(pressure.hasWriteFailedForSpace()).toBe(false);
  });

  it('writes nothing when a full disk is remembered already', async () => {
    const pressure = await freshPressure();
    pressure.markWriteFailedForSpace(true);
    const put = vi.spyOn(db.scratch, 'put');
    await pressure.checkHeadroomAtStart(db);
    expect(put).not.toHaveBeenCalled();
    expect(pressure.hasWriteFailedForSpace()).toBe(true);
  });
});

describe('recheckRemembered', () => {
  /** The module afresh, with a full disk remembered from an earlier session. */
  async function rememberingPressure() {
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
      removeItem: (k: string) => void kept.delete(k),
    });
    localStorage.setItem('kuaichu.storage.writeFailedForSpace', '1');
    const pressure = await freshPressure();
    expect(pressure.hasWriteFailedForSpace()).toBe(true);
    return pressure;
  }

  afterEach(() => vi.unstubAllGlobals());

  it('lifts a remembered failure when a trial write of PROBE_BYTES fits, in the scratch table', async () => {
    const pressure = await rememberingPressure();
    const put = vi.spyOn(db.scratch, 'put');
    await db.open();
    const before = await indexedDB.databases();
    await pressure.recheckRemembered(db);
    expect(pressure.hasWriteFailedForSpace()).toBe(false);
    expect(localStorage.getItem('kuaichu.storage.writeFailedForSpace')).toBeNull();
    expect(put).toHaveBeenCalledTimes(1);
    expect(put.mock.calls[0]?.[0].blob.size).toBe(pressure.PROBE_BYTES);
    expect(await db.scratch.count()).toBe(0);
    // No database is created or deleted for the trial.
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(before.map((d) => d.name));
  });

  it('keeps the failure when the trial write does not fit, and tries once per request', async () => {
    const pressure = await rememberingPressure();
    const put = vi
      .spyOn(db.scratch, 'put')
      .mockRejectedValue(new DOMException('Failed to write blobs (IOError)', 'DataError'));
    await pressure.recheckRemembered(db);
    await pressure.recheckRemembered(db);
    expect(pressure.hasWriteFailedForSpace()).toBe(true);
    expect(put).toHaveBeenCalledTimes(1);
  });
});

describe('isQuotaError', () => {
  it.each([
    ['QuotaExceededError', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['a Blob that did not fit', new DOMException('Failed to write blobs (IOError)', 'DataError')],
    [
      'LevelDB out of space',
      new DOMException(
        'Internal error committing transaction. IO error: /p/000004.log: FILE_ERROR_NO_SPACE',
        'UnknownError',
      ),
    ],
    [
      'a disk full at commit',
      new DOMException('Encountered disk full while committing transaction.', 'UnknownError'),
    ],
  ])('calls %s a full disk', async (_, err) => {
    const { isQuotaError } = await freshPressure();
    expect(isQuotaError(err)).toBe(true);
  });

  it('calls other failures by their name', async () => {
    const { isQuotaError } = await freshPressure();
    expect(isQuotaError(new Error('case not found'))).toBe(false);
  });
});
