// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { aPacketList, aSummary } from '../../../tests/builders/packet.builder';
import { reviewerSession, servicesWith } from '../../../tests/builders/review.builder';
import { accountMessages } from '../../services/account-messages';
import { setupI18n } from '../../ui/i18n/setup';
import i18n from 'i18next';
import { insurerMessages } from './messages';
import { PacketListScreen } from './PacketListScreen';

const server = setupServer();
const asked: URLSearchParams[] = [];
const LATE = '0190a000-0000-7000-8000-0000000000f2';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([insurerMessages, accountMessages], 'zh-CN');
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  asked.length = 0;
  history.replaceState(null, '', '/');
  await i18n.changeLanguage('zh-CN');
});
afterAll(() => server.close());

/** One packet called back, one far past its call-back target. */
function show(search = '') {
  history.replaceState(null, '', `/insurer${search}`);
  server.use(
    http.get(`${location.origin}/api/packets`, ({ request }) => {
      asked.push(new URL(request.url).searchParams);
      return HttpResponse.json(
        aPacketList([
          aSummary({
            id: LATE,
            caseNumber: 'KC20261206-000002',
            overdue: true,
            callbackDueAt: '2026-12-06T01:00:00.000Z',
            insuredPlates: ['川A55555'],
          }),
          aSummary({
            status: 'acknowledged',
            acknowledgedAt: '2026-12-06T02:05:00.000Z',
            callbackDueAt: '2099-01-01T00:00:00.000Z',
          }),
        ]),
      );
    }),
  );
  const Wrapper = servicesWith(reviewerSession().store);
  render(
    <Wrapper>
      <PacketListScreen />
    </Wrapper>,
  );
}

describe('PacketListScreen', () => {
  // jsdom lays nothing out: the table (desk) and the cards (phone) are both in the markup,
  // and axe checks both; the browser tests see the width pick one.
  it.each([360, 1280])(
    'shows the packets, their counts and clocks, axe-clean (%i px)',
    async (width) => {
      window.innerWidth = width;
      window.dispatchEvent(new Event('resize'));
      show();
      const table = await screen.findByRole('table', { name: '理赔案件列表，共 2 起' });
      expect(screen.getByRole('heading', { level: 1, name: '保险公司' })).toBeTruthy();
      const row = within(table)
        .getByRole('rowheader', { name: 'KC20261206-000002' })
        .closest('tr')!;
      expect(within(row).getByText('川A55555')).toBeTruthy();
      expect(within(row).getByText('新到')).toBeTruthy();
      // Overdue in words, not only in red.
      const mark = within(row).getByTestId('callback-clock');
      expect(mark.dataset['clock']).toBe('overdue');
      expect(mark.textContent).toMatch(/已超时/);
      const cards = screen.getByRole('list', { name: '理赔案件' });
      expect(within(cards).getAllByRole('link')).toHaveLength(2);
      expect(within(cards).getByText(/已于 .* 回访/)).toBeTruthy();
      const filters = screen.getByRole('navigation', { name: '按进度筛选' });
      expect(within(filters).getByRole('link', { name: '新到（1）' })).toBeTruthy();
      expect(within(filters).getByRole('link', { name: '已回访（1）' })).toBeTruthy();
      expect(within(filters).getByRole('link', { name: '回访超时（1）' })).toBeTruthy();
      expect(within(filters).getByRole('link', { name: '全部' }).getAttribute('aria-current')).toBe(
        'page',
      );
      expect(await axeViolationsIn(document.body)).toEqual([]);
    },
  );

  it('keeps the overdue filter in the address and asks the server for it', async () => {
    show();
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('link', { name: '回访超时（1）' }));
    await waitFor(() => expect(location.search).toBe('?overdue=1'));
    await waitFor(() => expect(asked.at(-1)?.get('overdue')).toBe('1'));
    expect(screen.getByRole('link', { name: '回访超时（1）' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('asks for the status the address names, and speaks English', async () => {
    await i18n.changeLanguage('en');
    show('?status=new');
    await screen.findByRole('table', { name: 'Claims, 2 in all' });
    expect(Object.fromEntries(asked[0]!)).toEqual({ status: 'new' });
    expect(screen.getAllByText(/^⚠ Overdue: not called back/).length).toBeGreaterThan(0);
  });

  it('says in words when the server cannot be reached, with a retry', async () => {
    history.replaceState(null, '', '/insurer');
    server.use(http.get(`${location.origin}/api/packets`, () => HttpResponse.error()));
    const Wrapper = servicesWith(reviewerSession().store);
    render(
      <Wrapper>
        <PacketListScreen />
      </Wrapper>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch('连接不到服务器');
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
