// @vitest-environment jsdom
/**
 * The admin's call-back screens: the brigades' settings (the target checked
 * before it is sent and named in every message, saved with its answer said)
 * and every brigade's overdue packets, reached from the admin home.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import {
  adminPath,
  atWidth,
  errorBody,
  listHandlers,
  renderAdminAt,
  BRIGADE,
} from '../../../tests/builders/webhooks.builder';
import type { BrigadeSettings } from '../../contracts/admin';
import type { OverdueList } from '../../contracts/claims';
import { accountMessages } from '../../services/account-messages';
import { overdueMessages } from '../../services/overdue-messages';
import { setupI18n } from '../../ui/i18n/setup';
import { AdminScreens } from './AdminScreens';
import { adminMessages } from './messages';
import { targetsAdminMessages } from './targets-messages';

const server = setupServer();
const sent: unknown[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([adminMessages, accountMessages, overdueMessages, targetsAdminMessages], 'zh-CN');
  await Promise.all([import('./BrigadeSettingsScreen'), import('./OverdueScreen')]);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  sent.length = 0;
  history.replaceState(null, '', '/');
});
afterAll(() => server.close());

function brigadeHandlers(answer?: () => Response) {
  server.use(
    http.get(adminPath('/brigades'), () => HttpResponse.json({ brigades: [BRIGADE] })),
    http.patch(adminPath('/brigades/:id'), async ({ request }) => {
      const body = (await request.json()) as Partial<BrigadeSettings>;
      sent.push(body);
      return answer?.() ?? HttpResponse.json({ ...BRIGADE, ...body });
    }),
  );
}

const minutesField = () => screen.findByLabelText('回访时限（分钟）');
const save = () => fireEvent.click(screen.getByRole('button', { name: /保存示范县/ }));

describe('the brigades’ call-back settings', () => {
  it('is linked from the admin home', async () => {
    server.use(...listHandlers({}));
    renderAdminAt('/admin', AdminScreens);
    const part = await screen.findByRole('region', { name: '回访时限' });
    expect(within(part).getByRole('link', { name: '大队设置' })).toHaveProperty(
      'href',
      `${location.origin}/admin/brigades`,
    );
    expect(within(part).getByRole('link', { name: '回访超时的理赔资料' })).toHaveProperty(
      'href',
      `${location.origin}/admin/overdue`,
    );
  });

  it('refuses a target out of bounds by naming the field, sending nothing', async () => {
    atWidth(360);
    brigadeHandlers();
    renderAdminAt('/admin/brigades', AdminScreens);
    for (const [typed, words] of [
      ['0', '“回访时限（分钟）”须在 1 至 1440 分钟之间。'],
      ['1441', '“回访时限（分钟）”须在 1 至 1440 分钟之间。'],
      ['2.5', '“回访时限（分钟）”须是整数分钟，例如 10。'],
      ['', '请填写“回访时限（分钟）”。'],
    ] as const) {
      fireEvent.change(await minutesField(), { target: { value: typed } });
      save();
      expect(await screen.findByText(words)).toBeTruthy();
      expect((await minutesField()).getAttribute('aria-invalid')).toBe('true');
    }
    expect(sent).toEqual([]);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('saves the target and the packet mode and says so', async () => {
    brigadeHandlers();
    renderAdminAt('/admin/brigades', AdminScreens);
    fireEvent.change(await minutesField(), { target: { value: '15' } });
    fireEvent.change(screen.getByLabelText('何时生成理赔资料'), { target: { value: 'signed' } });
    save();
    expect(await screen.findByText('已保存：回访时限 15 分钟。')).toBeTruthy();
    expect(sent).toEqual([{ callbackMinutes: 15, packetsOn: 'signed' }]);
    expect((await minutesField()).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('says when the server refused, and keeps what was typed', async () => {
    brigadeHandlers(() => errorBody(400, 'validation_failed'));
    renderAdminAt('/admin/brigades', AdminScreens);
    fireEvent.change(await minutesField(), { target: { value: '20' } });
    save();
    expect((await screen.findByRole('alert')).textContent).toBe('服务器认为填写的内容有误。');
    expect((await minutesField()) as HTMLInputElement).toHaveProperty('value', '20');
  });
});

const OVERDUE: OverdueList = {
  claims: [
    {
      claimId: '0190a000-0000-7000-8000-0000000000c1',
      caseId: '0190a000-0000-7000-8000-0000000000c2',
      caseNumber: 'KC20261206-0001',
      brigadeName: '示范县公安局交警大队',
      insurerId: '0190a000-0000-7000-8000-0000000000d1',
      insurerName: '中国人民财产保险',
      plates: ['川A12345'],
      deliveredAt: '2026-12-06T01:00:00.000Z',
      callbackDueAt: '2026-12-06T01:10:00.000Z',
      minutesOverdue: 65,
    },
  ],
  total: 1,
  asOf: '2026-12-06T02:15:00.000Z',
};

describe('every brigade’s overdue packets', () => {
  it('shows each red with its lateness in words and its brigade, without a way into the case', async () => {
    atWidth(360);
    server.use(http.get(`${location.origin}/api/claims/overdue`, () => HttpResponse.json(OVERDUE)));
    renderAdminAt('/admin/overdue', AdminScreens);
    const card = await screen.findByTestId('overdue-claim');
    expect(within(card).getByTestId('overdue-late').textContent).toBe('⚠ 超时 1 小时 5 分钟');
    expect(card.textContent).toContain('示范县公安局交警大队');
    expect(within(card).queryByRole('link')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('1 份资料回访超时。');
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});
