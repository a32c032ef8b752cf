import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import type { CaseRecord } from '../case/case.schema';
import { awaitsOfficer, returnedFirst } from './squad-standing';
import {
  factValue,
  fieldValue,
  isAskDone,
  recordSquadWord,
  squadStanding,
  type CaseReview,
  type SquadChange,
} from './squad-word';

const RETURNED_AT = '2026-11-27T10:00:00.000Z';
const PULLED_AT = '2026-11-27T10:05:00.000Z';

const returned = (c: CaseRecord, patch: Partial<SquadChange> = {}): SquadChange => ({
  cursor: '7',
  caseId: c.id,
  kind: 'returned',
  at: RETURNED_AT,
  note: '  请补拍车辆A号牌  ',
  missing: [
    { kind: 'shot', key: `vehicle:${c.vehicles[0]?.id}:plate` },
    { kind: 'field', key: 'vehicles.0.plate' },
    { kind: 'fact', key: 'rear_end' },
  ],
  ...patch,
});

/** The case as the phone holds it once the return is applied. */
const asReturned = (c: CaseRecord): CaseRecord => ({
  ...c,
  state: 'returned',
  transitions: [...c.transitions, { from: 'synced', to: 'returned', at: RETURNED_AT }],
});

describe('recordSquadWord', () => {
  it('keeps a return’s note and items, each field with its value at the time', () => {
    const c = aCase().withVehicles(1).build();
    const review = recordSquadWord(undefined, returned(c), c, PULLED_AT);
    expect(review).toEqual({
      caseId: c.id,
      verdict: {
        kind: 'returned',
        cursor: '7',
        at: RETURNED_AT,
        receivedAt: PULLED_AT,
        note: '请补拍车辆A号牌',
        missing: [
          { kind: 'shot', key: `vehicle:${c.vehicles[0]?.id}:plate` },
          { kind: 'field', key: 'vehicles.0.plate', before: '川A12340' },
          { kind: 'fact', key: 'rear_end' },
        ],
      },
    });
  });

  it('an approval replaces the return; a take-over is kept beside the verdict', () => {
    const c = aCase().withVehicles(1).build();
    const back = recordSquadWord(undefined, returned(c), c, PULLED_AT);
    const taken = recordSquadWord(
      back,
      { cursor: '8', caseId: c.id, kind: 'taken-over', at: RETURNED_AT, note: '涉及人员受伤' },
      c,
      PULLED_AT,
    );
    expect(taken?.takenOver).toMatchObject({ kind: 'taken-over', note: '涉及人员受伤' });
    expect(taken?.verdict?.kind).toBe('returned');
    const approved = recordSquadWord(
      taken,
      { cursor: '9', caseId: c.id, kind: 'reviewed', at: RETURNED_AT },
      c,
      PULLED_AT,
    );
    expect(approved?.verdict).toMatchObject({ kind: 'reviewed', cursor: '9', missing: [] });
    expect(approved?.takenOver?.cursor).toBe('8');
  });

  it('records nothing for a word already known (a repeated pull) or for other kinds', () => {
    const c = aCase().build();
    const back = recordSquadWord(undefined, returned(c, { cursor: '12' }), c, PULLED_AT);
    expect(recordSquadWord(back, returned(c, { cursor: '12' }), c, PULLED_AT)).toBeUndefined();
    expect(recordSquadWord(back, returned(c, { cursor: '9' }), c, PULLED_AT)).toBeUndefined();
    expect(recordSquadWord(back, returned(c, { cursor: '100' }), c, PULLED_AT)).toBeDefined();
    expect(
      recordSquadWord(undefined, { ...returned(c), kind: 'assessed' }, c, PULLED_AT),
    ).toBeUndefined();
  });
});

