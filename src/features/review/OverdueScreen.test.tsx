// @vitest-environment jsdom
/**
 * The reviewer's overdue packets (`/review/overdue`): red with the lateness
 * in words, each opening its case, asked again on each poll (a packet that
 * ran late meanwhile appears, a failed poll keeps the list and says so),
 * reached from the queue.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queuePage, reviewerSession, servicesWith } from '../../../tests/builders/review.builder';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import type { OverdueClaim, OverdueList } from '../../contracts/claims';
import { accountMessages } from '../../services/account-messages';
import { overdueMessages } from '../../services/overdue-messages';
import { OVERDUE_POLL_MS } from '../../services/useOverdueClaims';
import { setupI18n } from '../../ui/i18n/setup';
import { reviewMessages } from './messages';
import { ReviewScreens } from './ReviewScreens';

const server = setupServer();

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([reviewMessages, accountMessages, overdueMessages], 'zh-CN');
  await Promise.all([import('./OverdueScreen'), import('./QueueScreen')]);
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  server.resetHandlers();
  history.replaceState(null, '', '/');
  const { default: i18n } = await import('i18next');
  await i18n.changeLanguage('zh-CN');
});
afterAll(() => server.close());

const claim = (n: number, minutesOverdue: number): OverdueClaim => ({
  claimId: `0190a000-0000-7000-8000-00000000c${String(n).padStart(3, '0')}`,
  caseId: `0190a000-0000-7000-8000-00000000d${String(n).padStart(3, '0')}`,
  caseNumber: `KC20261206-000${n}`,
  brigadeName: '示范县公安局交警大队',
  insurerId: '0190a000-0000-7000-8000-0000000000e1',
  insurerName: '中国人民财产保险',
  plates: ['川A12345', '川B67890'],
  deliveredAt: '2026-12-06T01:00:00.000Z',
  callbackDueAt: '2026-12-06T01:10:00.000Z',
  minutesOverdue,
});
const listOf = (...claims: OverdueClaim[]): OverdueList => ({
  claims,
  total: claims.length,
  asOf: '2026-12-06T02:15:00.000Z',
});

/** Answers the overdue route with each answer in turn (the last one again after that). */
function answering(...answers: (OverdueList | number)[]) {
  let call = 0;
  server.use(
    http.get(`${location.origin}/api/claims/overdue`, () => {
      const answer = answers[Math.min(call++, answers.length - 1)]!;
      return typeof answer === 'number'
        ? HttpResponse.json({ error: { code: 'x', message: 'x' } }, { status: answer })
        : HttpResponse.json(answer);
    }),
  );
}

function show(path = '/review/overdue') {
  history.replaceState(null, '', path);
  const Wrapper = servicesWith(reviewerSession().store);
  render(
    <Wrapper>
      <ReviewScreens />
    </Wrapper>,
  );
}

describe('the reviewer’s overdue packets', () => {
  it('shows each red, late in words, with its insurer, plates and due time, opening its case', async () => {
    answering(listOf(claim(1, 65), claim(2, 1)));
    show();
    const cards = await screen.findAllByTestId('overdue-claim');
    expect(cards.map((c) => within(c).getByTestId('overdue-late').textContent)).toEqual([
      '⚠ 超时 1 小时 5 分钟',
      '⚠ 超时 1 分钟',
    ]);
    expect(cards[0]!.className).toContain('overdue-card');
    expect(cards[0]!.textContent).toContain('中国人民财产保险');
    expect(cards[0]!.textContent).toContain('川A12345、川B67890');
    expect(within(cards[0]!).getByRole('link', { name: '案件 KC20261206-0001' })).toHaveProperty(
      'href',
      `${location.origin}/review/0190a000-0000-7000-8000-00000000d001`,
    );
    expect(screen.getByRole('status').textContent).toBe('2 份资料回访超时。');
    expect(screen.getByRole('list', { name: '回访超时' })).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('words the lateness in English, one and many', async () => {
    const { default: i18n } = await import('i18next');
    await i18n.changeLanguage('en');
    answering(listOf(claim(1, 121), claim(2, 1), claim(3, 60)));
    show();
    const late = (await screen.findAllByTestId('overdue-late')).map((e) => e.textContent);
    expect(late).toEqual([
      '⚠ 2 hours 1 minute overdue',
      '⚠ 1 minute overdue',
      '⚠ 1 hour 0 minutes overdue',
    ]);
    expect(screen.getByRole('status').textContent).toBe('3 packets are overdue.');
  });

  it('asks again on each poll: a packet run late appears, a failed poll keeps the list', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    answering(listOf(), listOf(claim(1, 2)), 503);
    show();
    expect(await screen.findByText('没有回访超时的资料。')).toBeTruthy();
    await act(async () => vi.advanceTimersByTime(OVERDUE_POLL_MS));
    expect(await screen.findByTestId('overdue-claim')).toBeTruthy();
    await act(async () => vi.advanceTimersByTime(OVERDUE_POLL_MS));
    expect((await screen.findByRole('alert')).textContent).toContain('服务器出错，请稍后重试。');
    expect(screen.getByTestId('overdue-claim')).toBeTruthy();
  });

  it('says why it has no list, and tries again', async () => {
    answering(503, listOf(claim(1, 3)));
    show();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('服务器出错');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('overdue-claim')).toBeTruthy();
  });

  it('is reached from the queue', async () => {
    server.use(
      http.get(`${location.origin}/api/review/queue`, () => HttpResponse.json(queuePage())),
    );
    show('/review');
    expect(await screen.findByRole('link', { name: '回访超时的理赔资料' })).toHaveProperty(
      'href',
      `${location.origin}/review/overdue`,
    );
  });
});
