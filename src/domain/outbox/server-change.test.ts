import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { CaseRecord } from '../case/case.schema';
import { applyServerStateChange, returnReason } from './server-change';

const T0 = '2026-11-27T02:00:00.000Z';
const AT = '2026-11-27T10:00:00.000Z';

describe('applyServerStateChange', () => {
  it('records the server’s transition with its time and the reviewer’s note', () => {
    const c = aCase(T0).with({ state: 'synced' }).build();

    const next = applyServerStateChange(c, {
      state: 'returned',
      at: AT,
      kind: 'returned',
      note: 'Photograph the plate of B again',
    });

    expect(CaseRecord.parse(next)).toEqual(next);
    expect(next.state).toBe('returned');
    expect(next.transitions.at(-1)).toEqual({
      from: 'synced',
      to: 'returned',
      at: AT,
      reason: 'Photograph the plate of B again',
    });
    expect(next.updatedAt).toBe(AT);
    expect(c.state).toBe('synced');
  });

  it('takes the server’s word even where the local life cycle has no edge, naming the kind', () => {
    const c = aCase(T0).with({ state: 'signed' }).build();
    const next = applyServerStateChange(c, { state: 'reviewed', at: AT, kind: 'reviewed' });
    expect(next.transitions.at(-1)).toMatchObject({
      from: 'signed',
      to: 'reviewed',
      reason: 'reviewed',
    });
  });

  it('changes nothing when the case is already in that state', () => {
    const c = aCase(T0).with({ state: 'returned' }).build();
    expect(applyServerStateChange(c, { state: 'returned', at: AT, kind: 'returned' })).toBe(c);
  });
});

describe('the reason a case was returned', () => {
  const base = aCase('2026-11-27T02:00:00.000Z').build();
  const back = (note?: string) =>
    applyServerStateChange(
      { ...base, state: 'synced' },
      {
        state: 'returned',
        at: '2026-11-27T03:00:00.000Z',
        kind: 'returned',
        ...(note && { note }),
      },
    );

  it('is the squad’s note of the latest return, while the case is returned', () => {
    expect(returnReason(back('请补拍车辆B右后方'))).toBe('请补拍车辆B右后方');
    expect(returnReason({ ...back('请补拍'), state: 'submitted' })).toBeUndefined();
  });

  it('is absent when the squad wrote none (the kind is not a reason)', () => {
    expect(returnReason(back())).toBeUndefined();
  });
});
