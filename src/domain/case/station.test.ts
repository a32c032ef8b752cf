import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { CaseRecord } from './case.schema';
import type { CaseState } from './case-state';
import {
  awaitsStationConfirmation,
  capturesCases,
  handOverToOfficer,
  handoversForViewer,
  isMeantFor,
  mayDetermineLiability,
  stationSendRefusal,
} from './station';

const AT = '2026-12-07T03:00:00.000Z';
const BY = { id: '0190a000-0000-7000-8000-0000000000f1', name: '赵站长' };
const LIABILITY = { liability: { A: 'full' } } as unknown as CaseRecord['liability'];

const caseIn = (state: CaseState, patch: Partial<CaseRecord> = {}) =>
  aCase()
    .withVehicles(2)
    .with({ state, ...patch })
    .build();

describe('who may determine liability and capture cases', () => {
  // The roles of src/contracts/route.ts (the domain imports no contract).
  it.each(['officer', 'reviewer', 'insurer', 'admin', 'station'])('%s', (role) => {
    expect(mayDetermineLiability(role)).toBe(role !== 'station');
    expect(capturesCases(role)).toBe(role === 'officer' || role === 'station');
  });
});

describe('handOverToOfficer', () => {
  it('records the handover on a cleared case and submits it without a determination', () => {
    const result = handOverToOfficer(caseIn('scene-cleared'), {
      by: BY,
      at: AT,
      note: '  双方无争议  ',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.handover).toEqual({ by: BY, at: AT, to: null, note: '双方无争议' });
    expect(result.value.state).toBe('submitted');
    expect(result.value.transitions.at(-1)).toEqual({
      from: 'scene-cleared',
      to: 'submitted',
      at: AT,
    });
    expect(result.value.liability).toBeUndefined();
    expect(CaseRecord.safeParse(result.value).success).toBe(true);
  });

  it('names the officer when the station chose one', () => {
    const to = '0190a000-0000-7000-8000-0000000000a1';
    const result = handOverToOfficer(caseIn('scene-cleared'), { by: BY, at: AT, note: '', to });
    expect(result.ok && result.value.handover?.to).toBe(to);
  });

  const refusals: [string, CaseRecord, string][] = [
    ['evidence not complete', caseIn('triaged'), 'not-cleared'],
    ['scene not cleared', caseIn('evidence-complete'), 'not-cleared'],
    ['already submitted', caseIn('submitted'), 'not-cleared'],
    ['a determination on it', caseIn('scene-cleared', { liability: LIABILITY }), 'determined'],
    [
      'handed over already',
      caseIn('scene-cleared', { handover: { by: BY, at: AT, to: null, note: '' } }),
      'already-handed-over',
    ],
  ];
  it.each(refusals)('refuses a case with %s', (_, c, reason) => {
    const result = handOverToOfficer(c, { by: BY, at: AT, note: '' });
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('refuses a note over the text limit', () => {
    const result = handOverToOfficer(caseIn('scene-cleared'), {
      by: BY,
      at: AT,
      note: 'x'.repeat(2001),
    });
    expect(result).toMatchObject({ ok: false, reason: 'note-too-long' });
  });
});

describe('stationSendRefusal', () => {
  const rows: [string, CaseRecord, string | undefined][] = [
    ['a handed-over case', caseIn('submitted'), undefined],
    ['a case being captured', caseIn('triaged'), undefined],
    ['a proposed determination', caseIn('liability-proposed'), 'station_cannot_determine'],
    ['a signed determination', caseIn('signed'), 'station_cannot_determine'],
    [
      'a liability record',
      caseIn('scene-cleared', { liability: LIABILITY }),
      'station_cannot_determine',
    ],
  ];
  it.each(rows)('%s', (_, c, refusal) => {
    expect(stationSendRefusal(c)).toBe(refusal);
  });
});

describe('awaitsStationConfirmation', () => {
  const handover = { by: BY, at: AT, to: null, note: '' };
  it.each([
    [false, undefined, false],
    [true, handover, false],
    [false, handover, true],
  ] as const)('confirmed %s, handover %o: %s', (confirmed, h, waits) => {
    expect(awaitsStationConfirmation(h ? { handover: h } : {}, confirmed)).toBe(waits);
  });
});

describe('stored records', () => {
  it('an officer’s case stored before the handover existed still parses', () => {
    const old = caseIn('signed');
    expect('handover' in old).toBe(false);
    expect(CaseRecord.safeParse(old).success).toBe(true);
  });
  it('a handover naming its field on a bad value', () => {
    const bad = caseIn('submitted', {
      handover: { by: BY, at: 'yesterday', to: null, note: '' } as never,
    });
    const parsed = CaseRecord.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['handover', 'at']);
  });
});

describe('handoversForViewer', () => {
  const ME = '0190a000-0000-7000-8000-0000000000a1';
  const OTHER = '0190a000-0000-7000-8000-0000000000a2';
  const item = (id: string, to: string | null, at: string) => ({ id, handover: { to, at } });
  const early = '2026-12-07T01:00:00.000Z';
  const late = '2026-12-07T02:00:00.000Z';
  it.each([
    [
      'nothing named: oldest first',
      [item('b', null, late), item('a', null, early)],
      ME,
      ['a', 'b'],
    ],
    [
      'the viewer’s first, even when newer',
      [item('a', null, early), item('b', ME, late)],
      ME,
      ['b', 'a'],
    ],
    [
      'another officer’s is not first',
      [item('b', OTHER, early), item('a', null, late), item('c', ME, late)],
      ME,
      ['c', 'b', 'a'],
    ],
    [
      'no viewer: oldest first',
      [item('b', ME, late), item('a', null, early)],
      undefined,
      ['a', 'b'],
    ],
  ] as const)('%s', (_what, items, viewer, order) => {
    expect(handoversForViewer(items, viewer).map((i) => i.id)).toEqual(order);
  });
  it.each([
    [ME, ME, true],
    [OTHER, ME, false],
    [null, ME, false],
    [ME, undefined, false],
  ] as const)('to %s, viewer %s: %s', (to, viewer, meant) => {
    expect(isMeantFor(item('x', to, early), viewer)).toBe(meant);
  });
});
