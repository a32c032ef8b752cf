// @vitest-environment jsdom
/**
 * A rural station's screens: the station's hand-over step in place of
 * liability (the form on a cleared case, what it says once handed over or
 * before the road is cleared), and the officer's check of a handed-over case
 * — the station's note and the vehicles, each refusal named at its field, the
 * confirmation sent with its determination, another officer's confirmation
 * said in words — and the list, the cases the station named the viewer for
 * first; in zh-CN and English, with no axe violation.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { reviewerSession, servicesWith } from '../../../tests/builders/review.builder';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import type { HandedOverCase, StationConfirmRequest } from '../../contracts/station';
import type { CaseRecord } from '../../domain';
import { setupI18n } from '../../ui/i18n/setup';
import { ConfirmScreen } from './ConfirmScreen';
import { HandOver } from './HandOverScreen';
import { HandoversScreen } from './HandoversScreen';
import { stationMessages } from './messages';

const server = setupServer();
const CASE_ID = '0190a000-0000-7000-8000-0000000000c7';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([stationMessages], 'zh-CN');
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  const { default: i18n } = await import('i18next');
  await i18n.changeLanguage('zh-CN');
});
afterAll(() => server.close());

const english = async () => {
  const { default: i18n } = await import('i18next');
  await i18n.changeLanguage('en');
};

const { store } = reviewerSession();
const Wrapper = servicesWith(store);

const cleared = (patch: Partial<CaseRecord> = {}): CaseRecord =>
  aCase()
    .withVehicles(2)
    .with({ state: 'scene-cleared', ...patch })
    .build();

describe('the station’s hand-over step', () => {
  it('offers the hand-over with a note on a cleared case, with no axe violation', async () => {
    const { container } = render(<HandOver c={cleared()} />, { wrapper: Wrapper });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('移交民警');
    expect(screen.getByLabelText('给民警的说明（可不填）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '移交民警' })).toBeTruthy();
    expect(await axeViolationsIn(container)).toEqual([]);
  });

  it('says when and with what note it was handed over, in English', async () => {
    await english();
    const handover = {
      by: { id: '0190a000-0000-7000-8000-0000000000f1', name: '赵敏' },
      at: '2026-12-07T03:00:00.000Z',
      to: null,
      note: 'Both parties agree',
    };
    render(<HandOver c={cleared({ state: 'submitted', handover })} />, { wrapper: Wrapper });
    const done = screen.getByTestId('handed-over').textContent ?? '';
    expect(done).toContain('Handed over to an officer at');
    expect(done).toContain('Your note: Both parties agree');
    expect(screen.queryByRole('button', { name: 'Hand over to an officer' })).toBeNull();
  });

  it('asks for the evidence and the clearance first', () => {
    render(<HandOver c={cleared({ state: 'evidence-complete' })} />, { wrapper: Wrapper });
    expect(screen.getByText('请先完成现场取证并确认现场已撤离，再移交民警。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '移交民警' })).toBeNull();
  });
});

const waiting: HandedOverCase = {
  caseId: CASE_ID,
  caseNumber: 'KC20261207-0000C7',
  arrivedAt: '2026-12-07T02:00:00.000Z',
  address: '城关镇 G318 K12',
  unitName: '城关劝导站',
  handover: {
    by: { id: '0190a000-0000-7000-8000-0000000000f1', name: '赵敏' },
    at: '2026-12-07T02:30:00.000Z',
    to: null,
    note: '请核对B车号牌',
  },
  meantFor: null,
  vehicles: [
    { label: 'A', plate: '川A12340' },
    { label: 'B', plate: '川A12341' },
  ],
  parties: [
    { vehicleLabel: 'A', name: '张三' },
    { vehicleLabel: 'B', name: '李四' },
  ],
  photos: 13,
  manifestVersion: 1,
};

function serving(confirmStatus = 200) {
  const sent: StationConfirmRequest[] = [];
  server.use(
    http.get('*/api/station/handovers', () => HttpResponse.json({ items: [waiting] })),
    http.post(`*/api/cases/${CASE_ID}/confirm`, async ({ request }) => {
      const body = (await request.json()) as StationConfirmRequest;
      sent.push(body);
      if (confirmStatus !== 200) {
        return HttpResponse.json(
          { error: { code: 'not_awaiting_officer', message: 'confirmed already' } },
          { status: confirmStatus },
        );
      }
      return HttpResponse.json({
        caseId: CASE_ID,
        by: { id: '0190a000-0000-7000-8000-0000000000a1', name: '张伟', role: 'officer' },
        manifestVersion: 1,
        at: '2026-12-07T03:00:00.000Z',
        ...body,
      });
    }),
  );
  return sent;
}

