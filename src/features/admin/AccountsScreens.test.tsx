// @vitest-environment jsdom
/**
 * The admin's accounts, units and phones screens: reached from the admin
 * home; a new account checked before it is sent (each problem on its field),
 * a server's refusal put on the field it concerns; disabling and a new
 * password said in the card; a unit created; a phone revoked only after the
 * second, confirming press.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import {
  INSURERS,
  PICC,
  adminPath,
  atWidth,
  errorBody,
  listHandlers,
  renderAdminAt,
  BRIGADE,
} from '../../../tests/builders/webhooks.builder';
import type { AdminUser } from '../../contracts/admin';
import type { Unit } from '../../contracts/auth';
import type { Device } from '../../contracts/devices';
import { accountMessages } from '../../services/account-messages';
import { overdueMessages } from '../../services/overdue-messages';
import { changeLanguage, setupI18n } from '../../ui/i18n/setup';
import { accountsMessages } from './accounts-messages';
import { AdminScreens } from './AdminScreens';
import { adminMessages } from './messages';
import { recoveryRevealMessages } from './recovery-messages';

const server = setupServer();
const PATROL: Unit = {
  id: '0190a000-0000-7000-8000-0000000000c1',
  name: '城关巡逻中队',
  kind: 'patrol-squad',
  brigadeId: BRIGADE.id,
};
const ACCIDENT: Unit = {
  ...PATROL,
  id: '0190a000-0000-7000-8000-0000000000c2',
  name: '事故中队',
  kind: 'accident-squad',
};
const OFFICER: AdminUser = {
  id: '0190a000-0000-7000-8000-0000000000f1',
  username: 'zhang.wei',
  displayName: '张伟',
  role: 'officer',
  unitId: PATROL.id,
  insurerId: null,
  disabled: false,
  createdAt: '2026-11-01T02:00:00.000Z',
};
const sent: { path: string; body: unknown }[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n(
    [adminMessages, accountMessages, overdueMessages, accountsMessages, recoveryRevealMessages],
    'zh-CN',
  );
  await Promise.all([
    import('./AccountsScreen'),
    import('./UnitsScreen'),
    import('./DevicesScreen'),
  ]);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  sent.length = 0;
  history.replaceState(null, '', '/');
});
afterAll(() => server.close());

function directoryHandlers(answer?: { users?: () => Response; units?: () => Response }) {
  const record = async (request: Request) => {
    const body: unknown = request.method === 'POST' ? await request.json().catch(() => null) : null;
    sent.push({ path: new URL(request.url).pathname, body });
  };
  server.use(
    ...listHandlers({}),
    http.get(adminPath('/users'), () => HttpResponse.json({ users: [OFFICER] })),
    http.get(adminPath('/units'), () => HttpResponse.json({ units: [PATROL, ACCIDENT] })),
    http.get(adminPath('/brigades'), () => HttpResponse.json({ brigades: [BRIGADE] })),
    http.post(adminPath('/users'), async ({ request }) => {
      await record(request);
      const body = sent.at(-1)?.body as Partial<AdminUser>;
      return (
        answer?.users?.() ??
        HttpResponse.json(
          { ...OFFICER, ...body, id: '0190a000-0000-7000-8000-0000000000f2' },
          { status: 201 },
        )
      );
    }),
    http.post(adminPath('/users/:id/disable'), async ({ request }) => {
      await record(request);
      return HttpResponse.json({ ...OFFICER, disabled: true });
    }),
    http.post(adminPath('/users/:id/password'), async ({ request }) => {
      await record(request);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(adminPath('/units'), async ({ request }) => {
      await record(request);
      const body = sent.at(-1)?.body as Partial<Unit>;
      return (
        answer?.units?.() ??
        HttpResponse.json(
          { ...PATROL, ...body, id: '0190a000-0000-7000-8000-0000000000c3' },
          { status: 201 },
        )
      );
    }),
  );
}

const field = (name: string) => screen.getByLabelText(name, { exact: false });
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const create = () => fireEvent.click(screen.getByRole('button', { name: '新建账号' }));

describe('the admin home', () => {
  it('links to the accounts, units and phones', async () => {
    server.use(...listHandlers({}));
    renderAdminAt('/admin', AdminScreens);
    const part = await screen.findByRole('region', { name: '账号、单位和手机' });
    for (const [name, href] of [
      ['账号管理', '/admin/accounts'],
      ['单位管理', '/admin/units'],
      ['手机登记', '/admin/devices'],
    ]) {
      expect(within(part).getByRole('link', { name })).toHaveProperty(
        'href',
        `${location.origin}${href}`,
      );
    }
  });
});

describe('a new account', () => {
  it('names every missing field and sends nothing', async () => {
    atWidth(360);
    directoryHandlers();
    renderAdminAt('/admin/accounts', AdminScreens);
    await screen.findByRole('heading', { name: '新建账号' });
    type('用户名', 'Zhang Wei');
    type('初始密码', 'abc');
    create();
    await waitFor(() => expect(field('用户名').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('用户名只能是 3–32 个小写字母、数字、点、横线或下划线')).toBeTruthy();
    expect(screen.getByText('请选择所属单位')).toBeTruthy();
    expect(screen.getByText('密码至少 10 个字符')).toBeTruthy();
    expect(sent).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(field('用户名')));
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('offers an officer only units an officer works in, and sends the account', async () => {
    directoryHandlers();
    renderAdminAt('/admin/accounts', AdminScreens);
    await screen.findByRole('heading', { name: '新建账号' });
    const units = within(field('所属单位'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(units).toEqual(['请选择', '城关巡逻中队（巡逻中队）']);
    type('用户名', 'li.na');
    type('姓名', '李娜');
    type('所属单位', PATROL.id);
    type('初始密码', 'river stone 17 lamp');
    create();
    expect(await screen.findByText('已新建 李娜（li.na）的账号。')).toBeTruthy();
    expect(sent).toEqual([
      {
        path: '/api/admin/users',
        body: {
          username: 'li.na',
          displayName: '李娜',
          role: 'officer',
          unitId: PATROL.id,
          password: 'river stone 17 lamp',
        },
      },
    ]);
    expect(screen.getAllByTestId('account-card').map((c) => c.dataset['username'])).toContain(
      'li.na',
    );
  });

  it('puts the server’s refusal on the field it concerns', async () => {
    directoryHandlers({ users: () => errorBody(409, 'username_taken') });
    renderAdminAt('/admin/accounts', AdminScreens);
    await screen.findByRole('heading', { name: '新建账号' });
    type('身份', 'insurer');
    type('用户名', 'zhang.wei');
    type('姓名', '张伟');
    type('所属保险公司', PICC);
    type('初始密码', 'river stone 17 lamp');
    create();
    expect(await screen.findByText('这个用户名已被使用，请换一个')).toBeTruthy();
    expect(INSURERS.insurers.some((i) => i.id === PICC)).toBe(true);
  });
});

describe('an account’s card', () => {
  it('disables the account and says so; a new password is checked, then sent', async () => {
    directoryHandlers();
    renderAdminAt('/admin/accounts', AdminScreens);
    const card = (await screen.findAllByTestId('account-card'))[0] as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: '停用 张伟 的账号' }));
    expect(await within(card).findByText('张伟 的账号已停用，其所有登录已失效。')).toBeTruthy();
    expect(within(card).getByText('已停用')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: '为 张伟 重设密码' }));
    fireEvent.change(within(card).getByLabelText('张伟 的新密码', { exact: false }), {
      target: { value: 'short' },
    });
    fireEvent.click(within(card).getByRole('button', { name: '保存新密码' }));
    expect(await within(card).findByText('密码至少 10 个字符')).toBeTruthy();
    fireEvent.change(within(card).getByLabelText('张伟 的新密码', { exact: false }), {
      target: { value: 'river stone 17 lamp' },
    });
    fireEvent.click(within(card).getByRole('button', { name: '保存新密码' }));
    expect(await within(card).findByText('已为 张伟 重设密码，其所有登录已失效。')).toBeTruthy();
    expect(sent.map((s) => s.path)).toEqual([
      `/api/admin/users/${OFFICER.id}/disable`,
      `/api/admin/users/${OFFICER.id}/password`,
    ]);
  });
});

describe('units', () => {
  it('creates a unit; a taken name is said on the name field', async () => {
    directoryHandlers();
    renderAdminAt('/admin/units', AdminScreens);
    await screen.findByRole('heading', { name: '新建单位' });
    const list = await screen.findByTestId('unit-list');
    expect(within(list).getByText('城关巡逻中队')).toBeTruthy();
    expect(within(list).getAllByText('巡逻中队 · 1 个账号')).toHaveLength(1);
    type('单位名称', '乌兰劝导站');
    type('类型', 'rural-station');
    fireEvent.click(screen.getByRole('button', { name: '新建单位' }));
    expect(await screen.findByText('已新建乌兰劝导站。')).toBeTruthy();
    expect(sent[0]?.body).toEqual({
      brigadeId: BRIGADE.id,
      name: '乌兰劝导站',
      kind: 'rural-station',
    });
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('says a taken name on the field', async () => {
    directoryHandlers({ units: () => errorBody(409, 'unit_name_taken') });
    renderAdminAt('/admin/units', AdminScreens);
    await screen.findByRole('heading', { name: '新建单位' });
    type('单位名称', '城关巡逻中队');
    fireEvent.click(screen.getByRole('button', { name: '新建单位' }));
    expect(await screen.findByText('这个大队已有同名单位')).toBeTruthy();
    expect(field('单位名称').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('enrolled phones', () => {
  const PHONE: Device = {
    id: '0190a000-0000-7000-8000-0000000000a1',
    userId: OFFICER.id,
    label: '巡逻车3号手机',
    publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'B'.repeat(43) },
    createdAt: '2026-11-02T02:00:00.000Z',
    revokedAt: null,
  };

  it('revokes a phone only after the confirming press', async () => {
    const revoked: string[] = [];
    server.use(
      http.get(adminPath('/users'), () => HttpResponse.json({ users: [OFFICER] })),
      http.get(`${location.origin}/api/devices`, () => HttpResponse.json({ devices: [PHONE] })),
      http.delete(`${location.origin}/api/devices/:id`, ({ params }) => {
        revoked.push(String(params['id']));
        return HttpResponse.json({ ...PHONE, revokedAt: '2026-12-06T02:00:00.000Z' });
      }),
    );
    renderAdminAt('/admin/devices', AdminScreens);
    const card = await screen.findByTestId('device-card');
    expect(within(card).getByText('张伟（zhang.wei）')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '吊销登记：巡逻车3号手机（张伟）' }));
    expect(revoked).toEqual([]);
    fireEvent.click(within(card).getByRole('button', { name: '确认吊销' }));
    expect(await within(card).findByText('已吊销“巡逻车3号手机”的登记。')).toBeTruthy();
    expect(revoked).toEqual([PHONE.id]);
    expect(within(card).queryByRole('button', { name: /吊销/ })).toBeNull();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('reads a phone’s recovery code out only with a reason, and says when it has none, in English too', async () => {
    const reasons: unknown[] = [];
    let answer: 'code' | 'none' = 'none';
    server.use(
      http.get(adminPath('/users'), () => HttpResponse.json({ users: [OFFICER] })),
      http.get(`${location.origin}/api/devices`, () => HttpResponse.json({ devices: [PHONE] })),
      http.post(adminPath('/devices/:id/recovery-code/reveal'), async ({ request }) => {
        reasons.push(await request.json());
        if (answer === 'none') return errorBody(404, 'no_recovery_code');
        return HttpResponse.json({
          codeId: '0190a000-0000-7000-8000-0000000000b1',
          code: '4539148803436467',
          issuedAt: '2026-12-01T02:00:00.000Z',
          deviceId: PHONE.id,
          userId: OFFICER.id,
        });
      }),
    );
    renderAdminAt('/admin/devices', AdminScreens);
    const card = await screen.findByTestId('device-card');
    fireEvent.click(
      within(card).getByRole('button', { name: '读出恢复码：巡逻车3号手机（张伟）' }),
    );
    fireEvent.change(within(card).getByLabelText('查看原因'), { target: { value: ' 忘记 ' } });
    fireEvent.click(within(card).getByRole('button', { name: '显示恢复码' }));
    expect(await within(card).findByText('请写明原因，至少 4 个字。')).toBeTruthy();
    expect(reasons).toEqual([]);
    expect(await axeViolationsIn(document.body)).toEqual([]);

    fireEvent.change(within(card).getByLabelText('查看原因'), {
      target: { value: '张伟无信号，忘记 PIN 码' },
    });
    fireEvent.click(within(card).getByRole('button', { name: '显示恢复码' }));
    expect((await within(card).findByRole('alert')).textContent).toContain('没有可用的恢复码');
    answer = 'code';
    fireEvent.click(within(card).getByRole('button', { name: '显示恢复码' }));
    expect((await within(card).findByTestId('recovery-code')).textContent).toBe(
      '4539 1488 0343 6467',
    );
    expect(reasons).toEqual([
      { reason: '张伟无信号，忘记 PIN 码' },
      { reason: '张伟无信号，忘记 PIN 码' },
    ]);
    await changeLanguage('en');
    expect(
      await within(card).findByRole('heading', { name: 'Recovery code of 张伟' }),
    ).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
    await changeLanguage('zh-CN');
  });
});