describe('isAskDone', () => {
  const c = aCase().withVehicles(1).build();
  const slot = `vehicle:${c.vehicles[0]?.id}:plate`;

  it('a shot is done by a photo of its slot taken after the return reached the phone', () => {
    const ask = { kind: 'shot' as const, key: slot };
    expect(isAskDone(ask, c, [], PULLED_AT)).toBe(false);
    expect(isAskDone(ask, c, [{ slot, takenAt: '2026-11-27T09:00:00.000Z' }], PULLED_AT)).toBe(
      false,
    );
    expect(
      isAskDone(ask, c, [{ slot: 'scene-behind', takenAt: '2026-11-27T11:00:00.000Z' }], PULLED_AT),
    ).toBe(false);
    expect(isAskDone(ask, c, [{ slot, takenAt: '2026-11-27T11:00:00.000Z' }], PULLED_AT)).toBe(
      true,
    );
  });

  it('a field is done once it has a value other than the one it had', () => {
    const ask = { kind: 'field' as const, key: 'vehicles.0.plate', before: '川A12340' };
    expect(isAskDone(ask, c, [], PULLED_AT)).toBe(false);
    const fixed = { ...c, vehicles: [{ ...c.vehicles[0]!, plate: '川A54321' }] };
    expect(isAskDone(ask, fixed, [], PULLED_AT)).toBe(true);
    const emptied = { ...c, vehicles: [{ ...c.vehicles[0]!, plate: ' ' }] };
    expect(isAskDone(ask, emptied, [], PULLED_AT)).toBe(false);
    expect(isAskDone({ kind: 'field', key: 'occurredAt' }, c, [], PULLED_AT)).toBe(false);
    expect(
      isAskDone(
        { kind: 'field', key: 'occurredAt' },
        { ...c, occurredAt: RETURNED_AT },
        [],
        PULLED_AT,
      ),
    ).toBe(true);
  });

  it('a fact is done once the question has an answer it did not have', () => {
    const ask = { kind: 'fact' as const, key: 'rear_end' };
    expect(isAskDone(ask, c, [], PULLED_AT)).toBe(false);
    const answered: CaseRecord = {
      ...c,
      liability: {
        schemaVersion: 1,
        signatures: [],
        draft: {
          vehicles: [],
          impacts: [],
          answers: [{ questionId: 'rear_end', value: 'yes' }],
          checkAnswers: {},
        },
      },
    } as CaseRecord;
    expect(factValue(answered, 'rear_end')).toBe('yes');
    expect(isAskDone(ask, answered, [], PULLED_AT)).toBe(true);
    expect(isAskDone({ ...ask, before: 'yes' }, answered, [], PULLED_AT)).toBe(false);
  });
});

describe('fieldValue', () => {
  it('reads a path as text, and nothing for what is absent or empty', () => {
    const c = aCase().withVehicles(2).build();
    expect(fieldValue(c, 'vehicles.1.plate')).toBe('川A12341');
    expect(fieldValue(c, 'vehicles.5.plate')).toBeUndefined();
    expect(fieldValue(c, 'vehicles.0.damagedParts')).toBeUndefined();
    expect(fieldValue(c, 'notes')).toBeUndefined();
    expect(fieldValue(c, 'location.address')).toBe('G318 国道 K123+400');
  });
});

