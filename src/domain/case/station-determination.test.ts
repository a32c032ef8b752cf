import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import type { CaseRecord } from './case.schema';
import type { CaseState } from './case-state';
import { determinationContent } from './determination';
import type { OfficerDetermination } from './liability-record.schema';
import {
  adoptOfficerDetermination,
  officerDeterminationOf,
  stationDeterminationRefusal,
  type ConfirmedDetermination,
} from './station-determination';

const AT = '2026-12-07T05:00:00.000Z';
const OFFICER = { id: '0190a000-0000-7000-8000-0000000000a1', name: '张伟' };
const HANDOVER = {
  by: { id: '0190a000-0000-7000-8000-0000000000f1', name: '赵敏' },
  at: '2026-12-07T04:00:00.000Z',
  to: null,
  note: '双方无争议',
};
const DETERMINATION: OfficerDetermination = {
  by: OFFICER,
  at: '2026-12-07T04:30:00.000Z',
  liability: { A: 'primary', B: 'secondary' },
  reason: 'A 车未保持安全距离',
  basis: [{ law: '《中华人民共和国道路交通安全法》', article: '第四十三条' }],
  decision: 'confirm',
  note: '',
};
const CONFIRMED: ConfirmedDetermination = {
  officerId: OFFICER.id,
  liability: { A: 'primary', B: 'secondary' },
};

const handedOver = (state: CaseState = 'submitted', patch: Partial<CaseRecord> = {}) =>
  aCase()
    .withVehicles(2)
    .with({ state, handover: HANDOVER, ...patch })
    .build();

function adopted(): CaseRecord {
  const r = adoptOfficerDetermination(handedOver(), DETERMINATION, AT);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('adoptOfficerDetermination', () => {
  it('makes the officer’s liability the proposal, names him, and awaits the notices', () => {
    const c = adopted();
    expect(c.state).toBe('liability-proposed');
    expect(c.liability?.proposal).toEqual({ A: 'primary', B: 'secondary' });
    expect(officerDeterminationOf(c)).toEqual(DETERMINATION);
    expect(c.liability?.signatures).toEqual([]);
    expect(c.transitions.at(-1)).toMatchObject({
      from: 'submitted',
      to: 'liability-proposed',
      at: AT,
      reason: 'station-officer-determination',
    });
  });

  it.each([
    [
      'a case no station handed over',
      aCase().withVehicles(2).with({ state: 'submitted' }).build(),
      'not-handed-over',
    ],
    ['a case already determined', adopted(), 'determined'],
    ['a liability naming other vehicles', handedOver(), 'bad-liability', { A: 'full' }],
    ['a case not yet sent', handedOver('opened'), 'not-allowed'],
  ] as const)('refuses %s', (_what, c, reason, liability?: Record<string, string>) => {
    const d = liability ? ({ ...DETERMINATION, liability } as OfficerDetermination) : DETERMINATION;
    const r = adoptOfficerDetermination(c, d, AT);
    expect(r.ok ? 'adopted' : r.reason).toBe(reason);
  });

  it('puts who determined it, his reason and the law into what the parties sign', () => {
    const content = determinationContent(adopted(), 2) as { determinedBy?: unknown };
    expect(content.determinedBy).toEqual({
      officer: OFFICER,
      at: DETERMINATION.at,
      reason: DETERMINATION.reason,
      basis: DETERMINATION.basis,
    });
    const plain = determinationContent(handedOver(), 2) as { determinedBy?: unknown };
    expect(plain.determinedBy).toBeUndefined();
  });
});

describe('stationDeterminationRefusal', () => {
  const withLiability = (patch: object) => {
    const c = adopted();
    return { ...c, liability: { ...c.liability!, ...patch } } as CaseRecord;
  };
  it.each<[string, CaseRecord, ConfirmedDetermination | undefined, string | undefined]>([
    ['a capture without a determination', handedOver(), undefined, undefined],
    ['the officer’s determination, confirmed', adopted(), CONFIRMED, undefined],
    [
      'the officer’s determination, signed',
      { ...adopted(), state: 'signed' },
      CONFIRMED,
      undefined,
    ],
    ['a determination no officer confirmed', adopted(), undefined, 'station_cannot_determine'],
    [
      'a determined state without a record',
      handedOver('liability-proposed'),
      CONFIRMED,
      'station_cannot_determine',
    ],
    [
      'another liability than the officer’s',
      withLiability({ proposal: { A: 'equal', B: 'equal' } }),
      CONFIRMED,
      'station_cannot_determine',
    ],
    [
      'an override by the station',
      withLiability({ override: { liability: { A: 'full', B: 'none' }, reason: '改', at: AT } }),
      CONFIRMED,
      'station_cannot_determine',
    ],
    [
      'the determination rewritten as another officer’s',
      withLiability({ remote: { ...DETERMINATION, by: { id: HANDOVER.by.id, name: '赵敏' } } }),
      CONFIRMED,
      'station_cannot_determine',
    ],
    [
      'the officer’s record altered to another liability',
      withLiability({
        remote: { ...DETERMINATION, liability: { A: 'full', B: 'none' } },
        proposal: { A: 'full', B: 'none' },
      }),
      CONFIRMED,
      'station_cannot_determine',
    ],
    [
      'a liability record without the officer’s',
      {
        ...handedOver(),
        liability: { schemaVersion: 1, proposal: { A: 'primary', B: 'secondary' }, signatures: [] },
      },
      CONFIRMED,
      'station_cannot_determine',
    ],
  ])('%s', (_what, record, confirmed, refusal) => {
    expect(stationDeterminationRefusal(record, confirmed)).toBe(refusal);
  });
});
