// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import {
  adminPath,
  atWidth,
  renderAdminAt,
  delivery,
  endpoint,
  ENDPOINT,
  errorBody,
  listHandlers,
  PICC,
  SECRET,
  withSecret,
} from '../../../tests/builders/webhooks.builder';
import type { WebhookDelivery, WebhookEndpoint } from '../../contracts/webhooks';
import { accountMessages } from '../../services/account-messages';
import { setupI18n } from '../../ui/i18n/setup';
import { navigate } from '../../ui/router';
import { AdminScreens } from './AdminScreens';
import { adminMessages } from './messages';

const server = setupServer();
const HERE = `/admin/insurers/${PICC}/endpoints/${ENDPOINT}`;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([adminMessages, accountMessages], 'zh-CN');
  await Promise.all([import('./AdminHome'), import('./EndpointScreen')]);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  history.replaceState(null, '', '/');
});
afterAll(() => server.close());

const older = delivery({
  id: 5,
  messageId: 'msg-0190a000-0005',
  caseNumber: 'KC20261204-000005',
  eventType: 'case.returned',
  state: 'delivered',
  attempts: [{ attempt: 1, startedAt: '2026-12-04T01:00:00.000Z', durationMs: 80, status: 204 }],
  nextAttemptAt: undefined,
  deliveredAt: '2026-12-04T01:00:00.080Z',
  createdAt: '2026-12-04T01:00:00.000Z',
});

/** What the screen asked: each deliveries query's state, and each POST with its body. */
interface Asked {
  states: (string | null)[];
  posts: { path: string; body: unknown }[];
}

function show(
  current: WebhookEndpoint = endpoint(),
  deliveries: WebhookDelivery[] = [older, delivery()],
): Asked {
  const asked: Asked = { states: [], posts: [] };
  const record = async (request: Request) => {
    const text = await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    asked.posts.push({ path: new URL(request.url).pathname, body });
    return body;
  };
  server.use(
    ...listHandlers({ [PICC]: [current] }),
    http.get(adminPath('/endpoints/:id/deliveries'), ({ request }) => {
      const state = new URL(request.url).searchParams.get('state');
      asked.states.push(state);
      return HttpResponse.json({
        deliveries: deliveries.filter((d) => state === null || d.state === state),
      });
    }),
    http.post(adminPath('/endpoints/:id/rotate'), async ({ request }) => {
      await record(request);
      return HttpResponse.json(
        withSecret(endpoint({ previousSecretUntil: '2026-12-07T02:00:00.000Z' }), SECRET),
      );
    }),
    http.post(adminPath('/endpoints/:id/enabled'), async ({ request }) => {
      const { enabled } = (await record(request)) as { enabled: boolean };
      return HttpResponse.json(
        endpoint(enabled ? {} : { disabled: { at: '2026-12-06T05:00:00.000Z', reason: 'admin' } }),
      );
    }),
  );
  renderAdminAt(HERE, AdminScreens);
  return asked;
}

const deliveryItems = () => screen.findAllByTestId('delivery');

