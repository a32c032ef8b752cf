import { describe, expect, it } from 'vitest';
import { memoryTmpdir } from './memory-tmpdir';

const GiB = 1024 ** 3;

describe('the tests’ temporary folders in memory', () => {
  it.each([
    [{}, 24 * GiB, '/dev/shm'],
    [{}, 2 * GiB, '/dev/shm'],
    [{}, 64 * 1024 ** 2, undefined],
    [{}, 0, undefined],
    [{ TMPDIR: '/var/tmp' }, 24 * GiB, undefined],
    [{ TMPDIR: '' }, 24 * GiB, '/dev/shm'],
  ])('env %j with %i bytes free on /dev/shm: %s', (env, free, expected) => {
    expect(memoryTmpdir(env, () => free)).toBe(expected);
  });
});
