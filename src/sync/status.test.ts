import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseReceipt } from '../contracts/cases';
import { canonicalJson, utf8Bytes } from '../domain/manifest';
import {
  createDb,
  saveCase,
  savePhoto,
  storeReceipt,
  type KuaichuDb,
  type OutboxEntry,
} from '../storage';
import { aCase } from '../../tests/builders/case.builder';
import { anEntry } from '../../tests/builders/outbox.builder';
import { aPhoto } from '../../tests/builders/photo.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { deriveCaseStatus, readCaseStatus, readCaseStatuses, readOutboxTotals } from './status';

const T0 = '2026-11-27T02:00:00.000Z';
const T1 = '2026-11-27T03:00:00.000Z';
const CASE = '0190a000-0000-7000-8000-0000000000c1';

const entry = (patch: Partial<OutboxEntry> = {}): OutboxEntry => ({
  ...anEntry('case', CASE).build(),
  ...patch,
});

const receipt = (complete: boolean): CaseReceipt => ({
  caseId: CASE,
  manifestVersion: 2,
  manifestHash: 'e'.repeat(64),
  receivedAt: T1,
  photos: { held: [], missing: complete ? [] : ['f'.repeat(64)] },
  complete,
  flags: [],
});
const row = (complete: boolean) => ({
  caseId: CASE,
  receipt: receipt(complete),
  revision: 1,
  storedAt: T1,
});

describe('deriveCaseStatus', () => {
  it.each([
    [
      'nothing sent yet',
      { entries: [entry()] },
      { kind: 'saved-on-phone', since: T0, waitingForSignIn: false },
    ],
    [
      'an edit waiting for its quiet period (saved on the phone, no error, no retry)',
      { entries: [entry({ revision: 3, updatedAt: T1, nextAttemptAt: T1 })], receipt: row(true) },
      { kind: 'saved-on-phone', since: T0, waitingForSignIn: false },
    ],
    [
      'a complete receipt and nothing waiting',
      { entries: [], receipt: row(true) },
      { kind: 'sent', receivedAt: T1, manifestVersion: 2 },
    ],
    [
      'a complete receipt but an edit waiting',
      { entries: [entry({ revision: 2 })], receipt: row(true) },
      { kind: 'saved-on-phone', since: T0, waitingForSignIn: false },
    ],
    [
      'an incomplete receipt (no entries left: never shown as sent)',
      { entries: [], receipt: row(false) },
      { kind: 'saved-on-phone', waitingForSignIn: false },
    ],
    [
      'a refused part',
      {
        entries: [
          entry(),
          entry({
            key: 'photo:x',
            kind: 'photo',
            status: 'needs-attention',
            lastError: { reason: 'too-large', at: T1 },
          }),
        ],
      },
      { kind: 'needs-attention', reason: 'too-large', at: T1 },
    ],
    [
      'a failure waiting for its retry',
      {
        entries: [
          entry({ attempts: 2, nextAttemptAt: T1, lastError: { reason: 'network', at: T0 } }),
        ],
      },
      {
        kind: 'saved-on-phone',
        since: T0,
        retryAt: T1,
        lastError: { reason: 'network', at: T0 },
        waitingForSignIn: false,
      },
    ],
    [
      'held for sign-in',
      { entries: [entry({ status: 'held' })] },
      { kind: 'saved-on-phone', since: T0, waitingForSignIn: true },
    ],
  ] as const)('%s', (_name, input, expected) => {
    expect(deriveCaseStatus({ caseId: CASE, ...input, entries: [...input.entries] })).toEqual(
      expected,
    );
  });

  it('shows progress while the runner sends this case, and not for another', () => {
    const current = { caseId: CASE, part: 'photo' as const, bytesSent: 512, bytesTotal: 2048 };
    const sync = { phase: 'sending' as const, current };
    expect(deriveCaseStatus({ caseId: CASE, entries: [entry()], sync })).toEqual({
      kind: 'sending',
      progress: current,
    });
    expect(
      deriveCaseStatus({
        caseId: CASE,
        entries: [entry()],
        sync: { ...sync, current: { ...current, caseId: 'other' } },
      }).kind,
    ).toBe('saved-on-phone');
  });

  it('is not "sending" while the phone is offline: the case waits for a connection', () => {
    const current = { caseId: CASE, part: 'photo' as const, bytesSent: 0, bytesTotal: 41_800 };
    const sync = { phase: 'sending' as const, current };
    expect(deriveCaseStatus({ caseId: CASE, entries: [entry()], sync, online: false })).toEqual(
      expect.objectContaining({ kind: 'saved-on-phone', waitingForNetwork: true }),
    );
    expect(deriveCaseStatus({ caseId: CASE, entries: [entry()], sync, online: true }).kind).toBe(
      'sending',
    );
    expect(deriveCaseStatus({ caseId: CASE, entries: [entry()], online: false })).toHaveProperty(
      'waitingForNetwork',
      true,
    );
  });
});

describe('reading status and totals', () => {
  let db: KuaichuDb;
  beforeEach(() => {
    useFreshIndexedDb();
    db = createDb();
  });

  it('counts unsent cases, unsent bytes and the oldest unsent age; a receipt removes a case from them', async () => {
    const a = aCase(T0).build();
    const b = aCase(T1).build();
    await saveCase(db, a, T0);
    await saveCase(db, b, T1);
    const photo = await aPhoto(a.id, 'p', { size: 5000 });
    await savePhoto(db, photo, T0);
    const json = (x: object) => utf8Bytes(canonicalJson(x)).byteLength;

    expect(await readOutboxTotals(db, Date.parse(T1) + 60_000)).toEqual({
      unsentCases: 2,
      needsAttention: 0,
      unsentBytes: 5000 + json(a) + json(b),
      oldestUnsentAt: T0,
      oldestUnsentAgeMs: 61 * 60_000,
    });

    await storeReceipt(
      db,
      { ...receipt(true), caseId: a.id, photos: { held: [photo.meta.sha256], missing: [] } },
      1,
      T1,
    );
    expect(await readOutboxTotals(db, Date.parse(T1))).toMatchObject({
      unsentCases: 1,
      unsentBytes: json(b),
      oldestUnsentAt: T1,
    });
    expect(await readCaseStatus(db, a.id)).toMatchObject({ kind: 'sent' });
    const all = await readCaseStatuses(db);
    expect([...all].map(([id, s]) => [id, s.kind]).sort()).toEqual(
      [
        [a.id, 'sent'],
        [b.id, 'saved-on-phone'],
      ].sort(),
    );
  });

  it('reports nothing waiting on an empty phone', async () => {
    expect(await readOutboxTotals(db, Date.parse(T0))).toEqual({
      unsentCases: 0,
      needsAttention: 0,
      unsentBytes: 0,
    });
  });
});
