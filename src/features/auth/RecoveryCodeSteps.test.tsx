// @vitest-environment jsdom
/**
 * The supervisor's recovery code on the lock screen in words: a mistyped code
 * is caught before a try is spent, a wrong one counts down, the right one
 * asks for a new PIN and opens the phone; zh-CN and English, axe.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { useFreshIndexedDb } from '../../../tests/setup/fresh-db';
import { ServicesProvider, type Services } from '../../services/ServicesContext';
import { createVaultSession, type VaultSession } from '../../services/vault-session';
import { changeLanguage, setupI18n } from '../../ui/i18n/setup';
import { LockScreen } from './VaultScreens';
import { vaultMessages } from './vault-messages';

const CODE = { codeId: '0190b3f0-0000-7000-8000-000000000001', code: '4539148803436467' };
let vault: VaultSession;

beforeAll(async () => {
  await setupI18n([vaultMessages], 'zh-CN');
});
beforeEach(async () => {
  useFreshIndexedDb();
  vault = createVaultSession({ iterations: 1_000 });
  await vault.enrol('officer-a', '246813', new Uint8Array(32).fill(5));
  await vault.renewRecoveryCode(async () => CODE);
  vault.lock();
});
afterEach(async () => {
  cleanup();
  await changeLanguage('zh-CN');
});

const withVault = (ui: React.ReactNode) =>
  render(<ServicesProvider services={{ vault } as unknown as Services}>{ui}</ServicesProvider>);

function typeCode(code: string, button = '核对恢复码', label = '恢复码') {
  fireEvent.change(screen.getByLabelText(label), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: button }));
}

describe('the recovery code on the lock screen', () => {
  it('catches a mistyped or short code without a try, counts a wrong one, and opens with the right one and a new PIN', async () => {
    withVault(<LockScreen officerId="officer-a" />);
    fireEvent.click(screen.getByRole('button', { name: '使用督导员的恢复码' }));
    typeCode('4539 1488 0343 6468');
    expect((await screen.findByRole('alert')).textContent).toContain('恢复码有一位不对');
    typeCode('4539 1488');
    expect((await screen.findByText(/现在只有 8 位/)).textContent).toBe(
      '恢复码是 16 位数字，现在只有 8 位。',
    );
    expect(await axeViolationsIn(document.body)).toEqual([]);
    typeCode('1234 5678 9012 3452');
    await screen.findByText('恢复码不对，还可以再试 14 次。');

    typeCode('4539 1488 0343 6467');
    await screen.findByText(/恢复码正确/);
    fireEvent.change(screen.getByLabelText('新 PIN 码'), { target: { value: '123456' } });
    fireEvent.change(screen.getByLabelText('再次输入 PIN 码'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '设置新 PIN 码并解锁' }));
    expect((await screen.findByRole('alert')).textContent).toContain('太容易猜到');
    expect(vault.state().kind).toBe('locked');
    fireEvent.change(screen.getByLabelText('新 PIN 码'), { target: { value: '580927' } });
    fireEvent.change(screen.getByLabelText('再次输入 PIN 码'), { target: { value: '580927' } });
    fireEvent.click(screen.getByRole('button', { name: '设置新 PIN 码并解锁' }));
    await expect.poll(() => vault.state()).toEqual({ kind: 'open', officerId: 'officer-a' });
    vault.lock();
    expect(await vault.unlock('officer-a', '580927')).toMatchObject({ kind: 'unlocked' });
  });

  it('in English: past five wrong codes after ten wrong PINs only an online sign-in is left', async () => {
    for (let i = 0; i < 14; i++) await vault.tryRecoveryCode('officer-a', '1234567890123452');
    await changeLanguage('en');
    withVault(<LockScreen officerId="officer-a" />);
    fireEvent.click(screen.getByRole('button', { name: 'Use a supervisor’s recovery code' }));
    expect(await axeViolationsIn(document.body)).toEqual([]);
    typeCode('1234 5678 9012 3452', 'Check the code', 'Recovery code');
    expect((await screen.findByRole('alert')).textContent).toContain('recovery codes are refused');
    expect(screen.queryByLabelText('Recovery code')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Use a supervisor’s recovery code' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Sign in online' }).getAttribute('href')).toBe(
      '/signin',
    );
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});
