// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import type { Claim } from '../../contracts/claims';
import { insurerTimes } from '../../domain';
import { setupI18n } from '../../ui/i18n/setup';
import { ClaimsPart, claimsProgress } from './ClaimsPart';
import { reviewMessages } from './messages';

const base = {
  caseId: '0190a000-0000-7000-8000-00000000c0de',
  packet: { manifestVersion: 1, manifestHash: 'a'.repeat(64) },
  deliveredAt: '2026-11-27T03:00:00.000Z',
  callbackDueAt: '2026-11-27T03:10:00.000Z',
};
const late: Claim = {
  ...base,
  id: '0190a000-0000-7000-8000-000000000001',
  insurerId: '0190a000-0000-7000-8000-0000000000a1',
  insurerName: '平安保险',
  state: 'delivered',
};
const paid: Claim = {
  ...base,
  id: '0190a000-0000-7000-8000-000000000002',
  insurerId: '0190a000-0000-7000-8000-0000000000b2',
  insurerName: '人保财险',
  state: 'paid',
  acknowledgedAt: '2026-11-27T03:04:00.000Z',
  assessment: { at: '2026-11-27T04:00:00.000Z', amountYuan: 3200 },
  payout: { at: '2026-11-28T02:00:00.000Z', amountYuan: 3200 },
};
const NOW = Date.parse('2026-11-27T03:30:00.000Z');

beforeAll(async () => {
  await setupI18n([reviewMessages], 'zh-CN');
});
afterEach(cleanup);

describe('ClaimsPart', () => {
  it('shows each insurer’s step and an overdue call-back in words, axe-clean', async () => {
    render(<ClaimsPart claims={[late, paid]} now={NOW} />);
    const [first, second] = screen.getAllByTestId('claim');
    expect(first!.dataset.overdue).toBe('true');
    expect(within(first!).getByText(/已超时/)).toBeTruthy();
    expect(second!.dataset.step).toBe('paid');
    expect(second!.dataset.overdue).toBeUndefined();
    expect(within(second!).getAllByText('3200.00')).toHaveLength(2);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('leaves out a withdrawn packet, and gives the five-fast record the insurers’ times', () => {
    const withdrawn = { ...paid, supersededAt: '2026-11-29T00:00:00.000Z' };
    render(<ClaimsPart claims={[withdrawn]} now={NOW} />);
    expect(screen.queryByTestId('claim')).toBeNull();
    expect(insurerTimes(claimsProgress([late, paid]))).toEqual({
      packetDeliveredAt: base.deliveredAt,
    });
    expect(insurerTimes(claimsProgress([paid]))).toEqual({
      packetDeliveredAt: base.deliveredAt,
      assessmentRecordedAt: paid.assessment!.at,
      payoutRecordedAt: paid.payout!.at,
    });
  });
});
