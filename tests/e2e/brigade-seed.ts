/**
 * A brigade of its own on the shared demo server, made as its administrator
 * makes one — the admin CLI (`npm run admin`) against the server's database —
 * so a browser test can change the brigade's settings without touching the
 * demo brigade every other test file signs in to.
 */
import { join } from 'node:path';
import { runAdmin } from '../../server/admin-cli';
import type { BlobStore } from '../../server/blobs/blob-store';
import { openDatabase } from '../../server/db/database';
import type { ServerAddress } from './harness';
import { DEMO_PASSWORD } from './server';

export interface SeededBrigade {
  brigade: string;
  officer: string;
}

/** A new brigade with a patrol squad and one officer (the demo password), named after `tag`. */
export async function seedBrigade(server: ServerAddress, tag: string): Promise<SeededBrigade> {
  const db = openDatabase({ dialect: 'sqlite', file: join(server.dataDir, 'kuaichu.sqlite') });
  const brigade = `测试县交警大队${tag}`;
  const unit = `测试巡逻中队${tag}`;
  const officer = `ce.shi.${tag}`;
  const failed: string[] = [];
  const run = async (...argv: string[]) => {
    const code = await runAdmin(argv, {
      db,
      // Only verify-audit reads the photo store.
      blobs: undefined as unknown as BlobStore,
      now: () => new Date(),
      out: () => undefined,
      err: (line) => failed.push(line),
    });
    if (code !== 0) throw new Error(`admin ${argv[0]} failed: ${failed.join('; ')}`);
  };
  try {
    await run('create-brigade', '--name', brigade);
    await run('create-unit', '--brigade', brigade, '--name', unit, '--kind', 'patrol-squad');
    await run(
      'create-user',
      '--username',
      officer,
      '--role',
      'officer',
      '--unit',
      unit,
      '--password',
      DEMO_PASSWORD,
      '--display-name',
      '测试民警',
    );
  } finally {
    await db.destroy();
  }
  return { brigade, officer };
}
