// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import {
  ADMIN_TOKEN,
  adminPath,
  atWidth,
  renderAdminAt,
  endpoint,
  errorBody,
  listHandlers,
  PICC,
  SECRET,
  withSecret,
} from '../../../tests/builders/webhooks.builder';
import type { CreateEndpointRequest } from '../../contracts/webhooks';
import { accountMessages } from '../../services/account-messages';
import { setupI18n } from '../../ui/i18n/setup';
import { navigate } from '../../ui/router';
import { AdminScreens } from './AdminScreens';
import { adminMessages } from './messages';

const server = setupServer();
const NEW = `/admin/insurers/${PICC}/endpoints/new`;
const bodies: CreateEndpointRequest[] = [];
const tokens: (string | null)[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([adminMessages, accountMessages], 'zh-CN');
  await Promise.all([import('./AdminHome'), import('./NewEndpoint'), import('./EndpointScreen')]);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  bodies.length = 0;
  tokens.length = 0;
  history.replaceState(null, '', '/');
});
afterAll(() => server.close());

/** The registration screen, the create route answering `answer`. */
function show(
  answer: () => Response = () => HttpResponse.json(withSecret(endpoint()), { status: 201 }),
) {
  server.use(
    ...listHandlers({ [PICC]: [endpoint()] }),
    http.post(adminPath('/insurers/:id/endpoints'), async ({ request, params }) => {
      expect(params['id']).toBe(PICC);
      tokens.push(request.headers.get('authorization'));
      bodies.push((await request.json()) as CreateEndpointRequest);
      return answer();
    }),
  );
  renderAdminAt(NEW, AdminScreens);
}

const urlField = () => screen.getByLabelText('推送地址（URL）') as HTMLInputElement;
const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: '登记' }));

describe('registering an endpoint', () => {
  for (const width of [360, 1280]) {
    it(`asks for the address, a description and the private-address choice with its risk, axe-clean at ${width} px`, async () => {
      atWidth(width);
      show();
      expect(await screen.findByRole('heading', { level: 1, name: '登记推送地址' })).toBeTruthy();
      expect(await screen.findByText('保险公司：中国人民财产保险')).toBeTruthy();
      const allow = screen.getByRole('checkbox', { name: '允许内网地址' });
      expect(allow.getAttribute('aria-describedby')).toBe('endpoint-private-warning');
      expect(document.getElementById('endpoint-private-warning')?.textContent).toContain(
        '风险提示',
      );
      expect(await axeViolationsIn(document.body)).toEqual([]);
    });
  }

  it('names the URL field in each refusal and sends nothing until the address is right', async () => {
    show();
    await screen.findByText('保险公司：中国人民财产保险');
    submit();
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('推送地址：请填写保险公司提供的地址。');
    expect(urlField().getAttribute('aria-invalid')).toBe('true');
    expect(urlField().getAttribute('aria-describedby')).toContain('endpoint-url-msg');
    fill('推送地址（URL）', 'claims.example.com');
    submit();
    expect((await screen.findByRole('alert')).textContent).toContain('推送地址：不是有效的网址');
    fill('推送地址（URL）', 'http://10.1.2.3/hook');
    submit();
    expect((await screen.findByRole('alert')).textContent).toContain(
      '推送地址：须以 https:// 开头',
    );
    fill('说明（可不填）', 'x'.repeat(201));
    fill('推送地址（URL）', 'https://claims.picc.example/kuaichu');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('说明：太长，最多 200 个字。');
    expect(urlField().getAttribute('aria-invalid')).toBeNull();
    expect(bodies).toEqual([]);
  });

  it('words the server’s endpoint_refused under the URL field', async () => {
    show(() => errorBody(400, 'endpoint_refused'));
    await screen.findByText('保险公司：中国人民财产保险');
    fill('推送地址（URL）', 'https://intranet.example/hook');
    submit();
    await waitFor(() => expect(bodies).toHaveLength(1));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('推送地址：服务器拒绝了这个地址');
    expect(error.closest('.field')?.querySelector('input')).toBe(urlField());
    expect(urlField().getAttribute('aria-invalid')).toBe('true');
    expect(document.body.textContent).not.toMatch(/endpoint_refused|400/);
    expect(screen.queryByTestId('secret-once')).toBeNull();
  });

  it('words other failures as an alert and keeps what was typed', async () => {
    show(() => errorBody(403, 'forbidden_role'));
    await screen.findByText('保险公司：中国人民财产保险');
    fill('推送地址（URL）', 'https://claims.picc.example/kuaichu');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe('这个账号没有权限。');
    expect(urlField().value).toBe('https://claims.picc.example/kuaichu');
  });

  it('names the field in English too', async () => {
    const { default: i18n } = await import('i18next');
    await i18n.changeLanguage('en');
    try {
      show(() => errorBody(400, 'endpoint_refused'));
      await screen.findByText('Insurer: 中国人民财产保险');
      fireEvent.click(screen.getByRole('button', { name: 'Register' }));
      expect((await screen.findByRole('alert')).textContent).toBe(
        'Delivery address: enter the address the insurer gave.',
      );
      fireEvent.change(screen.getByLabelText('Delivery address (URL)'), {
        target: { value: 'https://intranet.example/hook' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Register' }));
      await waitFor(() => expect(bodies).toHaveLength(1));
      expect((await screen.findByRole('alert')).textContent).toMatch(
        /^Delivery address: the server refused it/,
      );
      expect(screen.getByRole('checkbox', { name: 'Allow a private address' })).toBeTruthy();
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});

describe('the secret, shown once', () => {
  it('sends the registration, then shows the secret once with a copy button', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    show();
    await screen.findByText('保险公司：中国人民财产保险');
    fill('推送地址（URL）', ' http://10.1.2.3/hook ');
    fill('说明（可不填）', '测试环境');
    fireEvent.click(screen.getByRole('checkbox', { name: '允许内网地址' }));
    submit();
    const secret = await screen.findByTestId('secret-once');
    expect(bodies).toEqual([
      { url: 'http://10.1.2.3/hook', description: '测试环境', allowPrivate: true },
    ]);
    expect(tokens).toEqual([`Bearer ${ADMIN_TOKEN}`]);
    expect((within(secret).getByLabelText('密钥') as HTMLInputElement).value).toBe(SECRET);
    expect(secret.textContent).toContain('这个密钥只显示这一次，离开本页后不会再显示');
    fireEvent.click(within(secret).getByRole('button', { name: '复制密钥' }));
    expect(await within(secret).findByText('已复制到剪贴板。')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(screen.getByRole('link', { name: '查看这个推送地址' })).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);

    // Leaving the page lets the secret go: back at the registration, the form is empty.
    act(() => navigate('/admin'));
    await screen.findByRole('heading', { level: 1, name: '大队管理' });
    expect(document.body.textContent).not.toContain(SECRET);
    act(() => navigate(NEW));
    await screen.findByText('保险公司：中国人民财产保险');
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.queryByTestId('secret-once')).toBeNull();
    expect(urlField().value).toBe('');
  });

  it('says when the secret could not be copied', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    show();
    await screen.findByText('保险公司：中国人民财产保险');
    fill('推送地址（URL）', 'https://claims.picc.example/kuaichu');
    submit();
    fireEvent.click(await screen.findByRole('button', { name: '复制密钥' }));
    expect(await screen.findByText('无法自动复制，请选中上面的密钥手动复制。')).toBeTruthy();
  });
});
