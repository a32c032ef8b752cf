import { describe, expect, it } from 'vitest';
import { ACTION_WORDS, factWordsOf, wordsIn } from './fact-words';
import {
  PlaceKindV2 as PlaceKind,
  SignalFacing,
  VehicleActionV2 as VehicleAction,
} from './facts.schema';

describe('the facts’ words', () => {
  it('names every place kind, action and signal in both languages', () => {
    for (const lng of ['zh', 'en'] as const) {
      const words = factWordsOf(lng);
      for (const k of PlaceKind.options) expect(words.placeKind[k]).toMatch(/\S/);
      for (const a of VehicleAction.options) expect(words.actionKind[a]).toMatch(/\S/);
      for (const s of SignalFacing.options) expect(words.signalKind[s]).toMatch(/\S/);
    }
  });

  it('gives one language of a table for a feature’s messages', () => {
    expect(wordsIn(ACTION_WORDS, 'en')['u-turn']).toBe('U-turn');
    expect(wordsIn(ACTION_WORDS, 'zh')['u-turn']).toBe('掉头');
  });
});
