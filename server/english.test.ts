import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/contracts/route';
import { capitalise, withArticle } from './english';

describe('withArticle', () => {
  it.each([
    ['insurer', 'an insurer'],
    ['officer', 'an officer'],
    ['admin', 'an admin'],
    ['reviewer', 'a reviewer'],
    ['assessed', 'an assessed'],
    ['synced', 'a synced'],
    ['returned', 'a returned'],
  ])('%s → %s', (word, phrase) => {
    expect(withArticle(word)).toBe(phrase);
  });

  it('never writes "a" before a role that starts with a vowel', () => {
    for (const role of ROLES) expect(withArticle(role)).not.toMatch(/^a [aeiou]/);
  });
});

describe('capitalise', () => {
  it('starts a sentence', () => {
    expect(capitalise(withArticle('insurer'))).toBe('An insurer');
  });
});
