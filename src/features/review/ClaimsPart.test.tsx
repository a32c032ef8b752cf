// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reviewerSession, servicesWith, TOKEN } from '../../../tests/builders/review.builder';
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

const server = setupServer();
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([reviewMessages], 'zh-CN');
  URL.createObjectURL = () => 'blob:assessment-photo';
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

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

  it('shows the photos an insurer attached to its assessment, read with the reviewer’s token', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const seen: string[] = [];
    server.use(
      http.get(
        `${location.origin}/api/claims/:id/assessment-photos/:sha`,
        ({ request, params }) => {
          seen.push(`${String(params['id'])} ${request.headers.get('authorization')}`);
          return HttpResponse.arrayBuffer(bytes.buffer, {
            headers: { 'content-type': 'image/jpeg' },
          });
        },
      ),
    );
    const photos = [{ sha256, byteLength: bytes.length, mediaType: 'image/jpeg' as const }];
    const assessed = { ...paid, assessment: { ...paid.assessment!, photos } };
    const Wrapper = servicesWith(reviewerSession().store);
    render(<ClaimsPart claims={[assessed]} now={NOW} />, { wrapper: Wrapper });
    expect(screen.getByText('定损照片（1 张）')).toBeTruthy();
    const open = await screen.findByRole('button', { name: /人保财险 定损照片 1/ });
    await waitFor(() => expect(open).toHaveProperty('disabled', false));
    expect(seen).toEqual([`${paid.id} Bearer ${TOKEN}`]);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});
