import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { HttpError, parseInput } from './errors';

const Note = z.object({ notes: z.array(z.object({ text: z.string() })) });
const Anything = z.record(z.string(), z.unknown());

function refusal(run: () => unknown): HttpError {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('parseInput', () => {
  it('refuses a lone surrogate anywhere in the input, naming its path', () => {
    const error = refusal(() =>
      parseInput(Note, { notes: [{ text: 'ok' }, { text: 'bad \udc00' }] }, 'body'),
    );

    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual([
      { path: 'body.notes.1.text', message: expect.stringMatching(/well-formed/) as string },
    ]);
  });

  it('refuses a lone surrogate in a key that a record schema would keep', () => {
    const error = refusal(() => parseInput(Anything, { ['k\ud800']: 1 }, 'querystring'));

    expect(error.fields?.map((f) => f.path)).toEqual(['querystring.k\ud800']);
  });

  it('accepts paired surrogates (text outside the BMP, such as emoji)', () => {
    expect(parseInput(Note, { notes: [{ text: '车 🚗 𠀀' }] }, 'body')).toEqual({
      notes: [{ text: '车 🚗 𠀀' }],
    });
  });

  it('walks input nested deeper than the call stack', () => {
    let deep: unknown = 'x\ud800';
    for (let i = 0; i < 20_000; i++) deep = [deep];

    expect(refusal(() => parseInput(Anything, { deep }, 'body')).code).toBe('validation_failed');
  });

  it('accepts well-formed input nested deeper than the quick check goes', () => {
    let deep: unknown = 'x 🚗';
    for (let i = 0; i < 200; i++) deep = i % 2 ? [deep] : { [`k${i}`]: deep };

    expect(parseInput(Anything, { deep }, 'body')).toEqual({ deep });
  });

  it.each([
    [
      'a value in an array of objects',
      { a: [{ b: 'ok' }, { b: ['x', 'y\udbff'] }] },
      'body.a.1.b.1',
    ],
    ['a key at the top', { ['\udfff']: 'v' }, 'body.\udfff'],
    ['the last of many fields', { a: 1, b: null, c: true, d: 'ok', e: 'z\ud800' }, 'body.e'],
  ])('names every lone surrogate: %s', (_, input, path) => {
    expect(refusal(() => parseInput(Anything, input, 'body')).fields?.map((f) => f.path)).toEqual([
      path,
    ]);
  });
});
