import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../src/contracts/errors';
import { FieldPack } from '../../src/contracts/field-pack';
import { BrigadeTileSource, presetSettings } from '../../src/contracts/tile-source';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';
import { cspAllows, tileHosts } from '../tile-source';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld({}, { tileHosts: ['https://*.tianditu.gov.cn', 'http://10.0.0.5:8080'] });
});

afterEach(async () => {
  await w.close();
});

const url = () => `/api/admin/brigades/${w.units.patrolA.brigadeId}/tile-source`;
const put = (payload: object) => w.call('admin', { method: 'PUT', url: url(), payload });
const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;
const intranet = {
  ...presetSettings('osm'),
  preset: 'custom' as const,
  template: 'http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png',
  attribution: '县局内网底图',
};

describe('a brigade’s map tile source', () => {
  it('is none until the admin sets one; then the brigade’s phones get it in the field pack, audited', async () => {
    const none = BrigadeTileSource.parse((await w.call('admin', { url: url() })).json());
    expect(none).toEqual({ version: 0, updatedAt: null, source: null });

    const tianditu = presetSettings('tianditu-vec', 'abc123');
    const saved = await put(tianditu);
    expect(saved.statusCode).toBe(200);
    expect(BrigadeTileSource.parse(saved.json())).toMatchObject({ version: 1, source: tianditu });
    expect(BrigadeTileSource.parse((await put(intranet)).json()).version).toBe(2);

    const pack = FieldPack.parse((await w.call('officerA', { url: '/api/field-pack' })).json());
    expect(pack.tileSource).toMatchObject({ version: 2, source: intranet });
    const other = FieldPack.parse((await w.call('officerB', { url: '/api/field-pack' })).json());
    expect(other.tileSource).toEqual({ version: 0, updatedAt: null, source: null });
    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select('subject')
      .where('action', '=', 'brigade.tile_source')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a host the server’s pages may not load tiles from, naming the template and the allowed hosts', async () => {
    const res = await put(presetSettings('osm'));
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('tile_host_not_allowed');
    expect(error.message).toContain('template');
    expect(error.message).toContain('https://tile.openstreetmap.org');
    expect(error.message).toContain('TILE_HOSTS');
    expect((await w.call('admin', { url: url() })).json()).toMatchObject({ version: 0 });
  });

  it.each([
    [{ ...intranet, template: 'http://10.0.0.5:8080/tiles/{x}/{y}.png' }, 'template'],
    [{ ...presetSettings('tianditu-vec'), key: '' }, 'key'],
    [{ ...intranet, template: 'javascript:alert({z}{x}{y})' }, 'template'],
  ])('refuses a source that cannot work, naming the field (%#)', async (source, field) => {
    const res = await put(source);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'invalid_tile_source' });
    expect(errorOf(res).message).toMatch(new RegExp(`^${field}:`));
  });

  it('refuses a body that is not a tile source, naming the field', async () => {
    const res = await put({ template: 42 });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('template');
  });
});

describe('CSP host sources', () => {
  it('match a host exactly or under a wildcard, with the scheme and port', () => {
    const sources = [
      'https://*.tianditu.gov.cn',
      'http://10.0.0.5:8080',
      'https://tiles.example.cn',
    ];
    expect(cspAllows(sources, 'https', 't3.tianditu.gov.cn')).toBe(true);
    expect(cspAllows(sources, 'https', 'tianditu.gov.cn')).toBe(false);
    expect(cspAllows(sources, 'http', 't3.tianditu.gov.cn')).toBe(false);
    expect(cspAllows(sources, 'http', '10.0.0.5:8080')).toBe(true);
    expect(cspAllows(sources, 'http', '10.0.0.5')).toBe(false);
    expect(cspAllows(sources, 'https', 'evil-tiles.example.cn')).toBe(false);
  });

  it('expand {s} in the host to each subdomain', () => {
    expect(tileHosts(presetSettings('tianditu-vec', 'k'))?.hosts).toEqual(
      [...'01234567'].map((d) => `t${d}.tianditu.gov.cn`),
    );
  });
});
