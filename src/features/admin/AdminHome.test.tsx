// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import {
  adminPath,
  atWidth,
  renderAdminAt,
  CPIC,
  endpoint,
  goneEndpoint,
  INSURERS,
  listHandlers,
  PICC,
} from '../../../tests/builders/webhooks.builder';
import { accountMessages } from '../../services/account-messages';
import { setupI18n } from '../../ui/i18n/setup';
import { AdminScreens } from './AdminScreens';
import { adminMessages } from './messages';

const server = setupServer();

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([adminMessages, accountMessages], 'zh-CN');
  // The screens AdminScreens loads lazily, loaded once here so no test waits on a first import.
  await import('./AdminHome');
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  history.replaceState(null, '', '/');
  const { default: i18n } = await import('i18next');
  await i18n.changeLanguage('zh-CN');
});
afterAll(() => server.close());

function show() {
  renderAdminAt('/admin', AdminScreens);
}

const overlapEnd = '2026-12-07T02:00:00.000Z';

describe('the admin home', () => {
  for (const width of [360, 1280]) {
    it(`shows each insurer's endpoints with their state, counts and overlap, axe-clean at ${width} px`, async () => {
      atWidth(width);
      server.use(
        ...listHandlers({
          [PICC]: [endpoint({ previousSecretUntil: overlapEnd }), goneEndpoint()],
          [CPIC]: [],
        }),
      );
      show();
      expect(await screen.findByRole('heading', { level: 1, name: '大队管理' })).toBeTruthy();
      const delivery = screen.getByRole('region', { name: '保险公司推送' });
      const picc = await within(delivery).findByRole('region', { name: /中国人民财产保险/ });
      const cards = await within(picc).findAllByTestId('endpoint-card');
      expect(cards).toHaveLength(2);
      const [live, gone] = cards as [HTMLElement, HTMLElement];
      expect(
        within(live).getByRole('link', { name: 'https://claims.picc.example/kuaichu' }),
      ).toHaveProperty(
        'href',
        `${location.origin}/admin/insurers/${PICC}/endpoints/0190a000-0000-7000-8000-0000000000e1`,
      );
      expect(live.textContent).toContain('生产环境');
      expect(live.textContent).toContain('启用中');
      expect(live.textContent).toContain('待发送 1 · 已送达 12 · 失败 2');
      expect(live.textContent).toContain('更换密钥过渡期至');
      expect(gone.textContent).toContain('已停用：接收方答复 410，表示这个地址已不存在');
      expect(gone.textContent).toContain('（无说明）');
      expect(gone.textContent).not.toContain('过渡期');
      const cpic = within(delivery).getByRole('region', { name: /太平洋财产保险/ });
      expect(await within(cpic).findByText('尚未登记推送地址。')).toBeTruthy();
      expect(
        within(cpic).getByRole('link', { name: '为太平洋财产保险登记推送地址' }),
      ).toHaveProperty('href', `${location.origin}/admin/insurers/${CPIC}/endpoints/new`);
      // The role home's parts are still there.
      expect(screen.getByRole('radio', { name: 'English' })).toBeTruthy();
      expect(await axeViolationsIn(document.body)).toEqual([]);
    });
  }

  it('says in words why the insurers could not be read, and reads again on retry', async () => {
    let asked = 0;
    server.use(
      http.get(adminPath('/insurers'), () => {
        asked++;
        return asked === 1
          ? HttpResponse.json({ error: { code: 'internal', message: 'x' } }, { status: 500 })
          : HttpResponse.json(INSURERS);
      }),
      http.get(adminPath('/insurers/:id/endpoints'), () => HttpResponse.json({ endpoints: [] })),
    );
    show();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('服务器出错，请稍后重试。');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findAllByText('尚未登记推送地址。')).toHaveLength(2);
  });

  it('takes an answer outside the contract as no answer', async () => {
    server.use(http.get(adminPath('/insurers'), () => HttpResponse.json({ insurers: [{}] })));
    show();
    expect((await screen.findByRole('alert')).textContent).toContain('连接不到服务器');
  });

  it('speaks English', async () => {
    const { default: i18n } = await import('i18next');
    await i18n.changeLanguage('en');
    server.use(...listHandlers({ [PICC]: [goneEndpoint()], [CPIC]: [] }));
    show();
    const card = await screen.findByTestId('endpoint-card');
    expect(screen.getByRole('region', { name: 'Insurer delivery' })).toBeTruthy();
    expect(card.textContent).toContain(
      'Disabled: the receiver answered 410, the address no longer exists',
    );
    expect(card.textContent).toContain('Pending 0 · Delivered 3 · Failed 5');
  });
});
