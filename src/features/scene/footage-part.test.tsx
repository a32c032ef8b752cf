// @vitest-environment jsdom
/**
 * The roadside video part of a case's screen, as the officer reads it: the
 * units near the case, nearest first, with what each can do — request when
 * online, say it needs a connection offline, say the footage is past its
 * retention — and the requests with their state in words.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import type { FootageRequest, VideoUnit } from '../../contracts/video';
import { footageMessages } from '../../services/footage-messages';
import { footageUnitsFor } from '../../services/useFootagePart';
import { FootagePart, type FootagePartProps } from '../../ui/Footage';
import { setupI18n } from '../../ui/i18n/setup';

beforeAll(async () => {
  await setupI18n([footageMessages], 'zh-CN');
});
afterEach(cleanup);

const BRIGADE = '0190a000-0000-7000-8000-0000000000b1';
const unit = (n: number, latitude: number, retentionDays = 30): VideoUnit => ({
  id: `0190a000-0000-7000-8000-00000000c00${n}`,
  brigadeId: BRIGADE,
  code: `SF-00${n}`,
  name: `路口${n}`,
  latitude,
  longitude: 104.0648,
  facing: 'NE',
  retentionDays,
  active: true,
  updatedAt: '2026-12-01T00:00:00.000Z',
});
const POINT = {
  latitude: 30.6586,
  longitude: 104.0648,
  source: 'gps',
  at: '2026-12-01T02:00:00.000Z',
} as const;
const WINDOW = { from: '2026-12-01T01:45:00.000Z', to: '2026-12-01T02:15:00.000Z' };
const PACK = {
  videoUnits: [unit(1, 30.6686), unit(2, 30.6596, 1), unit(3, 30.75)],
  radiusM: 2000,
  known: true,
};

function part(over: Partial<FootagePartProps> = {}) {
  const onRequest = vi.fn();
  const props: FootagePartProps = {
    units: footageUnitsFor(POINT, PACK, WINDOW, '2026-12-03T00:00:00.000Z'),
    radiusM: 2000,
    window: WINDOW,
    online: true,
    list: { status: 'ready', requests: [] },
    sending: undefined,
    outcome: undefined,
    onRequest,
    onRetry: vi.fn(),
    ...over,
  };
  const view = render(<FootagePart {...props} />);
  return { onRequest, view };
}

const unitItems = () => within(screen.getByTestId('footage-units')).getAllByTestId('footage-unit');

describe('the roadside video part', () => {
  it('lists the units within the radius nearest first; one past its retention says so instead of a button', async () => {
    const { onRequest, view } = part();
    expect(unitItems().map((li) => li.querySelector('strong')?.textContent)).toEqual([
      '路口2（SF-002）',
      '路口1（SF-001）',
    ]);
    const [near, far] = unitItems();
    expect(near?.textContent).toContain('距离 111 米');
    expect(near?.textContent).toContain('已超过保存期（该点位只保存 1 天），无法再调取这段视频。');
    expect(within(near as HTMLElement).queryByRole('button')).toBeNull();
    expect(far?.textContent).toContain('距离 1.1 公里 · 朝向东北 · 保存 30 天');
    within(far as HTMLElement)
      .getByRole('button', { name: '申请调取视频：路口1' })
      .click();
    expect(onRequest).toHaveBeenCalledWith(PACK.videoUnits[0]);
    expect(await axeViolationsIn(view.container)).toEqual([]);
  });

  it('offline, says the request needs a connection and sends nothing', () => {
    const { onRequest } = part({ online: false, list: { status: 'failed', failure: 'offline' } });
    const button = within(unitItems()[1] as HTMLElement).getByRole('button');
    expect(button.textContent).toBe('需联网才能申请');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    button.click();
    expect(onRequest).not.toHaveBeenCalled();
    screen.getByText(/当前没有网络：申请调取视频需要联网/);
    screen.getByText('没有网络：调取申请需要联网，有网络后再试。');
  });

  it('says why no unit is listed: no position, no pack yet, none near', () => {
    part({ units: footageUnitsFor(undefined, PACK, WINDOW, WINDOW.to) });
    screen.getByText(/案件还没有定位/);
    cleanup();
    part({ units: footageUnitsFor(POINT, { ...PACK, known: false }, WINDOW, WINDOW.to) });
    screen.getByText(/本机还没有大队的视频点位清单/);
    cleanup();
    part({
      units: footageUnitsFor(POINT, { ...PACK, radiusM: 50 }, WINDOW, WINDOW.to),
      radiusM: 50,
    });
    screen.getByText('0.1 公里内没有大队登记的视频点位。');
  });

  it('words each request’s standing, with the reference or reason', () => {
    const request = (
      standing: FootageRequest['standing'],
      over: Partial<FootageRequest> = {},
    ): FootageRequest => ({
      id: `0190a000-0000-7000-8000-0000000d000${standing.length}`,
      caseId: '0190a000-0000-7000-8000-0000000e0001',
      unit: { id: PACK.videoUnits[0]?.id ?? '', code: 'SF-001', name: '路口1' },
      ...WINDOW,
      note: null,
      status: standing === 'expired' ? 'requested' : standing,
      standing,
      expiresAt: '2026-12-31T02:00:00.000Z',
      requestedBy: { id: '0190a000-0000-7000-8000-0000000f0001', name: '张伟' },
      requestedAt: '2026-12-01T03:00:00.000Z',
      reference: null,
      resolution: null,
      resolvedBy: null,
      resolvedAt: null,
      ...over,
    });
    part({
      list: {
        status: 'ready',
        requests: [
          request('retrieved', { reference: 'NVR-1.mp4' }),
          request('unavailable', { resolution: '设备故障' }),
          request('expired'),
        ],
      },
    });
    const items = screen.getAllByTestId('footage-request');
    expect(items.map((li) => within(li).getByTestId('footage-standing').textContent)).toEqual([
      '已调取',
      '无法调取',
      '已过期（超过保存期仍未调取）',
    ]);
    expect(items[0]?.textContent).toContain('视频文件或编号：NVR-1.mp4');
    expect(items[1]?.textContent).toContain('说明：设备故障');
  });
});
