import { describe, expect, it } from 'vitest';
import { isTileRequest } from '../../contracts/tiles';

const req = (url: string, destination = 'image', method = 'GET') => {
  const u = new URL(url);
  return { method, destination, hostname: u.hostname, pathname: u.pathname };
};

describe('isTileRequest (the service worker tile route)', () => {
  it.each([
    ['https://tile.openstreetmap.org/15/25856/13449.png', 'image'],
    ['https://tile.openstreetmap.org/15/25856/13449.png', ''],
    ['https://t3.tianditu.gov.cn/DataServer?T=vec_w&x=1&y=2&l=3&tk=k', 'image'],
    ['https://tiles.my-unit.gov.cn/osm/12/3301/1683.png', 'image'],
    ['https://tiles.example/12/3301/1683@2x.jpg', 'image'],
  ])('routes %s (%s)', (url, destination) => {
    expect(isTileRequest(req(url, destination))).toBe(true);
  });

  it.each([
    ['https://tiles.my-unit.gov.cn/osm/12/3301/1683.png', ''],
    ['https://kuaichu.example/icons/icon-192.png', 'image'],
    ['https://kuaichu.example/api/photos/1/2/3.png', 'image'],
    ['https://evil-tile.openstreetmap.org.example/1/2/3.png', ''],
  ])('leaves %s (%s) alone', (url, destination) => {
    expect(isTileRequest(req(url, destination))).toBe(false);
  });

  it('never routes anything but GET', () => {
    expect(isTileRequest(req('https://tile.openstreetmap.org/1/1/1.png', 'image', 'POST'))).toBe(
      false,
    );
  });
});
