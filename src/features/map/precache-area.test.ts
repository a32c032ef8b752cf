import { describe, expect, it } from 'vitest';
import {
  AVERAGE_TILE_BYTES,
  bboxAround,
  countTiles,
  MAX_PRECACHE_TILES,
  planTiles,
  tileAt,
  tileUrl,
} from './precache-area';

describe('tileAt', () => {
  it.each([
    { lat: 51.5074, lng: -0.1278, z: 10, x: 511, y: 340 },
    { lat: 30.6586, lng: 104.0648, z: 15, x: 25856, y: 13449 },
    { lat: 30.6586, lng: 104.0648, z: 0, x: 0, y: 0 },
    { lat: 0.0001, lng: 0.0001, z: 1, x: 1, y: 0 },
  ])('puts ($lat, $lng) at z$z in tile $x/$y', ({ lat, lng, z, x, y }) => {
    expect(tileAt(lat, lng, z)).toEqual({ z, x, y });
  });

  it('clamps the poles and the antimeridian into the tile grid', () => {
    expect(tileAt(90, 180, 2)).toEqual({ z: 2, x: 3, y: 0 });
    expect(tileAt(-90, -180, 2)).toEqual({ z: 2, x: 0, y: 3 });
  });
});

describe('bboxAround', () => {
  it('spans about 2 × radius in both directions', () => {
    const b = bboxAround(30, 104, 1);
    expect(b.north - b.south).toBeCloseTo(2 / 111.32, 5);
    // A degree of longitude is shorter at 30°N, so the box is wider in degrees.
    expect(b.east - b.west).toBeCloseTo(2 / (111.32 * Math.cos(Math.PI / 6)), 5);
  });
});

describe('planTiles', () => {
  const chengdu = bboxAround(30.6586, 104.0648, 0.5);

  it('lists every tile of every zoom level once, lowest zoom first', () => {
    const plan = planTiles(chengdu, [16, 15, 15]);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.count).toBe(plan.tiles.length);
    expect(plan.count).toBe(countTiles(chengdu, [15, 16]));
    expect(plan.tiles[0]?.z).toBe(15);
    expect(new Set(plan.tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(plan.count);
    expect(plan.estimatedBytes).toBe(plan.count * AVERAGE_TILE_BYTES);
    expect(plan.tiles).toContainEqual(tileAt(30.6586, 104.0648, 16));
  });

  it('covers the whole world with one tile at zoom 0', () => {
    const plan = planTiles({ south: -85, west: -180, north: 85, east: 180 }, [0]);
    expect(plan).toMatchObject({ ok: true, count: 1, tiles: [{ z: 0, x: 0, y: 0 }] });
  });

  it(`refuses more than ${MAX_PRECACHE_TILES} tiles and says how many it would be`, () => {
    const county = bboxAround(30.6586, 104.0648, 20);
    const plan = planTiles(county, [14, 15, 16]);
    expect(plan).toMatchObject({ ok: false, reason: 'too-many', max: MAX_PRECACHE_TILES });
    expect(plan.count).toBeGreaterThan(MAX_PRECACHE_TILES);
  });

  it('refuses no zoom levels and an inverted box', () => {
    expect(planTiles(chengdu, [])).toMatchObject({ ok: false, reason: 'no-zoom' });
    expect(planTiles(chengdu, [25, -1, 1.5])).toMatchObject({ ok: false, reason: 'no-zoom' });
    expect(planTiles({ south: 31, west: 104, north: 30, east: 105 }, [10])).toMatchObject({
      ok: false,
      reason: 'bad-area',
    });
  });

  it('accepts a custom cap', () => {
    expect(planTiles(chengdu, [17], 3)).toMatchObject({ ok: false, reason: 'too-many', max: 3 });
  });
});

describe('tileUrl', () => {
  it('fills the OpenStreetMap template', () => {
    expect(
      tileUrl('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { z: 15, x: 25856, y: 13449 }, ''),
    ).toBe('https://tile.openstreetmap.org/15/25856/13449.png');
  });

  it('picks the subdomain as Leaflet does, |x + y| mod n', () => {
    const template = 'https://t{s}.example.cn/DataServer?x={x}&y={y}&l={z}';
    expect(tileUrl(template, { z: 3, x: 2, y: 3 }, '01234567')).toBe(
      'https://t5.example.cn/DataServer?x=2&y=3&l=3',
    );
    expect(tileUrl('https://{s}.tile.example/{z}/{x}/{y}.png', { z: 1, x: 1, y: 1 })).toBe(
      'https://c.tile.example/1/1/1.png',
    );
  });

  it('inverts {-y} for TMS servers and drops {r}', () => {
    expect(tileUrl('https://tms.example/{z}/{x}/{-y}{r}.png', { z: 2, x: 1, y: 0 }, '')).toBe(
      'https://tms.example/2/1/3.png',
    );
  });
});