describe('one endpoint', () => {
  for (const width of [360, 1280]) {
    it(`shows the endpoint and its deliveries newest first with every attempt, axe-clean at ${width} px`, async () => {
      atWidth(width);
      show();
      const summary = await screen.findByTestId('endpoint-summary');
      expect(summary.textContent).toContain('https://claims.picc.example/kuaichu');
      expect(summary.textContent).toContain('中国人民财产保险');
      expect(summary.textContent).toContain('启用中');
      const [newest, oldest] = (await deliveryItems()) as [HTMLElement, HTMLElement];
      expect(within(newest).getByRole('heading', { level: 3 }).textContent).toBe(
        '理赔资料 · KC20261205-000007 失败',
      );
      expect(newest.textContent).toContain('msg-0190a000-0007');
      expect(newest.textContent).toContain('下次尝试');
      const attempts = within(newest).getByRole('table', { name: '尝试记录（共 2 次）' });
      const rows = within(attempts).getAllByRole('row').slice(1);
      expect(
        rows.map((r) =>
          within(r)
            .getAllByRole('cell')
            .map((c) => c.textContent),
        ),
      ).toEqual([
        [expect.any(String), 'HTTP 500', '312 毫秒'],
        [expect.any(String), 'timeout', '10000 毫秒'],
      ]);
      expect(within(oldest).getByRole('heading', { level: 3 }).textContent).toContain('案件退回');
      expect(oldest.textContent).toContain('送达时间');
      expect(await axeViolationsIn(document.body)).toEqual([]);
    });
  }

  it('asks the server for the deliveries in the chosen state', async () => {
    const asked = show();
    await deliveryItems();
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'delivered' } });
    await waitFor(() => expect(asked.states).toEqual([null, 'delivered']));
    await waitFor(async () => expect(await deliveryItems()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'pending' } });
    expect(await screen.findByText('没有符合条件的推送。')).toBeTruthy();
  });

  it('rotates the secret with 24 hours of overlap by default, showing the new one once', async () => {
    const asked = show();
    await screen.findByTestId('endpoint-summary');
    expect((screen.getByLabelText('过渡期（小时）') as HTMLInputElement).value).toBe('24');
    fireEvent.click(screen.getByRole('button', { name: '更换密钥' }));
    const secret = await screen.findByTestId('secret-once');
    expect(asked.posts).toEqual([
      { path: `/api/admin/endpoints/${ENDPOINT}/rotate`, body: { overlapHours: 24 } },
    ]);
    expect((within(secret).getByLabelText('密钥') as HTMLInputElement).value).toBe(SECRET);
    expect(secret.textContent).toContain('离开本页后不会再显示');
    expect(screen.getByTestId('endpoint-summary').textContent).toContain('旧密钥签名至');
    expect(await axeViolationsIn(document.body)).toEqual([]);

    act(() => navigate('/admin'));
    await screen.findByRole('heading', { level: 1, name: '大队管理' });
    act(() => navigate(HERE));
    await screen.findByTestId('endpoint-summary');
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('refuses an overlap outside 0 to 168 hours without asking the server', async () => {
    const asked = show();
    await screen.findByTestId('endpoint-summary');
    fireEvent.change(screen.getByLabelText('过渡期（小时）'), { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: '更换密钥' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '过渡期：请填写 0 到 168 之间的整数小时。',
    );
    fireEvent.change(screen.getByLabelText('过渡期（小时）'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: '更换密钥' }));
    await screen.findByTestId('secret-once');
    expect(asked.posts.map((p) => p.body)).toEqual([{ overlapHours: 0 }]);
  });

  it('disables the endpoint, then enables it again', async () => {
    const asked = show();
    await screen.findByTestId('endpoint-summary');
    fireEvent.click(screen.getByRole('button', { name: '停用这个地址' }));
    expect(await screen.findByText('已停用这个地址。')).toBeTruthy();
    expect(screen.getByTestId('endpoint-summary').textContent).toContain('已停用：由管理员停用');
    fireEvent.click(screen.getByRole('button', { name: '重新启用' }));
    expect(await screen.findByText('已重新启用这个地址。')).toBeTruthy();
    expect(asked.posts).toEqual([
      { path: `/api/admin/endpoints/${ENDPOINT}/enabled`, body: { enabled: false } },
      { path: `/api/admin/endpoints/${ENDPOINT}/enabled`, body: { enabled: true } },
    ]);
  });

  it('says in words when the endpoint is not the insurer’s', async () => {
    show(endpoint({ id: '0190a000-0000-7000-8000-0000000000e9' }));
    expect((await screen.findByRole('alert')).textContent).toContain('服务器上没有找到它');
  });
});

describe('replay', () => {
  function replayAnswers(answer: () => Response) {
    const replayed: string[] = [];
    server.use(
      http.post(adminPath('/deliveries/:id/replay'), ({ params }) => {
        replayed.push(String(params['id']));
        return answer();
      }),
    );
    return replayed;
  }

  it('sends a delivery again and shows it queued', async () => {
    show();
    const replayed = replayAnswers(() =>
      HttpResponse.json(delivery({ state: 'pending', nextAttemptAt: '2026-12-06T05:00:00.000Z' })),
    );
    const [newest] = (await deliveryItems()) as [HTMLElement];
    fireEvent.click(
      within(newest).getByRole('button', { name: '重新发送 KC20261205-000007 的推送' }),
    );
    expect(
      await within(newest).findByText('已重新排队，将以相同的 webhook-id 发送。'),
    ).toBeTruthy();
    expect(replayed).toEqual(['7']);
    expect(within(newest).getByRole('heading', { level: 3 }).textContent).toContain('待发送');
  });

  it('words 409 endpoint_disabled', async () => {
    show();
    replayAnswers(() => errorBody(409, 'endpoint_disabled'));
    const [newest] = (await deliveryItems()) as [HTMLElement];
    fireEvent.click(within(newest).getByRole('button', { name: /重新发送/ }));
    expect((await within(newest).findByRole('alert')).textContent).toBe(
      '这个推送地址已停用，请先重新启用，再重发。',
    );
    expect(document.body.textContent).not.toContain('endpoint_disabled');
  });
});
