import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_INPUTS, checkBuild, decideBuild, newestInput } from './build-stale.mjs';

describe('decideBuild', () => {
  it('is stale when the output is missing', () => {
    expect(decideBuild(undefined, { path: 'src/a.ts', mtimeMs: 1 })).toEqual({
      stale: true,
      reason: 'dist/index.html is missing',
    });
  });

  it('is stale when an input changed after the output', () => {
    expect(decideBuild(1000, { path: 'src/app/main.tsx', mtimeMs: 1001 })).toEqual({
      stale: true,
      reason: 'src/app/main.tsx changed after the last build',
    });
  });

  it.each([
    [1000, { path: 'src/a.ts', mtimeMs: 999 }],
    [1000, { path: 'src/a.ts', mtimeMs: 1000 }],
    [1000, undefined],
  ])('is fresh when output at %d is not older than %o', (output, input) => {
    expect(decideBuild(output, input).stale).toBe(false);
  });
});

describe('checkBuild on a project folder', () => {
  let root: string;
  const T0 = new Date('2026-01-01T00:00:00Z');
  const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

  async function write(rel: string, when: Date, text = 'x'): Promise<void> {
    const file = path.join(root, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    await fs.utimes(file, when, when);
  }

  /** Folders get "now" as mtime when files are made in them; pin them all to T0. */
  async function pinFolders(): Promise<void> {
    for (const dir of ['src', 'src/app', 'public', 'service-worker']) {
      await fs.utimes(path.join(root, dir), T0, T0).catch(() => undefined);
    }
  }

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-stale-'));
    await write('src/app/main.tsx', T0);
    await write('public/icon.svg', T0);
    await write('index.html', T0);
    await write('package.json', T0);
    await pinFolders();
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('is stale before the first build', async () => {
    expect(await checkBuild(root)).toEqual({ stale: true, reason: 'dist/index.html is missing' });
  });

  it('is fresh right after a build', async () => {
    await write('dist/index.html', at(10));
    expect((await checkBuild(root)).stale).toBe(false);
  });

  it.each([
    'src/app/main.tsx',
    'public/icon.svg',
    'index.html',
    'package.json',
    'vite.config.ts',
    'scripts/prerender-first-screen.ts',
  ])('is stale when %s changes after the build', async (rel) => {
    await write('dist/index.html', at(10));
    await write(rel, at(20));
    await pinFolders();

    expect(await checkBuild(root)).toEqual({
      stale: true,
      reason: `${rel} changed after the last build`,
    });
  });

  it('is stale when a source file is deleted (its folder changes)', async () => {
    await write('src/app/old.ts', T0);
    await pinFolders();
    await write('dist/index.html', at(10));

    await fs.rm(path.join(root, 'src/app/old.ts'));
    await fs.utimes(path.join(root, 'src/app'), at(20), at(20));

    expect(await checkBuild(root)).toMatchObject({
      stale: true,
      reason: expect.stringMatching(/^src\/app /),
    });
  });

  it('ignores test files, dotfiles and node_modules under the inputs', async () => {
    await write('dist/index.html', at(10));
    await write('src/app/main.test.tsx', at(20));
    await write('src/.DS_Store', at(20));
    await write('src/node_modules/x/index.js', at(20));
    await pinFolders();
    await fs.utimes(path.join(root, 'src/node_modules'), T0, T0);

    expect(await newestInput(root, BUILD_INPUTS)).toMatchObject({ mtimeMs: T0.getTime() });
    expect((await checkBuild(root)).stale).toBe(false);
  });
});
