/**
 * Test data for the reviewer's screens: a signed-in reviewer's session (that
 * records the tokens it was told the server refused), the services around a
 * hook, and a page of the queue in the contract's shape.
 */
import { createElement, type ReactNode } from 'react';
import type { CaseDetail } from '../../src/contracts/cases';
import type { QueueResponse } from '../../src/contracts/review';
import type { CaseRecord, CaseState, PhotoMeta } from '../../src/domain';
import { ServicesProvider, type Services } from '../../src/services/ServicesContext';
import type { SessionStore, StoredSession } from '../../src/storage';

export const TOKEN = 'reviewer-token';

export function reviewerSession(token = TOKEN) {
  const session: StoredSession = {
    token,
    user: {
      id: '0190a000-0000-7000-8000-0000000000e1',
      username: 'reviewer',
      displayName: '李娜',
      role: 'reviewer',
      unit: null,
      insurer: null,
    },
    expiresAt: '2099-01-01T00:00:00.000Z',
    signedInAt: '2026-11-27T00:00:00.000Z',
  };
  const rejected: string[] = [];
  const store = {
    state: () =>
      Promise.resolve({ kind: 'active', session, shiftEndsAt: '2099-01-01T00:00:00.000Z' }),
    subscribe: () => () => undefined,
    active: () => Promise.resolve(session),
    reject: (t: string) => {
      rejected.push(t);
      return Promise.resolve();
    },
  } as Pick<SessionStore, 'state' | 'subscribe' | 'active' | 'reject'> as SessionStore;
  return { store, rejected };
}

/** A wrapper providing the services a reviewer's hook reads (only the session). */
export function servicesWith(session: SessionStore) {
  const services = { session } as Services;
  return function Wrapper({ children }: { children: ReactNode }) {
    return createElement(ServicesProvider, { services, children });
  };
}

const UNIT = '0190a000-0000-7000-8000-0000000000a1';
const OFFICER = '0190a000-0000-7000-8000-0000000000b1';

/** A page of the queue with one case, its feed cursor `cursor`. */
export function queuePage(cursor = '10', total = 1): QueueResponse {
  return {
    items: [
      {
        id: '0190a000-0000-7000-8000-0000000000c1',
        caseNumber: 'KC20261127-000001',
        state: 'synced',
        bucket: 'new',
        signals: ['override'],
        unit: { id: UNIT, name: '一中队' },
        officer: { id: OFFICER, name: '王伟' },
        arrivedAt: '2026-11-27T02:00:00.000Z',
        receivedAt: '2026-11-27T02:40:00.000Z',
        updatedAt: '2026-11-27T02:40:00.000Z',
        manifestVersion: 1,
        address: 'G318 国道 K123+400',
        plates: ['川A12340'],
        takenOver: false,
      },
    ],
    total,
    page: 1,
    pageSize: 25,
    counts: {
      buckets: { new: 1, escalated: 0, disputed: 0, returned: 0, reviewed: 0 },
      signals: {
        escalated: 0,
        disputed: 0,
        'primary-secondary': 0,
        override: 1,
        'version-gap': 0,
        refusal: 0,
        amended: 0,
        'revoked-device': 0,
      },
      needsMe: 1,
    },
    units: [{ id: UNIT, name: '一中队' }],
    officers: [{ id: OFFICER, name: '王伟', unitId: UNIT }],
    feedCursor: cursor,
  };
}

/** The server's answer for a case (hashes and signature are placeholders: the screens do not check them). */
export function caseDetailOf(
  record: CaseRecord,
  photos: PhotoMeta[],
  version = 1,
  state: CaseState = 'synced',
): CaseDetail {
  const hash = 'a'.repeat(64);
  return {
    summary: {
      id: record.id,
      caseNumber: record.caseNumber,
      unitId: '0190a000-0000-7000-8000-0000000000a1',
      officerId: '0190a000-0000-7000-8000-0000000000b1',
      state,
      manifestVersion: version,
      receivedAt: '2026-11-27T02:40:00.000Z',
      updatedAt: '2026-11-27T02:40:00.000Z',
      complete: true,
    },
    case: record,
    photos,
    manifest: {
      schemaVersion: 1,
      caseId: record.id,
      version,
      caseSha256: hash,
      photos: photos.map(({ sha256, originalSha256, slot, byteLength }) => ({
        sha256,
        originalSha256,
        slot,
        byteLength,
      })),
      previousManifestHash: version === 1 ? null : hash,
      deviceId: '0190a000-0000-7000-8000-0000000000d9',
      signedAt: '2026-11-27T02:39:00.000Z',
    },
    signature: 'A'.repeat(86),
    receipt: {
      caseId: record.id,
      manifestVersion: version,
      manifestHash: hash,
      receivedAt: '2026-11-27T02:40:00.000Z',
      photos: { held: photos.map((p) => p.sha256), missing: [] },
      complete: true,
      flags: [],
    },
    redacted: false,
    integrity: 'intact',
  };
}
