// @vitest-environment jsdom
/**
 * The lock screen and the PIN setting in words: a wrong PIN counts down, the
 * tenth leaves only an online sign-in; a guessable or mistyped new PIN is
 * refused before anything is asked of the server; zh-CN and English, axe.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { useFreshIndexedDb } from '../../../tests/setup/fresh-db';
import { ServicesProvider, type Services } from '../../services/ServicesContext';
import { createVaultSession, type VaultSession } from '../../services/vault-session';
import { changeLanguage, setupI18n } from '../../ui/i18n/setup';
import { LockScreen, PinSetupScreen } from './VaultScreens';
import { vaultMessages } from './vault-messages';

let vault: VaultSession;

beforeAll(async () => {
  await setupI18n([vaultMessages], 'zh-CN');
});
beforeEach(async () => {
  useFreshIndexedDb();
  vault = createVaultSession({ iterations: 1_000 });
  await vault.enrol('officer-a', '246813', new Uint8Array(32).fill(5));
  vault.lock();
});
afterEach(async () => {
  cleanup();
  await changeLanguage('zh-CN');
});

const withVault = (ui: React.ReactNode) =>
  render(<ServicesProvider services={{ vault } as unknown as Services}>{ui}</ServicesProvider>);

async function tryPin(pin: string, button = '解锁', label = 'PIN 码') {
  fireEvent.change(screen.getByLabelText(label), { target: { value: pin } });
  fireEvent.click(screen.getByRole('button', { name: button }));
}

describe('LockScreen', () => {
  it('counts wrong PINs down and opens with the right one', async () => {
    withVault(<LockScreen officerId="officer-a" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('本机已锁定');
    await tryPin('111333');
    expect((await screen.findByRole('alert')).textContent).toBe('PIN 码不正确，还可以再试 9 次。');
    expect(await axeViolationsIn(document.body)).toEqual([]);
    await tryPin('246813');
    await screen.findByRole('button', { name: '解锁' });
    await expect.poll(() => vault.state()).toEqual({ kind: 'open', officerId: 'officer-a' });
  });

  it('after the tenth wrong PIN offers only an online sign-in, in English too', async () => {
    for (let i = 0; i < 9; i++) await vault.unlock('officer-a', '000111');
    withVault(<LockScreen officerId="officer-a" />);
    await tryPin('000111');
    expect((await screen.findByRole('alert')).textContent).toContain('请联网后重新登录');
    expect(screen.queryByLabelText('PIN 码')).toBeNull();
    await changeLanguage('en');
    expect((await screen.findByRole('link', { name: 'Sign in online' })).getAttribute('href')).toBe(
      '/signin',
    );
    expect(screen.getByRole('alert').textContent).toContain('no case on the phone is lost');
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});

describe('PinSetupScreen', () => {
  it('says the brigade requires the PIN, and its idle minutes, in both languages', async () => {
    withVault(<PinSetupScreen required idleMinutes={2} />);
    expect(screen.getByText(/本大队要求每位民警在手机上设置 PIN 码/)).toBeTruthy();
    expect(screen.getByText(/手机闲置 2 分钟或切换到其他应用时自动锁定/)).toBeTruthy();
    await changeLanguage('en');
    expect(
      await screen.findByText(/Your brigade requires every officer to set a PIN/),
    ).toBeTruthy();
    expect(screen.getByText(/locks after 2 minutes idle/)).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('without the requirement says nothing of it, with the default 5 minutes', () => {
    withVault(<PinSetupScreen />);
    expect(screen.queryByText(/本大队要求/)).toBeNull();
    expect(screen.getByText(/手机闲置 5 分钟/)).toBeTruthy();
  });

  it.each([
    ['123456', '123456', '太容易猜到'],
    ['24681', '24681', '至少 6 位'],
    ['246813', '246831', '两次输入的 PIN 码不一致'],
  ])('refuses %s / %s in words before asking the server', async (pin, again, words) => {
    withVault(<PinSetupScreen />);
    fireEvent.change(screen.getByLabelText('新 PIN 码'), { target: { value: pin } });
    fireEvent.change(screen.getByLabelText('再次输入 PIN 码'), { target: { value: again } });
    fireEvent.click(screen.getByRole('button', { name: '设置 PIN 码并加密' }));
    expect((await screen.findByRole('alert')).textContent).toContain(words);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});
