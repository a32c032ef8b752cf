import { describe, expect, it } from 'vitest';
import { tileNotice } from './tile-notice';

describe('tileNotice', () => {
  it.each([
    ['failed', true, 'server-unreachable'],
    ['failed', false, 'offline-uncached'],
    ['loaded', true, null],
    ['loaded', false, null],
    ['pending', true, null],
    ['pending', false, null],
  ] as const)('tiles %s, online %s → %s', (status, online, expected) => {
    expect(tileNotice(status, online)).toBe(expected);
  });
});
