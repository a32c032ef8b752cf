import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { CaseRecord } from './case.schema';
import { CASE_TRANSITIONS, CaseState, canTransition } from './case-state';
import {
  caseBelongsTo,
  claimCase,
  editCaseFields,
  enteredAt,
  handlingEndedAt,
  makeCaseNumber,
  openCase,
  transitionCase,
} from './case';

const T0 = '2026-11-27T02:00:00.000Z';
const T1 = '2026-11-27T02:05:00.000Z';

describe('openCase', () => {
  it('stamps arrival as the first transition and parses as a CaseRecord', () => {
    const c = openCase({
      id: '0190a000-0000-7000-8000-000000000abc',
      arrivedAt: T0,
      caseNumber: 'KC20261127-000ABC',
      location: { address: 'X' },
    });
    expect(c.state).toBe('opened');
    expect(c.transitions).toEqual([{ from: null, to: 'opened', at: T0 }]);
    expect(CaseRecord.safeParse(c).success).toBe(true);
    expect(c.officer).toBeUndefined();
  });

  it('records the officer signed in on the phone', () => {
    const officer = { id: '0190a000-0000-7000-8000-0000000000a1', name: '张警官' };
    const c = openCase({
      id: '0190a000-0000-7000-8000-000000000abc',
      arrivedAt: T0,
      caseNumber: 'KC20261127-000ABC',
      location: { address: 'X' },
      officer,
    });
    expect(CaseRecord.parse(c).officer).toEqual(officer);
  });
});

describe('shared phones: whose case it is', () => {
  const A = { id: '0190a000-0000-7000-8000-0000000000a1', name: '张警官' };
  const B = { id: '0190a000-0000-7000-8000-0000000000b2', name: '李警官' };
  const base = openCase({
    id: '0190a000-0000-7000-8000-000000000abc',
    arrivedAt: T0,
    caseNumber: 'KC20261127-000ABC',
    location: { address: 'X' },
  });

  it('shows and sends a case only to its officer; an unclaimed one to anyone', () => {
    const ofA = { ...base, officer: A };
    expect(caseBelongsTo(ofA, A.id)).toBe(true);
    expect(caseBelongsTo(ofA, B.id)).toBe(false);
    expect(caseBelongsTo(ofA, undefined)).toBe(false);
    expect(caseBelongsTo(base, B.id)).toBe(true);
    expect(caseBelongsTo(base, undefined)).toBe(true);
  });

  it('lets the next officer claim an unclaimed case, and never takes one from its officer', () => {
    const claimed = claimCase(base, B, T1);
    expect(claimed.officer).toEqual(B);
    expect(claimed.updatedAt).toBe(T1);
    const ofA = { ...base, officer: A };
    expect(claimCase(ofA, B, T1)).toBe(ofA);
  });
});

describe('makeCaseNumber', () => {
  it('uses the local (UTC+8) date and the id tail', () => {
    // 20:00 UTC on the 27th is already the 28th in Beijing.
    expect(makeCaseNumber('0190a000-0000-7000-8000-00000000abcd', '2026-11-27T20:00:00.000Z')).toBe(
      'KC20261128-00ABCD',
    );
  });
});

describe('transitionCase', () => {
  it('follows the happy path of the quick procedure to closed', () => {
    const path: CaseState[] = [
      'triaged',
      'evidence-complete',
      'scene-cleared',
      'liability-proposed',
      'signed',
      'submitted',
      'synced',
      'delivered',
      'acknowledged',
      'assessed',
      'paid',
      'closed',
    ];
    let c = aCase(T0).build();
    for (const to of path) {
      const r = transitionCase(c, to, T1);
      if (!r.ok) throw new Error(`refused ${c.state} → ${to}`);
      c = r.value;
    }
    expect(c.state).toBe('closed');
    expect(c.transitions.map((t) => t.to)).toEqual(['opened', ...path]);
    expect(enteredAt(c, 'scene-cleared')).toBe(T1);
  });

  it('refuses an edge the life cycle does not have, leaving the case as it was', () => {
    const c = aCase(T0).build();
    const r = transitionCase(c, 'signed', T1);
    expect(r).toEqual({ ok: false, reason: 'not-allowed', detail: 'opened → signed' });
    expect(c.state).toBe('opened');
  });

  it('keeps the reason of an escalation', () => {
    const r = transitionCase(aCase(T0).build(), 'escalated', T1, 'E03-injury');
    expect(r.ok && r.value.transitions.at(-1)).toEqual({
      from: 'opened',
      to: 'escalated',
      at: T1,
      reason: 'E03-injury',
    });
  });

  it.each(CaseState.options.flatMap((from) => CaseState.options.map((to) => [from, to] as const)))(
    '%s → %s agrees with the transition table',
    (from, to) => {
      expect(canTransition(from, to)).toBe(CASE_TRANSITIONS[from].includes(to));
    },
  );

  it('lets every on-scene state escalate, and nothing after submission', () => {
    const escalating = CaseState.options.filter((s) => canTransition(s, 'escalated'));
    expect(escalating).toEqual([
      'opened',
      'triaged',
      'evidence-complete',
      'scene-cleared',
      'liability-proposed',
    ]);
  });
});

describe('editCaseFields', () => {
  it('edits notes while on scene and moves updatedAt', () => {
    const r = editCaseFields(aCase(T0).build(), { notes: '追尾' }, T1);
    expect(r.ok && [r.value.notes, r.value.updatedAt]).toEqual(['追尾', T1]);
  });

  it('refuses edits once the case is submitted', () => {
    const submitted = aCase(T0).with({ state: 'submitted' }).build();
    expect(editCaseFields(submitted, { notes: 'x' }, T1)).toMatchObject({
      ok: false,
      reason: 'not-editable',
    });
  });
});

describe('handlingEndedAt', () => {
  const T2 = '2026-11-27T02:30:00.000Z';
  const T3 = '2026-11-27T03:00:00.000Z';
  const walk = (states: CaseState[], times: string[]) => {
    let c = aCase(T0).build();
    states.forEach((to, i) => {
      const r = transitionCase(c, to, times[i] ?? T3);
      if (!r.ok) throw new Error(`refused ${c.state} → ${to}`);
      c = r.value;
    });
    return c;
  };

  it('is undefined while the case is handled on scene', () => {
    expect(handlingEndedAt(aCase(T0).build())).toBeUndefined();
    const onScene = ['triaged', 'evidence-complete', 'scene-cleared', 'liability-proposed'];
    expect(handlingEndedAt(walk(onScene as CaseState[], [T1, T1, T1, T1]))).toBeUndefined();
    expect(handlingEndedAt(walk(['escalated'], [T1]))).toBeUndefined();
  });

  it('is when the case was first signed, not when it was later submitted or closed', () => {
    const path: CaseState[] = [
      'triaged',
      'evidence-complete',
      'scene-cleared',
      'liability-proposed',
      'signed',
      'submitted',
    ];
    expect(handlingEndedAt(walk(path, [T1, T1, T1, T1, T2, T3]))).toBe(T2);
  });

  it('is when an escalated case was handed over (submitted)', () => {
    expect(handlingEndedAt(walk(['escalated', 'submitted'], [T1, T2]))).toBe(T2);
  });
});
