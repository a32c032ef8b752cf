// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import { aCase } from '../../../tests/builders/case.builder';
import { reviewerSession, servicesWith } from '../../../tests/builders/review.builder';
import type { CaseTimeline } from '../../contracts/timeline';
import { setupI18n } from '../../ui/i18n/setup';
import { reviewMessages } from './messages';
import { timelineMessages } from './timeline-messages';
import { TimelinePart } from './TimelinePart';

const server = setupServer();
const record = aCase().withVehicles(1).build();
let reads = 0;

const TIMELINE: CaseTimeline = {
  caseId: record.id,
  events: [
    {
      at: '2026-11-27T02:00:00.000Z',
      kind: 'step',
      detail: 'arrived',
      by: { name: '王五', role: 'officer' },
      where: 'G318 K123',
    },
    {
      at: '2026-11-27T02:05:00.000Z',
      kind: 'photo',
      detail: 'scene-behind',
      by: { name: '王五', role: 'officer' },
    },
    {
      at: '2026-11-27T02:30:00.000Z',
      kind: 'received',
      detail: '1',
      by: { name: '王五', role: 'officer' },
      where: 'Android · Chrome',
    },
    {
      at: '2026-11-27T03:00:00.000Z',
      kind: 'review',
      detail: 'reviewed',
      by: { name: '赵敏', role: 'reviewer' },
    },
    { at: '2026-11-27T03:00:01.000Z', kind: 'packet-delivered', detail: '1', where: '人保财险' },
    {
      at: '2026-11-27T03:20:00.000Z',
      kind: 'acknowledged',
      by: { name: '钱理赔', role: 'insurer' },
      where: '人保财险',
    },
    { at: '2026-11-27T03:30:00.000Z', kind: 'party-confirmed', detail: 'B' },
  ],
};

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([reviewMessages, timelineMessages], 'zh-CN');
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

describe('TimelinePart', () => {
  it('reads the timeline only when opened, and says each event with who and where', async () => {
    server.use(
      http.get(`${location.origin}/api/cases/:id/timeline`, () => {
        reads++;
        return HttpResponse.json(TIMELINE);
      }),
    );
    const Wrapper = servicesWith(reviewerSession().store);
    render(
      <Wrapper>
        <TimelinePart id={record.id} record={record} />
      </Wrapper>,
    );
    expect(reads).toBe(0);
    const details = screen.getByText('显示这起案件的全部经过').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const list = await screen.findByTestId('timeline');
    const lines = [...list.querySelectorAll('li')].map((li) =>
      li.textContent?.replace(/^\S+ \S+ /, ''),
    );
    expect(lines).toEqual([
      '到达现场 · 经办：王五 · 地点：G318 K123',
      '拍摄照片：现场全景（后方） · 经办：王五',
      '服务器收到第 1 版 · 经办：王五 · 手机：Android · Chrome',
      '审核通过 · 经办：赵敏',
      '理赔资料送达保险公司（第 1 版） · 保险公司：人保财险',
      '保险公司已回访 · 经办：钱理赔 · 保险公司：人保财险',
      'B 车当事人在自己的手机上确认了认定书',
    ]);
    expect(reads).toBe(1);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});
