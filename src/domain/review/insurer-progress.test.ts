import { describe, expect, it } from 'vitest';
import { insurerTimes, recordInsurerStep, type InsurerChange } from './insurer-progress';

const X = '0190a000-0000-7000-8000-0000000000a1';
const Y = '0190a000-0000-7000-8000-0000000000b2';
const at = (m: number) => `2026-11-27T03:${String(m).padStart(2, '0')}:00.000Z`;
let cursor = 0;
const change = (kind: string, insurerId: string | undefined, m: number): InsurerChange => ({
  cursor: String(++cursor),
  kind,
  at: at(m),
  ...(insurerId !== undefined && { claim: { insurerId, state: 'delivered' } }),
});

function replay(changes: InsurerChange[]) {
  let progress: ReturnType<typeof recordInsurerStep>;
  for (const c of changes) progress = recordInsurerStep(progress, c) ?? progress;
  return progress;
}

describe('recordInsurerStep', () => {
  it('records each insurer’s furthest step with the time of every step', () => {
    const p = replay([
      change('reviewed', X, 0),
      change('reviewed', Y, 0),
      change('acknowledged', X, 4),
      change('assessed', X, 30),
    ]);
    expect(p?.[X]).toMatchObject({
      step: 'assessed',
      at: { delivered: at(0), acknowledged: at(4), assessed: at(30) },
    });
    expect(p?.[Y]).toMatchObject({ step: 'delivered' });
  });

  it('records nothing for a change that is not an insurer’s step, or one already known', () => {
    const first = change('reviewed', X, 0);
    const p = recordInsurerStep(undefined, first);
    expect(recordInsurerStep(p, first)).toBeUndefined();
    expect(recordInsurerStep(p, change('reviewed', undefined, 1))).toBeUndefined();
    expect(recordInsurerStep(p, change('returned', X, 2))).toBeUndefined();
  });

  it('starts an insurer again when a later packet is delivered', () => {
    const p = replay([change('reviewed', X, 0), change('paid', X, 50), change('reviewed', X, 60)]);
    expect(p?.[X]).toMatchObject({ step: 'delivered', at: { delivered: at(60) } });
    expect(p?.[X]?.at.paid).toBeUndefined();
  });
});

describe('insurerTimes', () => {
  it('gives the first delivery, and assessment and payout once every insurer did them', () => {
    const half = replay([
      change('reviewed', X, 1),
      change('reviewed', Y, 2),
      change('assessed', X, 20),
      change('paid', X, 40),
    ]);
    expect(insurerTimes(half)).toEqual({ packetDeliveredAt: at(1) });
    const all = replay([
      change('reviewed', X, 1),
      change('reviewed', Y, 2),
      change('assessed', X, 20),
      change('assessed', Y, 25),
      change('paid', Y, 41),
      change('paid', X, 40),
    ]);
    expect(insurerTimes(all)).toEqual({
      packetDeliveredAt: at(1),
      assessmentRecordedAt: at(25),
      payoutRecordedAt: at(41),
    });
    expect(insurerTimes(undefined)).toEqual({});
  });
});
