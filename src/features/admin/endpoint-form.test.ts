import { describe, expect, it } from 'vitest';
import { checkDraft, checkOverlap, EMPTY_DRAFT } from './endpoint-form';

describe('checkDraft', () => {
  it('makes the request from a valid draft, trimmed, without empty parts', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, url: ' https://claims.example.com/kc ' })).toEqual({
      ok: true,
      value: { url: 'https://claims.example.com/kc' },
    });
    expect(
      checkDraft({ url: 'http://10.0.0.5/hook', description: ' 测试 ', allowPrivate: true }),
    ).toEqual({
      ok: true,
      value: { url: 'http://10.0.0.5/hook', description: '测试', allowPrivate: true },
    });
  });

  it('names the URL field for each kind of problem', () => {
    const url = (u: string) => checkDraft({ ...EMPTY_DRAFT, url: u });
    expect(url('')).toEqual({ ok: false, errors: { url: 'urlRequired' } });
    expect(url('claims.example.com')).toEqual({ ok: false, errors: { url: 'urlInvalid' } });
    expect(url('ftp://claims.example.com')).toEqual({ ok: false, errors: { url: 'urlInvalid' } });
    expect(url('https:// spaced.example')).toEqual({ ok: false, errors: { url: 'urlInvalid' } });
    expect(url(`https://a.example/${'x'.repeat(2000)}`)).toEqual({
      ok: false,
      errors: { url: 'urlTooLong' },
    });
    expect(url('http://claims.example.com')).toEqual({ ok: false, errors: { url: 'urlHttps' } });
  });

  it('names the description when it is too long or holds control characters', () => {
    const draft = { ...EMPTY_DRAFT, url: 'https://claims.example.com' };
    expect(checkDraft({ ...draft, description: 'x'.repeat(201) })).toEqual({
      ok: false,
      errors: { description: 'descriptionTooLong' },
    });
    expect(checkDraft({ ...draft, description: 'a\u0007b' })).toEqual({
      ok: false,
      errors: { description: 'descriptionInvalid' },
    });
  });
});

describe('checkOverlap', () => {
  it('takes whole hours from 0 to 168', () => {
    expect(checkOverlap('24')).toBe(24);
    expect(checkOverlap(' 0 ')).toBe(0);
    expect(checkOverlap('168')).toBe(168);
    expect(checkOverlap('169')).toBeNull();
    expect(checkOverlap('1.5')).toBeNull();
    expect(checkOverlap('')).toBeNull();
    expect(checkOverlap('-1')).toBeNull();
  });
});
