import { describe, expect, it } from 'vitest';
import { checkBrigadeDraft } from './brigade-form';

describe('checkBrigadeDraft', () => {
  it.each([
    ['1', 1],
    ['1440', 1440],
    [' 15 ', 15],
    ['１５', 15],
  ])('takes %j as %i minutes', (minutes, callbackMinutes) => {
    expect(checkBrigadeDraft({ minutes, packetsOn: 'signed' })).toEqual({
      ok: true,
      value: { callbackMinutes, packetsOn: 'signed' },
    });
  });

  it.each([
    ['', 'minutesRequired'],
    ['   ', 'minutesRequired'],
    ['2.5', 'minutesWhole'],
    ['-3', 'minutesWhole'],
    ['ten', 'minutesWhole'],
    ['0', 'minutesRange'],
    ['1441', 'minutesRange'],
    ['99999999999999999999', 'minutesRange'],
  ])('refuses %j as %s', (minutes, error) => {
    expect(checkBrigadeDraft({ minutes, packetsOn: 'review' })).toEqual({ ok: false, error });
  });
});