const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the officer checks a station’s case', () => {
  it('shows the station’s note and the vehicles, and names each missing answer at its field', async () => {
    const sent = serving();
    const { container } = render(<ConfirmScreen id={CASE_ID} />, { wrapper: Wrapper });
    expect((await screen.findByTestId('station-note')).textContent).toBe('请核对B车号牌');
    expect(screen.getByText('A 车 川A12340：张三')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '更正：有内容需要更正' }));
    fireEvent.click(screen.getByRole('button', { name: '确认并认定责任' }));
    expect(screen.getByText('请写明更正了什么。')).toBeTruthy();
    expect(screen.getByText('请选择 A 车的责任。')).toBeTruthy();
    expect(screen.getByText('请写明认定理由。')).toBeTruthy();
    expect(screen.getByLabelText('更正了什么（必填）').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    expect(await axeViolationsIn(container)).toEqual([]);
  });

  it('sends the confirmation with the determination and shows it', async () => {
    const sent = serving();
    render(<ConfirmScreen id={CASE_ID} />, { wrapper: Wrapper });
    await screen.findByTestId('station-note');
    choose('A 车的责任', 'full');
    choose('B 车的责任', 'none');
    choose('认定理由', 'A 车追尾');
    // The general article is offered; the officer cites the violation's.
    expect((screen.getByLabelText('条款') as HTMLInputElement).value).toBe('第九十一条');
    choose('法律依据（法律、法规名称）', '《中华人民共和国道路交通安全法》');
    choose('条款', '第四十三条');
    fireEvent.click(screen.getByRole('button', { name: '确认并认定责任' }));
    expect((await screen.findByTestId('determination')).textContent).toBe(
      'A 车：全部责任B 车：无责任',
    );
    expect(screen.getByTestId('determination-basis').textContent).toBe(
      '依据：《中华人民共和国道路交通安全法》第四十三条',
    );
    expect(sent).toEqual([
      {
        decision: 'confirm',
        note: '',
        liability: { A: 'full', B: 'none' },
        reason: 'A 车追尾',
        basis: [{ law: '《中华人民共和国道路交通安全法》', article: '第四十三条' }],
      },
    ]);
  });

  it('names a law or an article left blank at its field', async () => {
    const sent = serving();
    render(<ConfirmScreen id={CASE_ID} />, { wrapper: Wrapper });
    await screen.findByTestId('station-note');
    choose('A 车的责任', 'full');
    choose('B 车的责任', 'none');
    choose('认定理由', 'A 车追尾');
    choose('法律依据（法律、法规名称）', ' ');
    choose('条款', '');
    fireEvent.click(screen.getByRole('button', { name: '确认并认定责任' }));
    expect(screen.getByText('请写明所依据的法律或法规。')).toBeTruthy();
    expect(screen.getByText('请写明条款。')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('says in English that another officer confirmed it first', async () => {
    await english();
    serving(409);
    render(<ConfirmScreen id={CASE_ID} />, { wrapper: Wrapper });
    await screen.findByTestId('station-note');
    choose('Liability of vehicle A', 'equal');
    choose('Liability of vehicle B', 'equal');
    choose('Reason for the determination', 'both changed lanes');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and determine liability' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Another officer confirmed this case already',
    );
  });
});

describe('the list of handed-over cases', () => {
  const VIEWER = '0190a000-0000-7000-8000-0000000000e1';
  const item = (n: number, to: string | null, meantFor: HandedOverCase['meantFor']) => ({
    ...waiting,
    caseId: `0190a000-0000-7000-8000-00000000000${n}`,
    caseNumber: `KC20261207-00000${n}`,
    handover: { ...waiting.handover, to, at: `2026-12-07T0${n}:00:00.000Z` },
    meantFor,
  });

  it.each([
    ['zh-CN', '劝导站指名交给您', '劝导站指名交给：王强'],
    ['en', 'The station named you', 'The station named: 王强'],
  ] as const)(
    'puts the cases the station named the viewer for first, marked (%s)',
    async (lng, mine, other) => {
      if (lng === 'en') await english();
      server.use(
        http.get('*/api/station/handovers', () =>
          HttpResponse.json({
            items: [
              item(1, null, null),
              item(2, '0190a000-0000-7000-8000-0000000000b2', {
                id: '0190a000-0000-7000-8000-0000000000b2',
                name: '王强',
              }),
              item(3, VIEWER, { id: VIEWER, name: '李娜' }),
            ],
          }),
        ),
      );
      const { container } = render(<HandoversScreen />, { wrapper: Wrapper });
      await screen.findByTestId('handovers');
      const cards = [...container.querySelectorAll('li.record-card')];
      expect(cards.map((c) => c.getAttribute('data-mine'))).toEqual(['true', 'false', 'false']);
      expect(cards[0]?.textContent).toContain(mine);
      expect(cards[0]?.textContent).toContain('KC20261207-000003');
      expect(cards[1]?.textContent).not.toContain(other);
      expect(cards[2]?.textContent).toContain(other);
      expect(await axeViolationsIn(container)).toEqual([]);
    },
  );
});
