// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { reviewerSession, servicesWith } from '../../../tests/builders/review.builder';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import type { CaseRecord } from '../../domain';
import { DEFAULT_TILE_SETTINGS, tileTemplateUrl } from '../../services/tile-settings';
import { setupI18n } from '../../ui/i18n/setup';
import type { LeafletMapProps } from '../../ui/map/LeafletMap';
import { LocationPart } from './LocationPart';
import { reviewMessages } from './messages';

// jsdom lays nothing out, so Leaflet cannot draw here: a stand-in shows what the map was given.
vi.mock('../../ui/map/LeafletMap', () => ({
  LeafletMap: (p: LeafletMapProps) => (
    <div
      role="region"
      aria-label={p.label}
      data-draggable={String(p.draggable)}
      data-zoom={p.zoom}
      data-tiles={p.tiles.url}
      data-at={p.position && `${p.position.latitude},${p.position.longitude}`}
    />
  ),
}));

const withoutPoint: CaseRecord = aCase().build();
const withPoint: CaseRecord = {
  ...withoutPoint,
  location: {
    ...withoutPoint.location,
    point: {
      latitude: 31.2304,
      longitude: 121.4737,
      accuracyM: 8.4,
      source: 'gps',
      at: '2026-11-27T02:00:00.000Z',
    },
  },
};

beforeAll(async () => {
  await setupI18n([reviewMessages], 'zh-CN');
});
afterEach(cleanup);

/** Renders the place and lets the lazy map (and the tile settings) arrive. */
async function show(record: CaseRecord) {
  const view = render(<LocationPart record={record} />, {
    wrapper: servicesWith(reviewerSession().store),
  });
  await act(async () => {
    await import('../../ui/map/LeafletMap');
    await new Promise((r) => setTimeout(r, 0));
  });
  return view;
}

describe('the reviewer’s place of the accident', () => {
  it('shows a read-only map of the point, with the coordinates and accuracy beside it', async () => {
    await show(withPoint);
    const map = await screen.findByRole('region', { name: '事故位置地图' });
    expect(map.dataset).toMatchObject({
      draggable: 'false',
      zoom: '16',
      at: '31.2304,121.4737',
      tiles: tileTemplateUrl(DEFAULT_TILE_SETTINGS),
    });
    expect(screen.getByTestId('review-coordinates').textContent).toContain(
      '纬度 31.230400，经度 121.473700（精度约 8 米）',
    );
    expect(screen.getByText(withPoint.location.address)).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('says the coordinates in English too (the longitude is not taken for a language)', async () => {
    await setupI18n([reviewMessages], 'en');
    try {
      await show(withPoint);
      expect(screen.getByTestId('review-coordinates').textContent).toContain(
        'latitude 31.230400, longitude 121.473700 (about 8 m)',
      );
    } finally {
      await setupI18n([reviewMessages], 'zh-CN');
    }
  });

  it('without a point shows the place in words only: no map, no coordinates', async () => {
    const { container } = await show(withoutPoint);
    expect(screen.getByText(withoutPoint.location.address)).toBeTruthy();
    expect(screen.queryByRole('region', { name: '事故位置地图' })).toBeNull();
    expect(container.querySelector('.review-map-panel')).toBeNull();
    expect(screen.queryByTestId('review-coordinates')).toBeNull();
  });
});
