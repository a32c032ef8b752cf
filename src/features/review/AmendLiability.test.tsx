// @vitest-environment jsdom
/**
 * The squad amends the liability from the reviewer's workspace: the form
 * starts from the determination in force, needs the reason, previews the
 * engine on corrected facts (the choices follow it unless changed: then the
 * squad's override), sends once with the case as seen, and words the
 * server's refusals; the history shows the amendment, and the facts read in
 * words.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { overriddenProposal, proposed } from '../../../tests/builders/liability.builder';
import {
  caseDetailOf,
  reviewerSession,
  servicesWith,
} from '../../../tests/builders/review.builder';
import type { CaseActionRequest } from '../../contracts/cases';
import type { CaseHistory, CaseVerification } from '../../contracts/review';
import type { CaseRecord } from '../../domain';
import { factWordsOf } from '../../domain/liability/fact-words';
import { setupI18n } from '../../ui/i18n/setup';
import { CaseReview } from './CaseReview';
import { footageHandlers } from '../../../tests/setup/footage-handlers';
import { reviewMessages } from './messages';

const server = setupServer();
const api = (path: string) => `${location.origin}/api/cases/:id${path}`;
const REASON = '调取监控：A车倒车撞上B车';
const REVIEWER = { id: '0190a000-0000-7000-8000-0000000000e1', name: '赵敏', role: 'reviewer' };

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  // The facts' words come with the liability bundle, which the reviewer's route loads too.
  const factWords = {
    'zh-CN': { liability: factWordsOf('zh') },
    en: { liability: factWordsOf('en') },
  };
  await setupI18n([reviewMessages, factWords], 'zh-CN');
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

function serve(record: CaseRecord, action: () => Response, history?: CaseHistory) {
  const seen = { actions: [] as CaseActionRequest[] };
  const verification: CaseVerification = {
    caseId: record.id,
    verdict: 'verified',
    checkedAt: '2026-11-27T03:00:00.000Z',
    checks: [],
  };
  server.use(
    http.get(api(''), () => HttpResponse.json(caseDetailOf(record, [], 1, 'synced'))),
    http.get(api('/history'), () =>
      HttpResponse.json(history ?? { caseId: record.id, versions: [], actions: [] }),
    ),
    http.get(api('/verification'), () => HttpResponse.json(verification)),
    ...footageHandlers(),
    http.post(api('/actions'), async ({ request }) => {
      seen.actions.push((await request.json()) as CaseActionRequest);
      return action();
    }),
  );
  const { store } = reviewerSession();
  const Wrapper = servicesWith(store);
  render(
    <Wrapper>
      <CaseReview id={record.id} />
    </Wrapper>,
  );
  return seen;
}

const accepted = (record: CaseRecord) => () =>
  HttpResponse.json({ caseId: record.id, state: 'returned', cursor: '40' });

const group = (label: string, plate: string) =>
  screen.getByRole('group', { name: `车辆 ${label}（${plate}）的责任` });
const level = (label: string, plate: string, name: string) =>
  within(group(label, plate)).getByRole<HTMLInputElement>('radio', { name });

async function openAmend() {
  fireEvent.click(await screen.findByRole('button', { name: '改判责任' }));
}
function correctFacts(vehicle: string, action: string) {
  fireEvent.click(screen.getByRole('checkbox', { name: '按更正后的事实重新运行认定引擎' }));
  const select = screen.getByLabelText<HTMLSelectElement>(`车辆 ${vehicle} 的行为`);
  const option = within(select).getByRole<HTMLOptionElement>('option', { name: action });
  fireEvent.change(select, { target: { value: option.value } });
}
function submit(reason = REASON) {
  fireEvent.change(screen.getByLabelText('改判理由（必填）'), { target: { value: reason } });
  fireEvent.click(screen.getByRole('button', { name: '确认改判' }));
}

describe('amending the liability', () => {
  it('starts from the determination in force, each vehicle by label and plate', async () => {
    const record = overriddenProposal();
    serve(record, accepted(record));
    await openAmend();
    const [a, b] = record.vehicles;
    expect(level('A', a!.plate, '次要责任').checked).toBe(true);
    expect(level('B', b!.plate, '主要责任').checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: '按更正后的事实重新运行认定引擎' }));
    await screen.findByText(/引擎按这些事实认定/);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('needs the reason, naming the field, and sends nothing without it', async () => {
    const record = proposed();
    const seen = serve(record, accepted(record));
    await openAmend();
    submit('  ');
    expect((await screen.findByRole('alert')).textContent).toBe('请填写“改判理由”。');
    expect(seen.actions).toEqual([]);
  });

  it('previews the engine on corrected facts, follows it, and sends the facts once with the case as seen', async () => {
    const record = proposed();
    const seen = serve(record, accepted(record));
    await openAmend();
    const [a, b] = record.vehicles;
    expect(level('B', b!.plate, '全部责任').checked).toBe(true);
    correctFacts('A', '倒车');
    const preview = await screen.findByText(/引擎按这些事实认定/);
    expect(preview.textContent).toBe('引擎按这些事实认定：车辆 A：全部责任；车辆 B：无责任');
    expect(level('A', a!.plate, '全部责任').checked).toBe(true);
    expect(level('B', b!.plate, '无责任').checked).toBe(true);
    submit();
    await screen.findByText('已改判责任，案件已退回民警重新告知和签字。');
    expect(seen.actions).toEqual([
      {
        action: 'amend',
        expected: { state: 'synced', manifestVersion: 1 },
        note: REASON,
        amendment: {
          liability: { A: 'full', B: 'none' },
          facts: {
            ...record.liability!.facts!,
            vehicles: [
              { id: 'A', action: 'reversing' },
              { id: 'B', action: 'going-straight' },
            ],
          },
        },
        requestId: expect.any(String) as string,
      },
    ]);
  });
});

describe('amending on corrected facts', () => {
  it('keeps a choice other than the engine’s as the squad’s override, with the facts', async () => {
    const record = proposed();
    const seen = serve(record, accepted(record));
    await openAmend();
    correctFacts('A', '倒车');
    await screen.findByText(/引擎按这些事实认定/);
    fireEvent.click(level('B', record.vehicles[1]!.plate, '次要责任'));
    screen.getByText('车辆 B 的责任与引擎不同：作为中队的改判提交。');
    submit();
    await waitFor(() => expect(seen.actions).toHaveLength(1));
    expect(seen.actions[0]?.amendment?.liability).toEqual({ A: 'full', B: 'secondary' });
    expect(seen.actions[0]?.amendment?.facts?.vehicles[0]?.action).toBe('reversing');
  });

  it('says in words when the engine needs another answer, and sends the liability alone', async () => {
    const record = proposed();
    const seen = serve(record, accepted(record));
    await openAmend();
    correctFacts('A', '故障停在车道');
    const preview = await screen.findByText(/引擎还需要回答/);
    expect(preview.textContent).toContain('前车是否因故障');
    submit();
    await waitFor(() => expect(seen.actions).toHaveLength(1));
    expect(seen.actions[0]?.amendment).toEqual({ liability: { A: 'none', B: 'full' } });
  });

  it('words the server’s refusal: the engine escalates on these facts', async () => {
    const record = proposed();
    serve(record, () =>
      HttpResponse.json(
        {
          error: {
            code: 'liability_undecided',
            message: 'escalates',
            details: { outcome: 'escalate', ruleId: 'E04-alcohol-or-drugs' },
          },
        },
        { status: 422 },
      ),
    );
    await openAmend();
    correctFacts('A', '倒车');
    await screen.findByText(/引擎按这些事实认定/);
    submit();
    const alert = await screen.findByText(/服务器上的认定引擎/);
    expect(alert.textContent).toContain('规则 E04-alcohol-or-drugs');
    expect(alert.textContent).toContain('不附事实只提交中队的认定');
    expect(screen.getByLabelText<HTMLTextAreaElement>('改判理由（必填）').value).toBe(REASON);
  });

  it('words a liability that does not name the case’s vehicles', async () => {
    const record = proposed();
    serve(record, () =>
      HttpResponse.json(
        {
          error: {
            code: 'invalid_amendment',
            message: 'vehicles',
            fields: [{ path: 'body.amendment.liability', message: 'must name A, B' }],
            details: { vehicles: ['A', 'B'] },
          },
        },
        { status: 422 },
      ),
    );
    await openAmend();
    submit();
    await screen.findByText('“责任”必须正好包含本案的车辆 A, B。');
  });
});

describe('the history and the facts in words', () => {
  it('shows the squad’s amendment, its reason, the engine’s decision and what it superseded', async () => {
    const record = proposed();
    const history: CaseHistory = {
      caseId: record.id,
      versions: [],
      actions: [
        {
          cursor: '41',
          kind: 'amended',
          state: 'returned',
          at: '2026-11-27T03:20:00.000Z',
          by: { ...REVIEWER, role: 'reviewer' },
          note: REASON,
          manifestVersion: 1,
          amendment: {
            liability: { A: 'full', B: 'none' },
            reason: REASON,
            decision: { ...record.liability!.decision!, liability: { A: 'full', B: 'none' } },
          },
        },
      ],
    };
    serve(record, accepted(record), history);
    const entry = await screen.findByTestId('history-amended');
    expect(entry.parentElement?.textContent).toContain('赵敏：事故中队改判');
    expect(entry.textContent).toContain('事故中队的认定：车辆 A：全部责任；车辆 B：无责任');
    expect(entry.textContent).toContain(`改判理由：${REASON}`);
    expect(entry.textContent).toContain('依据更正后的事实，引擎认定：车辆 A：全部责任');
    expect(entry.textContent).toContain('此前的认定（第 1 版）已被取代。');
  });

  it('reads the engine’s facts and their differences in words, not paths', async () => {
    const before = proposed();
    const facts = before.liability!.facts!;
    const after: CaseRecord = {
      ...before,
      liability: {
        ...before.liability!,
        facts: {
          ...facts,
          schemaVersion: 2,
          vehicles: [{ id: 'A', action: 'reversing' }, facts.vehicles[1]!],
        },
      },
    };
    const version = (n: number, c: CaseRecord) => ({
      version: n,
      receivedAt: '2026-11-27T02:40:00.000Z',
      manifestHash: 'a'.repeat(64),
      flags: [],
      officer: { id: REVIEWER.id, name: '王伟' },
      deviceId: 'device-1',
      case: c,
      photos: [],
    });
    serve(after, accepted(after), {
      caseId: after.id,
      versions: [version(1, before), version(2, after)],
      actions: [],
    });
    const liability = await screen.findByRole('region', { name: '责任认定' });
    expect(liability.textContent).toContain('车辆 A 行为倒车');
    expect(liability.textContent).toContain('事故地点类型路段');
    expect(liability.textContent).toContain('第 1 次碰撞 相对关系同一车道');
    expect(liability.textContent).toContain('分流排除项均已确认是');
    expect(liability.textContent).not.toContain('vehicles.');
    const row = await screen.findByRole('rowheader', { name: '责任事实：车辆 A 行为' });
    expect(row.parentElement?.textContent).toBe('责任事实：车辆 A 行为减速倒车');
  });
});
