// @vitest-environment jsdom
/**
 * The party's page read from the link's fragment alone: the summary, the
 * check code as the officer's phone computed it, the confirmation sent with
 * the vehicle chosen, each refusal in words, a damaged link said plainly.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { proposed, sha256HexSync as sha } from '../../../tests/builders/liability.builder';
import type { PartyConfirmRequest } from '../../contracts/party-confirmations';
import { determinationBytes } from '../../domain/case/determination';
import { confirmSummary, encodeConfirmFragment } from '../../domain/case/party-confirm';
import { changeLanguage, setupI18n } from '../../ui/i18n/setup';
import { ConfirmScreen } from './ConfirmScreen';
import { confirmMessages } from './messages';

const server = setupServer();
const record = { ...proposed(), location: { address: '川藏线 G318 K123+400' } };
const hash = sha(determinationBytes(record));
const summary = confirmSummary(record, hash);
const sent: PartyConfirmRequest[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([confirmMessages], 'zh-CN');
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  sent.length = 0;
  await changeLanguage('zh-CN');
});
afterAll(() => server.close());

function open(fragment: string) {
  window.history.replaceState(null, '', `/confirm#${fragment}`);
  return render(<ConfirmScreen />);
}

function answer(status: number, body: object) {
  server.use(
    http.post(`${location.origin}/api/party-confirmations`, async ({ request }) => {
      sent.push((await request.json()) as PartyConfirmRequest);
      return HttpResponse.json(body, { status });
    }),
  );
}

const confirmAs = (label: string) => {
  fireEvent.click(screen.getByRole('radio', { name: new RegExp(`^${label} `) }));
  fireEvent.click(screen.getByRole('button', { name: '确认认定书' }));
};

describe('ConfirmScreen', () => {
  it('shows the summary and the check code the PDF prints, from the fragment alone', async () => {
    open(encodeConfirmFragment(summary));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('确认事故认定书');
    expect(screen.getByText(record.caseNumber)).toBeTruthy();
    expect(screen.getByText('川藏线 G318 K123+400')).toBeTruthy();
    expect(screen.getByTestId('confirm-hash').textContent).toBe(hash);
    const lines = [...screen.getByTestId('confirm-vehicles').querySelectorAll('li')];
    expect(lines.map((li) => li.textContent)).toEqual(
      record.vehicles.map(
        (v) => `${v.label} 车 ${v.plate}：${v.label === 'B' ? '全部责任' : '无责任'}`,
      ),
    );
    // Nothing is sent until a vehicle is chosen and "confirm" pressed.
    expect(screen.getByRole('button', { name: '确认认定书' }).hasAttribute('disabled')).toBe(true);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('sends the case, the hash and the vehicle chosen, and says it was recorded', async () => {
    answer(200, {
      caseId: record.id,
      caseNumber: record.caseNumber,
      vehicle: 'B',
      sha256: hash,
      confirmedAt: '2026-11-27T03:00:00.000Z',
      already: false,
    });
    open(encodeConfirmFragment(summary));
    confirmAs('B');
    const outcome = await screen.findByText(/^已确认：B 车当事人于 .+ 确认了这份认定书。$/);
    expect(outcome.getAttribute('role')).toBe('status');
    expect(sent).toEqual([{ caseId: record.id, sha256: hash, vehicle: 'B' }]);
  });

  it.each([
    [404, 'case_not_found', '服务器还没有收到这起案件'],
    [409, 'determination_mismatch', '这份认定书与服务器上的不一致'],
    [409, 'determination_amended', '这份认定书已被更正'],
    [429, 'rate_limited', '尝试次数过多'],
  ])('words a %i %s as the party can act on it', async (status, code, words) => {
    answer(status, { error: { code, message: 'x' } });
    open(encodeConfirmFragment(summary));
    confirmAs('A');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(words);
    expect(alert.textContent).not.toContain(code);
  });

  it('asks again once online when the network fails', async () => {
    server.use(http.post(`${location.origin}/api/party-confirmations`, () => HttpResponse.error()));
    open(encodeConfirmFragment(summary));
    confirmAs('A');
    expect((await screen.findByRole('alert')).textContent).toContain('请在有网络时再按一次');
    // The check code stays on show, and "confirm" may be pressed again.
    expect(screen.getByTestId('confirm-hash').textContent).toBe(hash);
    expect(screen.getByRole('button', { name: '确认认定书' }).hasAttribute('disabled')).toBe(false);
  });

  it('says a damaged link plainly, naming the part, in English too', async () => {
    open(encodeConfirmFragment(summary).slice(0, 60));
    expect(screen.getByRole('alert').textContent).toMatch(/^链接不完整或已损坏（.+）/);
    await changeLanguage('en');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^The link is incomplete or damaged/,
    );
    expect(screen.queryByRole('button', { name: /Confirm/ })).toBeNull();
  });
});
