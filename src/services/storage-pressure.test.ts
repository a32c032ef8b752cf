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
