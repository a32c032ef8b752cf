import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { transitionCase } from '../case/case';
import type { CaseRecord } from '../case/case.schema';
import type { CaseState } from '../case/case-state';
import { caseFiveFastTimestamps, fiveFast, FIVE_FASTS, FIVE_FAST_LABELS } from './five-fast';

const MIN = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 2, minutes)).toISOString();

describe('fiveFast', () => {
  it('measures each interval between its own two instants', () => {
    expect(
      fiveFast({
        arrivedAt: at(0),
        evidenceCompleteAt: at(6),
        sceneClearedAt: at(9),
        liabilitySignedAt: at(20),
        packetDeliveredAt: at(30),
        assessmentRecordedAt: at(90),
        payoutRecordedAt: at(300),
      }),
    ).toEqual({
      evidence: 6 * MIN,
      clearance: 9 * MIN,
      liability: 20 * MIN,
      assessment: 60 * MIN,
      payout: 210 * MIN,
    });
  });

  it.each([
    ['nothing known', {}],
    ['only arrival', { arrivedAt: at(0) }],
    ['an end without its start', { evidenceCompleteAt: at(5), payoutRecordedAt: at(9) }],
  ])('gives null where an end is missing: %s', (_what, t) => {
    expect(Object.values(fiveFast(t))).toEqual([null, null, null, null, null]);
  });

  it('gives null for a negative interval (a wrong device clock)', () => {
    expect(
      fiveFast({ arrivedAt: at(10), sceneClearedAt: at(5), evidenceCompleteAt: at(10) }),
    ).toMatchObject({
      clearance: null,
      evidence: 0,
    });
  });

  it('labels each fast in both languages', () => {
    expect(FIVE_FASTS.map((k) => FIVE_FAST_LABELS[k].zh)).toEqual([
      '取证快',
      '撤离快',
      '定责快',
      '定损快',
      '理赔快',
    ]);
  });
});

describe('caseFiveFastTimestamps', () => {
  function walk(c: CaseRecord, steps: [CaseState, number][]): CaseRecord {
    let out = c;
    for (const [to, minutes] of steps) {
      const r = transitionCase(out, to, at(minutes));
      if (!r.ok) throw new Error(`refused ${out.state} → ${to}`);
      out = r.value;
    }
    return out;
  }

  it('reads the instants from the case transitions', () => {
    const c = walk(aCase(at(0)).build(), [
      ['triaged', 2],
      ['evidence-complete', 7],
      ['scene-cleared', 8],
      ['liability-proposed', 12],
      ['signed', 15],
      ['submitted', 16],
      ['synced', 17],
      ['delivered', 18],
      ['acknowledged', 20],
      ['assessed', 58],
    ]);
    expect(fiveFast(caseFiveFastTimestamps(c))).toEqual({
      evidence: 7 * MIN,
      clearance: 8 * MIN,
      liability: 15 * MIN,
      assessment: 40 * MIN,
      payout: null,
    });
  });
});
