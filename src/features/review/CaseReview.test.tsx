// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { aCase, testId } from '../../../tests/builders/case.builder';
import {
  caseDetailOf,
  reviewerSession,
  servicesWith,
} from '../../../tests/builders/review.builder';
import type { CaseActionRequest } from '../../contracts/cases';
import type { CaseHistory, CaseVerification, ReviewConflict } from '../../contracts/review';
import type { CaseRecord, PhotoMeta } from '../../domain';
import { setupI18n } from '../../ui/i18n/setup';
import { zoomForKey } from '../../ui/PhotoDialog';
import { CaseReview } from './CaseReview';
import { footageHandlers } from '../../../tests/setup/footage-handlers';
import { reviewMessages } from './messages';

const server = setupServer();
const api = (path: string) => `${location.origin}/api/cases/:id${path}`;

const record: CaseRecord = (() => {
  const c = aCase().withVehicles(1).build();
  return {
    ...c,
    // A part of the vocabulary (stored as its id) and free text from an older record.
    vehicles: [{ ...c.vehicles[0]!, damagedParts: ['rear', '后杠划痕'] }],
    parties: [{ id: testId(), kind: 'driver', vehicleId: c.vehicles[0]!.id, name: '张三' }],
  };
})();
const PHOTO: PhotoMeta = {
  schemaVersion: 1,
  // SHA-256 of the bytes 1 2 3 4, which the server below answers.
  sha256: '9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a',
  originalSha256: 'd'.repeat(64),
  caseId: record.id,
  slot: 'scene-behind',
  takenAt: '2026-11-27T02:10:00.000Z',
  byteLength: 4,
  width: 4,
  height: 3,
  mimeType: 'image/jpeg',
};
const HISTORY: CaseHistory = { caseId: record.id, versions: [], actions: [] };
const VERIFICATION: CaseVerification = {
  caseId: record.id,
  verdict: 'failed',
  checkedAt: '2026-11-27T03:00:00.000Z',
  checks: [
    { kind: 'signature', version: 2, ok: false, problem: 'bad signature' },
    { kind: 'photo', sha256: PHOTO.sha256, ok: false, problem: 'hash mismatch' },
    { kind: 'chain', version: 2, ok: true },
  ],
};
const CONFLICT: ReviewConflict = {
  by: { id: '0190a000-0000-7000-8000-0000000000e1', name: '赵敏', role: 'reviewer' },
  kind: 'returned',
  at: '2026-11-27T03:10:00.000Z',
  state: 'returned',
  manifestVersion: 2,
};

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([reviewMessages], 'zh-CN');
  // jsdom has no object URLs; the photo's bytes are not looked at here.
  URL.createObjectURL = () => 'blob:photo';
  URL.revokeObjectURL = () => undefined;
  // jsdom's dialog has no modal mode: open it in place.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

/** Serves the case (version 2) and answers actions with `action`; counts the case reads. */
function serve(action: () => Response) {
  const seen = { reads: 0, actions: [] as CaseActionRequest[] };
  server.use(
    http.get(api(''), () => {
      seen.reads++;
      return HttpResponse.json(caseDetailOf(record, [PHOTO], 2));
    }),
    http.get(api('/history'), () => HttpResponse.json(HISTORY)),
    ...footageHandlers(),
    http.get(api('/verification'), () => HttpResponse.json(VERIFICATION)),
    http.get(api('/photos/:sha'), () =>
      HttpResponse.arrayBuffer(new Uint8Array([1, 2, 3, 4]).buffer, {
        headers: { 'content-type': 'image/jpeg' },
      }),
    ),
    http.post(api('/actions'), async ({ request }) => {
      seen.actions.push((await request.json()) as CaseActionRequest);
      return action();
    }),
  );
  return seen;
}

function show() {
  const { store } = reviewerSession();
  const Wrapper = servicesWith(store);
  render(
    <Wrapper>
      <CaseReview id={record.id} />
    </Wrapper>,
  );
}

