// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18n from 'i18next';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import {
  aClaim,
  aPacket,
  aPacketList,
  aSummary,
  INSURED_VEHICLE,
  PACKET_ID,
} from '../../../tests/builders/packet.builder';
import { reviewerSession, servicesWith } from '../../../tests/builders/review.builder';
import type { PacketStatus } from '../../contracts/packets';
import { setupI18n } from '../../ui/i18n/setup';
import { insurerMessages } from './messages';
import { PacketScreen } from './PacketScreen';

const server = setupServer();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([insurerMessages], 'zh-CN');
  URL.createObjectURL = () => 'blob:photo';
  URL.revokeObjectURL = () => undefined;
  // jsdom's dialog has no modal mode: open it in place.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  await i18n.changeLanguage('zh-CN');
});
afterAll(() => server.close());

type Answer = () => Response;

/** Serves the packet at `status` and answers each action in turn; records reads and bodies. */
function serve(status: PacketStatus, ...answers: Answer[]) {
  const seen = { reads: 0, posts: [] as { action: string; body: Record<string, unknown> }[] };
  const summary = aSummary({
    status,
    ...(status !== 'new' && { acknowledgedAt: '2026-12-06T02:05:00.000Z' }),
  });
  server.use(
    http.get(`${location.origin}/api/packets`, () => HttpResponse.json(aPacketList([summary]))),
    http.get(`${location.origin}/api/packets/:id`, () => {
      seen.reads++;
      return HttpResponse.json(aPacket());
    }),
    http.get(`${location.origin}/api/packets/:id/photos/:sha`, () =>
      HttpResponse.arrayBuffer(new Uint8Array([1, 2, 3, 4]).buffer, {
        headers: { 'content-type': 'image/jpeg' },
      }),
    ),
    http.post(`${location.origin}/api/packets/:id/:action`, async ({ request, params }) => {
      seen.posts.push({
        action: String(params['action']),
        body: (await request.json()) as Record<string, unknown>,
      });
      return (answers.shift() ?? (() => HttpResponse.json(aClaim())))();
    }),
  );
  return seen;
}

function show() {
  const Wrapper = servicesWith(reviewerSession().store);
  render(
    <Wrapper>
      <PacketScreen id={PACKET_ID} />
    </Wrapper>,
  );
}

const actions = () => screen.getByTestId('packet-actions');

describe('PacketScreen', () => {
  // jsdom lays nothing out: both widths render the same markup, which axe checks whole.
  it.each([360, 1280])(
    'shows the case as the insurer sees it, axe-clean (%i px)',
    async (width) => {
      window.innerWidth = width;
      serve('new');
      show();
      await screen.findByRole('heading', { level: 1, name: '理赔案件 KC20261206-000001' });
      const vehicles = screen.getByRole('region', { name: '车辆（2 辆）' });
      expect(within(vehicles).getByText('本公司承保')).toBeTruthy();
      expect(within(vehicles).getByText(/后杠划痕/)).toBeTruthy();
      expect(within(vehicles).getByText('全部责任')).toBeTruthy();
      expect(within(vehicles).getByText('无责任')).toBeTruthy();
      expect(screen.getByText('《道路交通安全法实施条例》第四十三条')).toBeTruthy();
      expect(screen.getByText('民警变更了系统建议的认定')).toBeTruthy();
      expect(screen.getByText('a'.repeat(64))).toBeTruthy();
      expect(screen.getByText('交强险 PICC-2026-1')).toBeTruthy();
      expect(screen.getByTestId('packet-status').textContent).toBe('当前进度：新到');
      const pdf = screen.getByRole('link', { name: '打开认定书 PDF' });
      expect(pdf.getAttribute('href')).toBe(aPacket().determinationPdf?.download.url);
      expect(pdf.getAttribute('target')).toBe('_blank');
      const thumb = await screen.findByRole('button', { name: '放大查看：现场全景（后方）' });
      await waitFor(() => expect(thumb).toHaveProperty('disabled', false));
      expect(await axeViolationsIn(document.body)).toEqual([]);
      fireEvent.click(thumb);
      const dialog = screen.getByTestId('photo-dialog');
      expect(within(dialog).getByRole('img', { name: '现场全景（后方）' })).toBeTruthy();
      fireEvent.click(within(dialog).getByRole('button', { name: '放大' }));
      expect(within(dialog).getByText('缩放 150%')).toBeTruthy();
    },
  );
});

