import { describe, expect, it } from 'vitest';
import { STARTER_FIVE_FAST_TARGETS } from '../../domain/metrics/targets';
import { checkTargetsDraft, targetsDraftOf, type TargetsDraft } from './targets-form';

const draft = (change: Partial<TargetsDraft> = {}): TargetsDraft => ({
  ...targetsDraftOf(STARTER_FIVE_FAST_TARGETS),
  ...change,
});

describe('checkTargetsDraft', () => {
  it('reads the starters back as they were shown', () => {
    expect(checkTargetsDraft(draft())).toEqual({ ok: true, value: STARTER_FIVE_FAST_TARGETS });
  });

  it.each([
    [{ evidence: '1' }, { evidence: 1 }],
    [{ clearance: '1440' }, { clearance: 1440 }],
    [{ liability: ' ４５ ' }, { liability: 45 }],
    [{ assessment: '43200' }, { assessment: 43200 }],
    [{ payout: '129600' }, { payout: 129600 }],
  ])('takes %j at its fast’s bounds', (typed, taken) => {
    expect(checkTargetsDraft(draft(typed))).toEqual({
      ok: true,
      value: { ...STARTER_FIVE_FAST_TARGETS, ...taken },
    });
  });

  it.each([
    [{ evidence: '' }, { evidence: 'minutesRequired' }],
    [{ clearance: '2.5' }, { clearance: 'minutesWhole' }],
    [{ liability: '0' }, { liability: 'minutesRange' }],
    [{ liability: '1441' }, { liability: 'minutesRange' }],
    [{ assessment: '43201' }, { assessment: 'minutesRange' }],
    [
      { payout: '129601', evidence: 'x' },
      { payout: 'minutesRange', evidence: 'minutesWhole' },
    ],
  ])('refuses %j, naming each field at fault', (typed, errors) => {
    expect(checkTargetsDraft(draft(typed))).toEqual({ ok: false, errors });
  });
});
