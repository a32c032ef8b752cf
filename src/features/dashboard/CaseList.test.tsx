// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { reviewerSession, servicesWith } from '../../../tests/builders/review.builder';
import type { DashboardCasesPage } from '../../contracts/dashboard';
import type { Role } from '../../contracts/route';
import { setupI18n } from '../../ui/i18n/setup';
import { CaseList } from './CaseList';
import { dashboardMessages } from './messages';

const server = setupServer();
const UNIT = '0190a3c4-0000-7000-8000-000000000001';
const CASE = '0190a3c4-0000-7000-8000-0000000000c1';
const asked: URLSearchParams[] = [];

const PAGE: DashboardCasesPage = {
  items: [
    {
      id: CASE,
      caseNumber: 'KC20261103-0001',
      arrivedAt: '2026-11-03T02:00:00.000Z',
      seconds: 3900,
    },
  ],
  total: 21,
  page: 1,
  pageSize: 20,
};

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([dashboardMessages], 'zh-CN');
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

function show(role: Role, over = false) {
  server.use(
    http.get(`${location.origin}/api/dashboard/cases`, ({ request }) => {
      asked.push(new URL(request.url).searchParams);
      return HttpResponse.json(PAGE);
    }),
  );
  const Wrapper = servicesWith(reviewerSession().store);
  render(
    <Wrapper>
      <CaseList
        view={{
          groupBy: 'unit',
          page: 1,
          figure: 'liability',
          group: UNIT,
          from: '2026-11-01',
          ...(over && { over: true as const }),
        }}
        figures={undefined}
        role={role}
        onGo={() => undefined}
      />
    </Wrapper>,
  );
}

describe('the cases behind a figure', () => {
  it('lets a reviewer open each case in his workspace, a page at a time', async () => {
    show('reviewer');
    const link = await screen.findByRole('link', { name: 'KC20261103-0001' });
    expect(link.getAttribute('href')).toBe(`/review/${CASE}`);
    expect(screen.getByTestId('dashboard-cases-total').textContent).toBe('共 21 件');
    const row = screen.getByRole('row', { name: /KC20261103-0001/ });
    expect(within(row).getByText('1 小时 5 分')).toBeTruthy();
    expect(screen.getByRole('link', { name: '下一页' }).getAttribute('href')).toContain('page=2');
    expect(Object.fromEntries(asked.at(-1)!)).toMatchObject({
      interval: 'liability',
      group: UNIT,
      from: '2026-11-01',
      page: '1',
      pageSize: '20',
    });
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('shows an admin the numbers only, never a way into a case', async () => {
    show('admin');
    await screen.findByText('KC20261103-0001');
    expect(screen.queryByRole('link', { name: 'KC20261103-0001' })).toBeNull();
    expect(screen.getByText('管理员只能看到案件编号，看不到案件内容。')).toBeTruthy();
  });

  it('asks only the cases over the target, and says so in its title', async () => {
    show('reviewer', true);
    await screen.findByRole('link', { name: 'KC20261103-0001' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      `案件明细：${UNIT}，定责快超过目标`,
    );
    expect(Object.fromEntries(asked.at(-1)!)).toMatchObject({ interval: 'liability', over: '1' });
    // Going back to the table leaves "over" behind.
    expect(screen.getByRole('link', { name: /返回表格/ }).getAttribute('href')).toBe(
      '/dashboard?from=2026-11-01',
    );
  });
});
