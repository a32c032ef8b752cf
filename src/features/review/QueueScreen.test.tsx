// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { queuePage, reviewerSession, servicesWith } from '../../../tests/builders/review.builder';
import { accountMessages } from '../../services/account-messages';
import { setupI18n } from '../../ui/i18n/setup';
import { reviewMessages } from './messages';
import { QueueScreen } from './QueueScreen';

const server = setupServer();
const asked: URLSearchParams[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([reviewMessages, accountMessages], 'zh-CN');
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  asked.length = 0;
  history.replaceState(null, '', '/');
});
afterAll(() => server.close());

function show(search: string, total = 60) {
  history.replaceState(null, '', `/review${search}`);
  server.use(
    http.get(`${location.origin}/api/review/queue`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      asked.push(params);
      return HttpResponse.json({
        ...queuePage('10', total),
        page: Number(params.get('page') ?? '1'),
      });
    }),
  );
  const { store } = reviewerSession();
  const Wrapper = servicesWith(store);
  render(
    <Wrapper>
      <QueueScreen />
    </Wrapper>,
  );
}

describe('QueueScreen', () => {
  it('asks for what the address says and shows the page, the counts and the paging', async () => {
    show('?bucket=new&page=2');
    await screen.findByText('第 2 / 3 页，共 60 起');
    expect(Object.fromEntries(asked[0]!)).toMatchObject({ bucket: 'new', page: '2' });
    expect(screen.getByRole('heading', { level: 1, name: '事故中队审核' })).toBeTruthy();
    const groups = screen.getByRole('navigation', { name: '案件分类' });
    expect(
      within(groups).getByRole('link', { name: '新案件（1）' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(within(groups).getByRole('link', { name: '需要我处理（1）' })).toBeTruthy();
    const table = screen.getByRole('table', { name: '案件列表，共 60 起' });
    expect(within(table).getByRole('rowheader', { name: 'KC20261127-000001' })).toBeTruthy();
    expect(within(table).getByText('民警变更了认定')).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('keeps a filter change in the address, back at page 1', async () => {
    show('?page=2');
    await screen.findByText('第 2 / 3 页，共 60 起');
    fireEvent.change(screen.getByLabelText('提示'), { target: { value: 'refusal' } });
    await waitFor(() => expect(location.search).toBe('?signal=refusal'));
    await waitFor(() => expect(asked.at(-1)?.get('signal')).toBe('refusal'));
    expect(asked.at(-1)?.get('page')).toBe('1');
  });

  it('pages with the next button', async () => {
    show('');
    await screen.findByText('第 1 / 3 页，共 60 起');
    expect(screen.getByRole('button', { name: '上一页' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(location.search).toBe('?page=2'));
    await screen.findByText('第 2 / 3 页，共 60 起');
  });
});
