import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { RunningSha256, sharedBlock, stopHashingThread } from './off-thread-sha256';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

afterEach(async () => {
  await stopHashingThread();
});

describe('RunningSha256', () => {
  it('hashes ranges of a shared block on its thread, in the order given, across reuses of the block', async () => {
    const bytes = randomBytes(300_000);
    const block = sharedBlock(64 * 1024);
    const hash = new RunningSha256();
    for (let at = 0; at < bytes.length;) {
      // Ranges of uneven size, the block refilled from its start once full and settled.
      let filled = 0;
      while (filled < block.length && at < bytes.length) {
        const length = Math.min(7_000, block.length - filled, bytes.length - at);
        bytes.copy(block, filled, at, at + length);
        hash.update(block, filled, length);
        filled += length;
        at += length;
      }
      await hash.settled();
    }
    expect(await hash.digest()).toBe(sha256(bytes));
  });

  it('hashes nothing to the empty digest, and keeps two hashes apart', async () => {
    const block = sharedBlock(16);
    const [a, b] = [new RunningSha256(), new RunningSha256()];
    block.write('abc');
    a.update(block, 0, 3);
    expect(await b.digest()).toBe(sha256(new Uint8Array()));
    expect(await a.digest()).toBe(sha256(Buffer.from('abc')));
  });

  it('keeps the process alive while it awaits the thread, and lets it end after', async () => {
    // A process with nothing else to do: it must wait for the digest, print it, and exit.
    const script = [
      "import { RunningSha256, sharedBlock } from './server/uploads/off-thread-sha256.ts';",
      'const block = sharedBlock(3); block.write("abc");',
      'const hash = new RunningSha256(); hash.update(block, 0, 3);',
      'console.log(await hash.digest());',
    ].join('\n');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { timeout: 30_000 },
    );
    expect(stdout.trim()).toBe(sha256(Buffer.from('abc')));
  });

  it('refuses memory the thread cannot see', () => {
    expect(() => new RunningSha256().update(Buffer.alloc(8), 0, 8)).toThrow(/shared/);
  });

  it('fails every running hash when its thread stops; a new hash starts a new thread', async () => {
    const block = sharedBlock(16);
    const hash = new RunningSha256();
    hash.update(block, 0, 16);
    await stopHashingThread();
    await expect(hash.settled()).rejects.toThrow(/stopped/);
    await expect(hash.digest()).rejects.toThrow(/stopped/);
    const next = new RunningSha256();
    next.update(block, 0, 16);
    expect(await next.digest()).toBe(sha256(new Uint8Array(16)));
  });
});
