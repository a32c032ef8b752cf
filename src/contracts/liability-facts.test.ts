// The server's contracts take the liability facts in either schema version.
import { describe, expect, it } from 'vitest';
import type { LiabilityFactsV1 } from '../domain/liability/facts.schema';
import { migrateFacts } from '../domain/liability/migrate';
import { CaseAmendment } from './cases';

const V1: LiabilityFactsV1 = {
  schemaVersion: 1,
  place: { kind: 'road-section' },
  vehicles: [
    { id: 'A', action: 'slowing' },
    { id: 'B', action: 'going-straight' },
  ],
  impacts: [{ striking: 'B', struck: 'A', relation: 'same-lane' }],
};

describe('CaseAmendment facts', () => {
  const liability = { A: 'none', B: 'full' };
  it('accepts version 1 and version 2', () => {
    expect(CaseAmendment.safeParse({ liability, facts: V1 }).success).toBe(true);
    expect(CaseAmendment.safeParse({ liability, facts: migrateFacts(V1) }).success).toBe(true);
  });
  it('accepts version-2 facts with a fixed object and an unknown action', () => {
    const facts = {
      ...migrateFacts(V1),
      vehicles: [{ id: 'A', action: 'unknown' }],
      objects: [{ id: 'G', kind: 'guardrail' }],
      impacts: [{ striking: 'A', struck: 'G' }],
    };
    expect(CaseAmendment.safeParse({ liability: { A: 'full' }, facts }).success).toBe(true);
  });
});
