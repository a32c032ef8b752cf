import { describe, expect, it } from 'vitest';
import { revocationStanding } from './revocation';

const REVOKED = '2026-12-07T10:00:00.000Z';

describe('revocationStanding', () => {
  it.each([
    [null, '2026-12-07T12:00:00.000Z', 'active'],
    [REVOKED, '2026-12-07T09:59:59.999Z', 'recorded-before'],
    // Changed at the very moment of the revocation: still before it.
    [REVOKED, REVOKED, 'recorded-before'],
    [REVOKED, '2026-12-07T10:00:00.001Z', 'changed-after'],
    // An offset is read as the instant it names.
    [REVOKED, '2026-12-07T18:30:00.000+08:00', 'changed-after'],
  ] as const)('revoked %s, case changed %s: %s', (revokedAt, updatedAt, expected) => {
    expect(revocationStanding(revokedAt, updatedAt)).toBe(expected);
  });
});
