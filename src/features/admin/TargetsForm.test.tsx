// @vitest-environment jsdom
/**
 * The brigade's five-fast targets and its phones' lock on its settings
 * screen: each field checked before anything is sent, its problem said on it
 * by name; only the targets (or the lock) sent, the answer said; at 360 px
 * with axe, in Chinese and English.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import {
  adminPath,
  atWidth,
  renderAdminAt,
  BRIGADE,
} from '../../../tests/builders/webhooks.builder';
import type { BrigadeSettings } from '../../contracts/admin';
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
  await import('./BrigadeSettingsScreen');
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  sent.length = 0;
  history.replaceState(null, '', '/');
  await i18n.changeLanguage('zh-CN');
});
afterAll(() => server.close());

function brigadeHandlers() {
  server.use(
    http.get(adminPath('/brigades'), () => HttpResponse.json({ brigades: [BRIGADE] })),
    http.patch(adminPath('/brigades/:id'), async ({ request }) => {
      const body = (await request.json()) as Partial<
        Pick<BrigadeSettings, 'targets' | 'phoneLock'>
      >;
      sent.push(body);
      return HttpResponse.json({
        ...BRIGADE,
        targets: { ...BRIGADE.targets, ...body.targets },
        phoneLock: { ...BRIGADE.phoneLock, ...body.phoneLock },
      });
    }),
  );
}

const targetsForm = () => screen.findByTestId('targets-form');

describe('the brigade’s five-fast targets', () => {
  it('shows the targets, refuses a bad one on its own field by name, sending nothing', async () => {
    atWidth(360);
    brigadeHandlers();
    renderAdminAt('/admin/brigades', AdminScreens);
    const form = await targetsForm();
    expect(
      within(form).getByRole('heading', { name: `${BRIGADE.name}的“五快”时限目标` }),
    ).toBeTruthy();
    const payout = within(form).getByLabelText('理赔快目标（分钟）') as HTMLInputElement;
    expect(payout.value).toBe('10080');
    fireEvent.change(within(form).getByLabelText('定责快目标（分钟）'), {
      target: { value: '1441' },
    });
    fireEvent.change(payout, { target: { value: '7.5' } });
    fireEvent.click(within(form).getByRole('button', { name: /^保存时限目标/ }));
    expect(
      await within(form).findByText('“定责快目标（分钟）”须在 1 至 1440 分钟之间。'),
    ).toBeTruthy();
    expect(within(form).getByText('“理赔快目标（分钟）”须是整数分钟，例如 30。')).toBeTruthy();
    expect(payout.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('取证快目标（分钟）').getAttribute('aria-invalid')).not.toBe(
      'true',
    );
    expect(sent).toEqual([]);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('sends only the targets and says they were saved', async () => {
    brigadeHandlers();
    renderAdminAt('/admin/brigades', AdminScreens);
    const form = await targetsForm();
    fireEvent.change(within(form).getByLabelText('取证快目标（分钟）'), {
      target: { value: '９' },
    });
    fireEvent.change(within(form).getByLabelText('定损快目标（分钟）'), {
      target: { value: '720' },
    });
    fireEvent.click(within(form).getByRole('button', { name: /^保存时限目标/ }));
    expect(await within(form).findByText(`已保存${BRIGADE.name}的“五快”时限目标。`)).toBeTruthy();
    expect(sent).toEqual([{ targets: { ...BRIGADE.targets, evidence: 9, assessment: 720 } }]);
    expect((within(form).getByLabelText('取证快目标（分钟）') as HTMLInputElement).value).toBe('9');
  });

  it('speaks English at 360 px, axe clean', async () => {
    atWidth(360);
    await i18n.changeLanguage('en');
    brigadeHandlers();
    renderAdminAt('/admin/brigades', AdminScreens);
    const form = await targetsForm();
    expect(within(form).getByLabelText('Liability target (minutes)')).toBeTruthy();
    expect(form.textContent).toContain('Assessed → paid; 1 to 129600 minutes (90 days)');
    fireEvent.change(within(form).getByLabelText('Evidence target (minutes)'), {
      target: { value: '' },
    });
    fireEvent.click(within(form).getByRole('button', { name: /^Save targets/ }));
    expect(await within(form).findByText('Fill in “Evidence target (minutes)”.')).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});

describe('the brigade’s phone lock', () => {
  const lockForm = () => screen.findByTestId('phone-lock-form');

  it('refuses numbers out of bounds on their fields, then sends only the lock with the PIN required', async () => {
    atWidth(360);
    brigadeHandlers();
    renderAdminAt('/admin/brigades', AdminScreens);
    const form = await lockForm();
    expect(within(form).getByRole('heading', { name: `${BRIGADE.name}的手机锁定` })).toBeTruthy();
    const idle = within(form).getByLabelText('闲置锁定（分钟）') as HTMLInputElement;
    const hours = within(form).getByLabelText('离线期限（小时）') as HTMLInputElement;
    const pin = within(form).getByLabelText(
      '民警须在手机上设置 PIN 码（加密保存案件）',
    ) as HTMLInputElement;
    expect([idle.value, hours.value, pin.checked]).toEqual(['5', '72', false]);
    fireEvent.change(idle, { target: { value: '90' } });
    fireEvent.change(hours, { target: { value: '4' } });
    fireEvent.click(within(form).getByRole('button', { name: /^保存手机锁定/ }));
    expect(await within(form).findByText('“闲置锁定（分钟）”须在 1 至 60 之间。')).toBeTruthy();
    expect(within(form).getByText('“离线期限（小时）”须在 8 至 720 之间。')).toBeTruthy();
    expect(sent).toEqual([]);
    expect(await axeViolationsIn(document.body)).toEqual([]);

    fireEvent.change(idle, { target: { value: '２' } });
    fireEvent.change(hours, { target: { value: '24' } });
    fireEvent.click(pin);
    fireEvent.click(within(form).getByRole('button', { name: /^保存手机锁定/ }));
    expect(
      await within(form).findByText(
        `已保存${BRIGADE.name}的手机锁定，民警手机下次联网同步时生效。`,
      ),
    ).toBeTruthy();
    expect(sent).toEqual([
      { phoneLock: { idleMinutes: 2, offlineLimitHours: 24, pinRequired: true } },
    ]);
    expect(pin.checked).toBe(true);
  });

  it('speaks English, axe clean', async () => {
    await i18n.changeLanguage('en');
    brigadeHandlers();
    renderAdminAt('/admin/brigades', AdminScreens);
    const form = await lockForm();
    fireEvent.change(within(form).getByLabelText('Idle lock (minutes)'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: /^Save phone lock/ }));
    expect(await within(form).findByText('Fill in “Idle lock (minutes)”.')).toBeTruthy();
    expect(
      within(form).getByLabelText('Officers must set a PIN on the phone (cases stored encrypted)'),
    ).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});
