import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeBase64Url,
  encodeBase64,
  encodeBase64Ascii,
  encodeBase64Url,
} from './base64';

const bytes = (n: number, seed = 7) =>
  Uint8Array.from({ length: n }, (_, i) => (i * seed + 3) % 256);

describe('base64', () => {
  it.each([0, 1, 2, 3, 4, 5, 100, 0x6000 * 3 + 2, 200_001])(
    'encodes %i bytes exactly as Node does, and decodes them back',
    (n) => {
      const data = bytes(n);
      const text = encodeBase64(data);
      expect(text).toBe(Buffer.from(data).toString('base64'));
      const back = decodeBase64(text);
      expect(back && Buffer.from(back).equals(Buffer.from(data))).toBe(true);
    },
  );

  it('refuses text that is not well-formed base64', () => {
    for (const bad of ['abc', 'ab=c', '=abc', 'ab c', 'abcd=', 'a===', 'ab€d', 'ab-_', 'abc\n']) {
      expect(decodeBase64(bad), bad).toBeNull();
    }
  });

  it('decodes the padded forms', () => {
    expect(Array.from(decodeBase64('AA==') ?? [])).toEqual([0]);
    expect(Array.from(decodeBase64('AAE=') ?? [])).toEqual([0, 1]);
    expect(Array.from(decodeBase64('') ?? [9])).toEqual([]);
  });
});

describe('encodeBase64Ascii', () => {
  it('gives the ASCII codes of the same text', () => {
    const data = bytes(1001, 13);
    expect(new TextDecoder().decode(encodeBase64Ascii(data))).toBe(encodeBase64(data));
  });
});

describe('base64url', () => {
  it.each([0, 1, 2, 3, 32, 64, 301])(
    'encodes %i bytes as Node does, and decodes them back',
    (n) => {
      const data = bytes(n, 29);
      const text = encodeBase64Url(data);
      expect(text).toBe(Buffer.from(data).toString('base64url'));
      const back = decodeBase64Url(text);
      expect(back && Buffer.from(back).equals(Buffer.from(data))).toBe(true);
    },
  );

  it('refuses padding, the standard alphabet’s + and /, and a length no bytes have', () => {
    for (const bad of ['AA==', 'a+b/', 'abcde', 'ab c', 'ab€d']) {
      expect(decodeBase64Url(bad), bad).toBeNull();
    }
  });
});