describe('PacketScreen: the insurer’s steps', () => {
  it('records the call-back with a note and a request id, says so, and reads the packet again', async () => {
    const seen = serve('new');
    show();
    await screen.findByRole('heading', { name: '登记回访' });
    fireEvent.change(screen.getByLabelText('回访备注（选填）'), {
      target: { value: '已联系张三' },
    });
    fireEvent.click(within(actions()).getByRole('button', { name: '已回访' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('回访已登记。'));
    expect(seen.posts).toHaveLength(1);
    expect(seen.posts[0]!.action).toBe('acknowledge');
    expect(seen.posts[0]!.body).toEqual({
      note: '已联系张三',
      requestId: expect.stringMatching(UUID),
    });
    await waitFor(() => expect(seen.reads).toBe(2));
  });

  it('names each field missing from the assessment, in both languages, and sends nothing', async () => {
    const seen = serve('acknowledged');
    show();
    await screen.findByRole('heading', { name: '登记定损' });
    fireEvent.click(within(actions()).getByRole('button', { name: '提交定损' }));
    expect(await screen.findByText('请填写“川A12345 定损金额（元）”。')).toBeTruthy();
    expect(screen.getByText('请填写“定损员”。')).toBeTruthy();
    expect(screen.getByLabelText('川A12345 定损金额（元）').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await i18n.changeLanguage('en');
    expect(await screen.findByText('Fill in “Assessed amount for 川A12345 (yuan)”.')).toBeTruthy();
    expect(screen.getByText('Fill in “Assessor”.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the determination (PDF)' })).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
    expect(seen.posts).toEqual([]);
  });

  it('sends the assessment per insured vehicle; a retry after no answer keeps its request id', async () => {
    const seen = serve('acknowledged', () => HttpResponse.error());
    show();
    await screen.findByRole('heading', { name: '登记定损' });
    fireEvent.change(screen.getByLabelText('川A12345 定损金额（元）'), {
      target: { value: '3,200.50' },
    });
    fireEvent.change(screen.getByLabelText('定损员'), { target: { value: '王定损' } });
    const submit = within(actions()).getByRole('button', { name: '提交定损' });
    fireEvent.click(submit);
    expect((await screen.findByRole('alert')).textContent).toMatch('连接不到服务器');
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('定损已登记。'));
    expect(seen.posts.map((p) => p.body)).toEqual([
      {
        vehicles: [{ vehicleId: INSURED_VEHICLE, amountYuan: 3200.5 }],
        assessor: '王定损',
        requestId: expect.stringMatching(UUID),
      },
      expect.objectContaining({ requestId: seen.posts[0]!.body['requestId'] }),
    ]);
  });
});

describe('PacketScreen: refusals in words', () => {
  it('sends the payout, and says in words that the packet was withdrawn', async () => {
    const seen = serve('assessed', () =>
      HttpResponse.json({ error: { code: 'withdrawn', message: 'replaced' } }, { status: 409 }),
    );
    show();
    await screen.findByRole('heading', { name: '登记赔付' });
    fireEvent.change(screen.getByLabelText('赔付金额（元）'), { target: { value: '3200' } });
    fireEvent.change(screen.getByLabelText('到账日期'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('支付流水号'), { target: { value: 'TX-20261201-9' } });
    fireEvent.click(within(actions()).getByRole('button', { name: '提交赔付' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('这份案件资料已被更新的版本取代，请在列表中打开新版本办理。');
    expect(alert.textContent).not.toMatch(/409|withdrawn/);
    expect(seen.posts[0]).toEqual({
      action: 'payout',
      body: {
        amountYuan: 3200,
        paidOn: '2026-12-01',
        reference: 'TX-20261201-9',
        requestId: expect.stringMatching(UUID),
      },
    });
  });

  it('says a step the packet’s state does not allow in words', async () => {
    serve('new', () =>
      HttpResponse.json(
        { error: { code: 'invalid_transition', message: 'no', details: { status: 'paid' } } },
        { status: 409 },
      ),
    );
    show();
    await screen.findByRole('heading', { name: '登记回访' });
    fireEvent.click(within(actions()).getByRole('button', { name: '已回访' }));
    expect((await screen.findByRole('alert')).textContent).toMatch('当前的进度不允许这一步');
  });

  it('says another insurer’s or a missing packet is not found', async () => {
    server.use(
      http.get(`${location.origin}/api/packets`, () => HttpResponse.json(aPacketList([]))),
      http.get(`${location.origin}/api/packets/:id`, () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 }),
      ),
    );
    show();
    expect((await screen.findByRole('alert')).textContent).toMatch('没有这个理赔案件');
  });
});
