// @vitest-environment jsdom
/**
 * The admin's roadside video units of a brigade: reached from the brigades'
 * settings; a blank or wrong form refused on each field before anything is
 * sent; a unit registered, a taken code said on its field; a unit taken out
 * of use; the search radius checked and saved.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import {
  adminPath,
  atWidth,
  errorBody,
  renderAdminAt,
  BRIGADE,
} from '../../../tests/builders/webhooks.builder';
import type { BrigadeSettings } from '../../contracts/admin';
import type { VideoUnit } from '../../contracts/video';
import { accountMessages } from '../../services/account-messages';
import { footageMessages } from '../../services/footage-messages';
import { setupI18n } from '../../ui/i18n/setup';
import { AdminScreens } from './AdminScreens';
import { adminMessages } from './messages';
import { videoMessages } from './video-messages';

const server = setupServer();
const UNIT: VideoUnit = {
  id: '0190a000-0000-7000-8000-0000000000c1',
  brigadeId: BRIGADE.id,
  code: 'SF-001',
  name: '人民南路口',
  latitude: 30.6595,
  longitude: 104.0655,
  facing: 'S',
  retentionDays: 30,
  active: true,
  updatedAt: '2026-12-01T00:00:00.000Z',
};
const UNIT_INPUT = {
  code: UNIT.code,
  name: UNIT.name,
  latitude: UNIT.latitude,
  longitude: UNIT.longitude,
  facing: UNIT.facing,
  retentionDays: UNIT.retentionDays,
};
const sent: { method: string; body: unknown }[] = [];
const PATH = `/admin/brigades/${BRIGADE.id}/video-units`;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await setupI18n([adminMessages, accountMessages, videoMessages, footageMessages], 'zh-CN');
  await Promise.all([import('./VideoUnitsScreen'), import('./BrigadeSettingsScreen')]);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  sent.length = 0;
  history.replaceState(null, '', '/');
});
afterAll(() => server.close());

function serve(created?: () => Response | undefined) {
  server.use(
    http.get(adminPath('/brigades'), () => HttpResponse.json({ brigades: [BRIGADE] })),
    http.get(adminPath('/brigades/:id/video-units'), () =>
      HttpResponse.json({ videoUnits: [UNIT] }),
    ),
    http.post(adminPath('/brigades/:id/video-units'), async ({ request }) => {
      const body = (await request.json()) as Omit<VideoUnit, 'id'>;
      sent.push({ method: 'POST', body });
      return (
        created?.() ??
        HttpResponse.json(
          { ...UNIT, ...body, id: '0190a000-0000-7000-8000-0000000000c2' },
          { status: 201 },
        )
      );
    }),
    http.put(adminPath('/brigades/:id/video-units/:unitId'), async ({ request }) => {
      const body = (await request.json()) as VideoUnit;
      sent.push({ method: 'PUT', body });
      return HttpResponse.json({ ...UNIT, ...body });
    }),
    http.patch(adminPath('/brigades/:id'), async ({ request }) => {
      const body = (await request.json()) as Partial<BrigadeSettings>;
      sent.push({ method: 'PATCH', body });
      return HttpResponse.json({ ...BRIGADE, ...body });
    }),
  );
}

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const register = () => fireEvent.click(screen.getByRole('button', { name: '登记点位' }));

describe('the admin’s roadside video units', () => {
  it('is linked from the brigades’ settings', async () => {
    serve();
    renderAdminAt('/admin/brigades', AdminScreens);
    const link = await screen.findByRole('link', { name: '示范县公安局交警大队的路侧视频点位' });
    expect(link).toHaveProperty('href', `${location.origin}${PATH}`);
  });

  it('refuses a blank or wrong form on each field, sending nothing', async () => {
    atWidth(360);
    serve();
    renderAdminAt(PATH, AdminScreens);
    await screen.findByRole('heading', { level: 1, name: '示范县公安局交警大队的路侧视频点位' });
    fill('视频保存天数', '');
    register();
    for (const words of [
      '请填写“点位编号”。',
      '请填写“名称（路口或路段）”。',
      '请填写“纬度（度）”。',
      '请填写“视频保存天数”。',
    ])
      expect(await screen.findByText(words)).toBeTruthy();
    fill('点位编号', '路口 1');
    fill('纬度（度）', '91');
    fill('视频保存天数', '2.5');
    register();
    expect(
      await screen.findByText('“点位编号”只能用字母、数字、- 或 _，最多 24 个。'),
    ).toBeTruthy();
    expect(screen.getByText('“纬度”应为 -90 至 90 之间的数。')).toBeTruthy();
    expect(screen.getByText('“视频保存天数”应为 1 至 365 之间的整数。')).toBeTruthy();
    expect(screen.getByLabelText('纬度（度）').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('registers a unit, and says a taken code on its field', async () => {
    let taken = true;
    serve(() => (taken ? errorBody(409, 'code_taken') : undefined));
    renderAdminAt(PATH, AdminScreens);
    await screen.findByText('SF-001 · 人民南路口');
    fill('点位编号', 'SF-001');
    fill('名称（路口或路段）', '锦江桥北');
    fill('纬度（度）', '30.662');
    fill('经度（度）', '104.07');
    fireEvent.change(screen.getByLabelText('朝向'), { target: { value: 'SW' } });
    register();
    expect(await screen.findByText('本大队已有编号为该值的点位。')).toBeTruthy();
    taken = false;
    fill('点位编号', 'SF-002');
    register();
    expect(await screen.findByText('已登记：锦江桥北。')).toBeTruthy();
    expect(sent.at(-1)).toEqual({
      method: 'POST',
      body: {
        code: 'SF-002',
        name: '锦江桥北',
        latitude: 30.662,
        longitude: 104.07,
        facing: 'SW',
        retentionDays: 30,
      },
    });
    expect(
      screen.getAllByTestId('video-unit').map((li) => li.querySelector('h3')?.textContent),
    ).toEqual(['SF-001 · 人民南路口', 'SF-002 · 锦江桥北']);
  });
});

describe('the admin’s roadside video units, once registered', () => {
  it('edits a unit in the same form, then starts afresh', async () => {
    serve();
    renderAdminAt(PATH, AdminScreens);
    fireEvent.click(await screen.findByRole('button', { name: '编辑 人民南路口' }));
    await screen.findByRole('heading', { level: 2, name: '编辑点位 SF-001' });
    expect(screen.getByLabelText('纬度（度）')).toHaveProperty('value', '30.6595');
    fill('名称（路口或路段）', '人民南路与锦里路口');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    expect(await screen.findByText('已保存：人民南路与锦里路口。')).toBeTruthy();
    expect(sent).toEqual([
      { method: 'PUT', body: { ...UNIT_INPUT, name: '人民南路与锦里路口', active: true } },
    ]);
    await screen.findByRole('heading', { level: 2, name: '登记新点位' });
    expect(screen.getByLabelText('点位编号')).toHaveProperty('value', '');
  });

  it('takes a unit out of use, and saves the search radius once it is whole metres in range', async () => {
    serve();
    renderAdminAt(PATH, AdminScreens);
    const card = (await screen.findAllByTestId('video-unit'))[0] as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: '停用 人民南路口' }));
    expect(await within(card).findByRole('button', { name: '重新启用 人民南路口' })).toBeTruthy();
    expect(sent[0]).toMatchObject({ method: 'PUT', body: { code: 'SF-001', active: false } });

    fill('案件附近多少米内的点位（米）', '50');
    fireEvent.click(screen.getByRole('button', { name: '保存查找范围' }));
    expect(await screen.findByText('“查找范围”应为 100 至 20000 之间的整数（米）。')).toBeTruthy();
    fill('案件附近多少米内的点位（米）', '3000');
    fireEvent.click(screen.getByRole('button', { name: '保存查找范围' }));
    expect(await screen.findByText('已保存：3000 米内。')).toBeTruthy();
    expect(sent.at(-1)).toEqual({ method: 'PATCH', body: { videoRadiusM: 3000 } });
  });
});
