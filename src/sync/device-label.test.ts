import { describe, expect, it } from 'vitest';
import { deviceLabelOf } from './device-label';

describe('a phone’s label', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14; 23078RKD5C) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Mobile Safari/537.36',
      'Android 14 · Chrome 150',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'iPhone iOS 18 · Safari 18',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.49',
      'Android 13 · WeChat 8',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.0.0 Safari/537.36',
      'Linux · Chrome 150',
    ],
    ['', 'Kuaichu phone'],
  ])('reads %s as %s', (ua, label) => {
    expect(deviceLabelOf(ua)).toBe(label);
  });
});
