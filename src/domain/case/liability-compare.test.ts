import { describe, expect, it } from 'vitest';
import { namesExactly, sameLiability } from './liability-compare';

describe('sameLiability', () => {
  it.each([
    [{ A: 'full' }, { A: 'full' }, true],
    [{ A: 'full', B: 'none' }, { B: 'none', A: 'full' }, true],
    [{ A: 'full' }, { A: 'none' }, false],
    [{ A: 'full' }, { A: 'full', B: 'none' }, false],
    [undefined, { A: 'full' }, false],
  ] as const)('%j and %j: %s', (a, b, same) => {
    expect(sameLiability(a, b)).toBe(same);
  });
});

describe('namesExactly', () => {
  it.each([
    [{ A: 'full', B: 'none' }, ['B', 'A'], true],
    [{ A: 'full' }, ['A', 'B'], false],
    [{ A: 'full', C: 'none' }, ['A', 'B'], false],
  ] as const)('%j for %j: %s', (liability, labels, exact) => {
    expect(namesExactly(liability, labels)).toBe(exact);
  });
});
