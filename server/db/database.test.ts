import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { openDatabase, reachDatabase } from './database';

describe('reachDatabase', () => {
  it('answers for an open SQLite database', async () => {
    const config = { dialect: 'sqlite', file: ':memory:' } as const;
    const db = openDatabase(config);
    await expect(reachDatabase(db, config)).resolves.toBeUndefined();
    await db.destroy();
  });

  it('stops start-up with one line naming DATABASE_URL, never the password', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const config = {
      dialect: 'postgres',
      url: 'postgres://kc:hunter2@127.0.0.1:1/kuaichu',
    } as const;
    const db = openDatabase(config);
    const error = await reachDatabase(db, config).then(
      () => undefined,
      (e: unknown) => e,
    );
    await db.destroy();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^DATABASE_URL: cannot reach the database postgres:\/\/127\.0\.0\.1:1\/kuaichu: .*ECONNREFUSED/,
    );
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });
});
