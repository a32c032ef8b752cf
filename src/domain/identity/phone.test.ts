import { describe, expect, it } from 'vitest';
import { validatePhone } from './phone';

describe('validatePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-19912345678', '19912345678'],
    ['0086 15912345678', '15912345678'],
    ['8617712345678', '17712345678'],
    ['（+86）13800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
  ])('accepts %j → %s', (input, value) => {
    expect(validatePhone(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'phone.missing'],
    ['   ', 'phone.missing'],
    ['1380013800a', 'phone.bad-character'],
    ['+852 9123 4567', 'phone.not-mainland'],
    ['00853 6612 3456', 'phone.not-mainland'],
    ['1380013800', 'phone.too-short'],
    ['138001380001', 'phone.too-long'],
    ['12800138000', 'phone.bad-prefix'],
    ['01012345678', 'phone.bad-prefix'],
  ])('refuses %j → %s', (input, reason) => {
    expect(validatePhone(input)).toEqual({ ok: false, field: 'phone', reason });
  });
});