describe('where the case stands with the squad', () => {
  it('a return waits for the officer until he resubmits', () => {
    const c = asReturned(aCase().build());
    const review = recordSquadWord(undefined, returned(c), c, PULLED_AT) as CaseReview;
    expect(awaitsOfficer(review, c)).toBe(true);
    expect(squadStanding(review, c)).toBe('returned');
    const resubmitted: CaseRecord = {
      ...c,
      state: 'submitted',
      transitions: [
        ...c.transitions,
        { from: 'returned', to: 'submitted', at: '2026-11-27T10:30:00.000Z' },
      ],
    };
    expect(awaitsOfficer(review, resubmitted)).toBe(false);
    expect(squadStanding(review, resubmitted)).toBe('resubmitted');
  });

  it('an amendment of the liability waits for the officer until the parties sign again, and comes first', () => {
    const c = asReturned(aCase().withVehicles(2).build());
    const amendment = { liability: { A: 'none', B: 'full' }, reason: '复核监控：B车追尾' } as const;
    const review = recordSquadWord(
      undefined,
      {
        cursor: '9',
        caseId: c.id,
        kind: 'amended',
        at: RETURNED_AT,
        note: ' 复核监控：B车追尾 ',
        amendment,
      },
      c,
      PULLED_AT,
    ) as CaseReview;
    expect(review.verdict).toEqual({
      kind: 'amended',
      cursor: '9',
      at: RETURNED_AT,
      receivedAt: PULLED_AT,
      note: '复核监控：B车追尾',
      missing: [],
      amendment,
    });
    expect(awaitsOfficer(review, c)).toBe(true);
    expect(squadStanding(review, c)).toBe('amended');
    const other = aCase().build();
    expect(returnedFirst([other, c], new Map([[c.id, review]])).map((x) => x.id)).toEqual([
      c.id,
      other.id,
    ]);
    const applied: CaseRecord = {
      ...c,
      state: 'liability-proposed',
      transitions: [
        ...c.transitions,
        { from: 'returned', to: 'liability-proposed', at: '2026-11-27T10:20:00.000Z' },
      ],
    };
    expect(squadStanding(review, applied)).toBe('amended');
    const signed: CaseRecord = {
      ...applied,
      state: 'signed',
      transitions: [
        ...applied.transitions,
        { from: 'liability-proposed', to: 'signed', at: '2026-11-27T10:30:00.000Z' },
      ],
    };
    expect(awaitsOfficer(review, signed)).toBe(false);
    expect(squadStanding(review, signed)).toBe('resubmitted');
  });

  it('taken over, approved, or nothing said', () => {
    const c = aCase().build();
    const taken = recordSquadWord(
      undefined,
      { cursor: '3', caseId: c.id, kind: 'taken-over', at: RETURNED_AT, note: '转办' },
      c,
      PULLED_AT,
    );
    expect(squadStanding(taken, c)).toBe('taken-over');
    const approved = recordSquadWord(
      undefined,
      { cursor: '3', caseId: c.id, kind: 'reviewed', at: RETURNED_AT },
      c,
      PULLED_AT,
    );
    expect(squadStanding(approved, c)).toBe('approved');
    expect(squadStanding(undefined, c)).toBe('none');
  });

  it('lists returned cases first, however old, the rest in their order', () => {
    const [newest, middle, oldest] = [
      aCase().build(),
      aCase().build(),
      asReturned(aCase().build()),
    ];
    const reviews = new Map([
      [oldest.id, recordSquadWord(undefined, returned(oldest), oldest, PULLED_AT) as CaseReview],
      [
        middle.id,
        recordSquadWord(
          undefined,
          { cursor: '1', caseId: middle.id, kind: 'reviewed', at: RETURNED_AT },
          middle,
          PULLED_AT,
        ) as CaseReview,
      ],
    ]);
    expect(returnedFirst([newest, middle, oldest], reviews).map((c) => c.id)).toEqual([
      oldest.id,
      newest.id,
      middle.id,
    ]);
  });
});

describe('recordSquadWord: a station’s case confirmed by an officer', () => {
  const DETERMINATION = {
    by: { id: '0190a000-0000-7000-8000-0000000000a1', name: '张伟' },
    at: RETURNED_AT,
    liability: { A: 'full' as const },
    reason: '单车事故',
    basis: [{ law: '《中华人民共和国道路交通安全法实施条例》', article: '第九十一条' }],
    decision: 'confirm' as const,
    note: '',
  };
  const confirmed = (c: CaseRecord, patch: Partial<SquadChange> = {}): SquadChange => ({
    cursor: '9',
    caseId: c.id,
    kind: 'station-confirmed',
    at: RETURNED_AT,
    determination: DETERMINATION,
    ...patch,
  });

  it.each([
    ['keeps the officer’s determination beside the case', undefined, {}, true],
    [
      'records nothing twice on a repeated pull',
      { cursor: '9', at: RETURNED_AT, receivedAt: PULLED_AT, determination: DETERMINATION },
      {},
      false,
    ],
    ['records nothing without a determination', undefined, { determination: undefined }, false],
  ] as const)('%s', (_what, kept, patch, recorded) => {
    const c = aCase().withVehicles(1).build();
    const prev: CaseReview | undefined = kept && { caseId: c.id, officer: kept };
    const review = recordSquadWord(prev, confirmed(c, patch), c, PULLED_AT);
    expect(review).toEqual(
      recorded
        ? {
            caseId: c.id,
            officer: {
              cursor: '9',
              at: RETURNED_AT,
              receivedAt: PULLED_AT,
              determination: DETERMINATION,
            },
          }
        : undefined,
    );
    // Never the squad's verdict: the station's case awaits nothing from the squad.
    expect(review?.verdict).toBeUndefined();
  });
});
