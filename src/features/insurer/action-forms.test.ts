import { describe, expect, it } from 'vitest';
import {
  amountField,
  checkAcknowledge,
  checkAssessment,
  checkPayout,
  parseYuan,
} from './action-forms';
import { filterFromSearch, queryOf, searchOf } from './packet-filters';
import { callbackClock, nextStep } from './packet-model';

const V1 = '0190a000-0000-7000-8000-0000000000a2';
const V2 = '0190a000-0000-7000-8000-0000000000a4';

describe('parseYuan', () => {
  it('reads amounts as typed, with separators and up to two decimals', () => {
    expect(parseYuan('3,200.50', 'f')).toBe(3200.5);
    expect(parseYuan(' 800 ', 'f')).toBe(800);
    expect(parseYuan('', 'f')).toEqual({ field: 'f', key: 'amountMissing' });
    expect(parseYuan('12.345', 'f')).toEqual({ field: 'f', key: 'amountInvalid' });
    expect(parseYuan('-5', 'f')).toEqual({ field: 'f', key: 'amountInvalid' });
    expect(parseYuan('100000001', 'f')).toMatchObject({ key: 'amountTooLarge' });
  });
});

describe('checkAssessment', () => {
  it('sends the uploaded photos’ hashes, and waits while one is unfinished', () => {
    const draft = { amounts: { [V1]: '1200' }, assessor: '王定损', note: '' };
    const sha = 'b'.repeat(64);
    const done = checkAssessment(draft, [V1], { hashes: [sha], pending: false, failed: false });
    expect(done).toMatchObject({ ok: true, body: { photos: [sha] } });
    const none = checkAssessment(draft, [V1], { hashes: [], pending: false, failed: false });
    expect(none.ok && 'photos' in none.body).toBe(false);
    expect(checkAssessment(draft, [V1], { hashes: [], pending: true, failed: false })).toEqual({
      ok: false,
      problems: [{ field: 'assess-photos', key: 'photosPending' }],
    });
    expect(checkAssessment(draft, [V1], { hashes: [sha], pending: false, failed: true })).toEqual({
      ok: false,
      problems: [{ field: 'assess-photos', key: 'photosFailed' }],
    });
  });

  it('names each vehicle without an amount and the missing assessor', () => {
    const r = checkAssessment({ amounts: { [V1]: '1200' }, assessor: ' ', note: '' }, [V1, V2]);
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: amountField(V2), key: 'amountMissing' },
        { field: 'assess-assessor', key: 'required' },
      ],
    });
  });

  it('makes the contract’s body, trimmed, without an empty note', () => {
    const r = checkAssessment({ amounts: { [V1]: '1200.5' }, assessor: ' 王定损 ', note: '' }, [
      V1,
    ]);
    expect(r).toEqual({
      ok: true,
      body: { vehicles: [{ vehicleId: V1, amountYuan: 1200.5 }], assessor: '王定损' },
    });
  });
});

describe('checkPayout', () => {
  const draft = { amount: '1200', paidOn: '2026-12-06', reference: 'TX-1', note: ' 已到账 ' };
  it('makes the body', () => {
    expect(checkPayout(draft, '2026-12-06')).toEqual({
      ok: true,
      body: { amountYuan: 1200, paidOn: '2026-12-06', reference: 'TX-1', note: '已到账' },
    });
  });
  it('refuses a day that does not exist, a day ahead, and a missing reference', () => {
    const keys = (d: typeof draft) => {
      const r = checkPayout(d, '2026-12-06');
      return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.key}`);
    };
    expect(keys({ ...draft, paidOn: '2026-02-30' })).toEqual(['payout-date:dateInvalid']);
    expect(keys({ ...draft, paidOn: '2026-12-07' })).toEqual(['payout-date:dateFuture']);
    expect(keys({ ...draft, reference: '', amount: 'x' })).toEqual([
      'payout-amount:amountInvalid',
      'payout-reference:required',
    ]);
  });
});

describe('checkAcknowledge', () => {
  it('sends no note when none was typed, and refuses one too long', () => {
    expect(checkAcknowledge('  ')).toEqual({ ok: true, body: {} });
    expect(checkAcknowledge('x'.repeat(501))).toMatchObject({ ok: false });
  });
});

describe('callbackClock', () => {
  const due = '2026-12-06T02:10:00.000Z';
  const at = (iso: string) => Date.parse(iso);
  it('counts the minutes left, then the minutes overdue, and stops once called back', () => {
    expect(callbackClock('new', due, at('2026-12-06T02:03:30.000Z'))).toEqual({
      kind: 'left',
      minutes: 7,
    });
    expect(callbackClock('new', due, at('2026-12-06T02:25:00.000Z'))).toEqual({
      kind: 'overdue',
      minutes: 15,
    });
    expect(callbackClock('acknowledged', due, at('2026-12-06T02:25:00.000Z'))).toEqual({
      kind: 'stopped',
    });
  });
  it('believes the server’s overdue over a phone clock behind', () => {
    expect(callbackClock('new', due, at('2026-12-06T02:00:00.000Z'), true).kind).toBe('overdue');
  });
});

describe('nextStep and the filters', () => {
  it('asks for the step the status allows', () => {
    expect(
      ['new', 'acknowledged', 'assessed', 'paid', 'withdrawn'].map((s) => nextStep(s as never)),
    ).toEqual(['acknowledge', 'assessment', 'payout', undefined, undefined]);
  });
  it('keeps the filter in the address and asks for it', () => {
    expect(queryOf(filterFromSearch('?overdue=1'))).toEqual({ overdue: '1' });
    expect(queryOf(filterFromSearch('?status=paid'))).toEqual({ status: 'paid' });
    expect(queryOf(filterFromSearch('?status=bogus'))).toEqual({});
    expect(searchOf({ kind: 'status', status: 'new' })).toBe('?status=new');
  });
});