describe('CaseReview', () => {
  it('names each failing check of the evidence in words', async () => {
    serve(() => HttpResponse.json({}));
    show();
    await screen.findByRole('heading', { level: 1, name: `案件 ${record.caseNumber}` });
    const mark = await screen.findByTestId('verification');
    expect(mark.dataset.verdict).toBe('failed');
    expect(mark.textContent).toContain('第 2 版的设备签名无法验证');
    expect(mark.textContent).toContain('照片“现场全景（后方）”的内容与其校验值不符或已丢失');
    expect(mark.textContent).not.toContain('第 2 版与上一版的版本链断开');
    await screen.findByRole('button', { name: '放大查看：现场全景（后方）' });
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('shows the damaged parts in words, free text as typed', async () => {
    serve(() => HttpResponse.json({}));
    show();
    const label = await screen.findByText('受损部位');
    expect(label.nextElementSibling?.textContent).toBe('车尾、后杠划痕');
  });

  it('refuses an empty return in words, sending nothing', async () => {
    const seen = serve(() => HttpResponse.json({}));
    show();
    fireEvent.click(await screen.findByRole('button', { name: '退回补充' }));
    fireEvent.click(screen.getByRole('button', { name: '退回补充' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '请至少勾选一项需要补充的内容，或写明说明。',
    );
    expect(seen.actions).toEqual([]);
  });

  it('on a conflict names who did what, reads the case again and keeps the note', async () => {
    const seen = serve(() =>
      HttpResponse.json(
        { error: { code: 'review_conflict', message: 'first', details: CONFLICT } },
        { status: 409 },
      ),
    );
    show();
    fireEvent.click(await screen.findByRole('button', { name: '退回补充' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '现场全景（前方）' }));
    fireEvent.change(screen.getByLabelText('说明（给民警）'), { target: { value: '请补拍前方' } });
    fireEvent.click(screen.getByRole('button', { name: '退回补充' }));

    const alert = await screen.findByText(/赵敏 已于/);
    expect(alert.textContent).toContain('退回补充');
    expect(alert.textContent).toContain('第 2 版');
    expect(seen.actions).toEqual([
      {
        action: 'return',
        expected: { state: 'synced', manifestVersion: 2 },
        missing: [{ kind: 'shot', key: 'scene-front' }],
        note: '请补拍前方',
        requestId: expect.any(String) as string,
      },
    ]);
    await waitFor(() => expect(seen.reads).toBe(2));
    expect(screen.getByLabelText<HTMLTextAreaElement>('说明（给民警）').value).toBe('请补拍前方');
    expect(screen.getByRole('checkbox', { name: '现场全景（前方）' })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('asks the reason of a take-over', async () => {
    const seen = serve(() =>
      HttpResponse.json({ caseId: record.id, state: 'synced', cursor: '30' }),
    );
    show();
    fireEvent.click(await screen.findByRole('button', { name: '中队接手' }));
    fireEvent.click(screen.getByRole('button', { name: '确认接手' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请写明接手理由。');
    fireEvent.change(screen.getByLabelText('接手理由'), { target: { value: '有人受伤' } });
    fireEvent.click(screen.getByRole('button', { name: '确认接手' }));
    await screen.findByText('事故中队已接手此案。');
    expect(seen.actions).toMatchObject([{ action: 'take-over', note: '有人受伤' }]);
  });

  it('opens a photo full size and gives the focus back when it closes', async () => {
    serve(() => HttpResponse.json({}));
    show();
    const thumb = await screen.findByRole('button', { name: '放大查看：现场全景（后方）' });
    await waitFor(() => expect(thumb).toHaveProperty('disabled', false));
    thumb.focus();
    fireEvent.click(thumb);
    const dialog = await screen.findByTestId('photo-dialog');
    fireEvent.keyDown(dialog, { key: '+' });
    expect(dialog.textContent).toContain('缩放 150%');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '关闭' })));
    expect(screen.queryByTestId('photo-dialog')).toBeNull();
    expect(document.activeElement).toBe(thumb);
  });
});

describe('a photo whose bytes are not the ones signed', () => {
  it('is not shown, and says so', async () => {
    serve(() => HttpResponse.json({}));
    server.use(
      http.get(api('/photos/:sha'), () =>
        HttpResponse.arrayBuffer(new Uint8Array([9, 9, 9, 9]).buffer, {
          headers: { 'content-type': 'image/jpeg' },
        }),
      ),
    );
    show();
    await screen.findByText('现场全景（后方）：照片无法加载或与签名时的内容不符');
    expect(screen.queryByRole('button', { name: '放大查看：现场全景（后方）' })).toBeNull();
  });
});

describe('zoomForKey', () => {
  it('zooms in, out and back within its steps', () => {
    expect(zoomForKey('+', 0)).toBe(1);
    expect(zoomForKey('+', 4)).toBe(4);
    expect(zoomForKey('-', 0)).toBe(0);
    expect(zoomForKey('0', 3)).toBe(0);
    expect(zoomForKey('a', 2)).toBeUndefined();
  });
});
