import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, utf8Bytes } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('orders keys by UTF-16 code units, as RFC 8785 requires', () => {
    // From RFC 8785 §3.2.3: "\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "\ufb33".
    const value = {
      '\u20ac': 5,
      '\r': 1,
      '\ud83d\ude00': 6,
      '\ufb33': 7,
      '1': 2,
      '\u0080': 3,
      ö: 4,
    };
    expect(Object.values(JSON.parse(canonicalJson(value)) as object)).toEqual([
      2, 1, 3, 4, 5, 6, 7,
    ]);
    expect(canonicalJson(value).indexOf('"\\r"')).toBe(1);
  });

  it('writes numbers as JavaScript does, and the same for -0 and 0', () => {
    expect(canonicalJson([1e21, 0.1, -0, 100, 1.5e-7])).toBe('[1e+21,0.1,0,100,1.5e-7]');
  });

  it('leaves out undefined members, so absent and undefined hash alike', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it.each([
    ['NaN', [Number.NaN]],
    ['Infinity', { x: Number.POSITIVE_INFINITY }],
    ['undefined in an array', [undefined]],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: BigInt(1) }],
    ['a Date', { d: new Date(0) }],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it.each([
    [[Number.NaN], '$[0]: NaN is not JSON'],
    [{ a: [1, { b: Number.POSITIVE_INFINITY }] }, '$.a[1].b: Infinity is not JSON'],
    [{ a: { d: new Date(0) } }, '$.a.d: only plain objects are JSON'],
    [{ z: [[undefined]] }, '$.z[0][0]: undefined values are not JSON'],
    [() => 1, '$: function values are not JSON'],
  ])('names where the refused value is: %j', (value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('is stable under key reordering and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reparsed: unknown = JSON.parse(text);
        expect(canonicalJson(reparsed)).toBe(text);
        expect(text).toBe(canonicalJson(structuredClone(reparsed)));
      }),
    );
  });
});

describe('utf8Bytes', () => {
  it('matches Node for any string, including astral and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, 'utf8'));
      }),
    );
    expect([...utf8Bytes('川A·😀\ud800')]).toEqual([...Buffer.from('川A·😀\ud800', 'utf8')]);
  });
});
