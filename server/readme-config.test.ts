/**
 * README's configuration tables say which message each bad value of
 * DATABASE_URL, BLOB_STORE and the S3_* variables gives at start-up. This
 * reads those tables and starts the configuration with each value, so the
 * README cannot drift from what the server prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBlobStore } from './blobs/open-blob-store';
import { loadConfig, PROJECT_ROOT } from './config';
import { openDatabase, reachDatabase } from './db/database';

interface Row {
  value: string;
  message: string;
}

/** The rows of every README table whose second column is "message at start-up". */
function messageRows(): Row[] {
  const lines = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8').split('\n');
  const rows: Row[] = [];
  let inTable = false;
  for (const line of lines) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells[1] === 'message at start-up') inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable && !cells[0]?.startsWith('---'))
      rows.push({ value: cells[0] ?? '', message: (cells[1] ?? '').replace(/^`|`$/g, '') });
  }
  return rows;
}

const S3 = { BLOB_STORE: 's3://kc-photos', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };
/** Nothing listens on port 1 here: a store or database there cannot be reached. */
const NOWHERE = 'http://127.0.0.1:1';
/** README's unreachable database server, and the one this test points at instead. */
const README_DB = 'db:5432';
const NOWHERE_DB = '127.0.0.1:1';

/** The environment a row describes, over what it needs to get that far. */
function envOf(value: string): Record<string, string> {
  if (value.startsWith('`S3_ACCESS_KEY_ID` or')) return { ...S3, S3_ACCESS_KEY_ID: '' };
  if (value.startsWith('a bucket')) return { ...S3, S3_ENDPOINT: NOWHERE };
  if (value.startsWith('a server')) return { DATABASE_URL: `postgres://kc@${NOWHERE_DB}/kc` };
  const setting = /^`([^`]*)`/.exec(value)?.[1] ?? '';
  const [name = '', ...rest] = setting.split(/=(.*)/s);
  const given = rest[0] ?? '';
  const unquoted = given.startsWith('"') ? (JSON.parse(given) as string) : given;
  return name.startsWith('S3_') ? { ...S3, [name]: unquoted } : { [name]: unquoted };
}

/** What start-up prints for `env`: the configuration, then the bucket and the database reached. */
async function startupError(env: Record<string, string>): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-readme-'));
  try {
    const config = loadConfig({ ...env, DATA_DIR: dataDir });
    await openBlobStore(config);
    const db = openDatabase(config.database);
    try {
      await reachDatabase(db, config.database);
    } finally {
      await db.destroy();
    }
    return 'started';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe("README's start-up messages", () => {
  const rows = messageRows();

  it('lists the bad values of DATABASE_URL, BLOB_STORE and every S3_* variable', () => {
    const named = rows.map((r) => r.value).join(' ');
    for (const name of [
      'DATABASE_URL',
      'BLOB_STORE',
      'S3_ENDPOINT',
      'S3_REGION',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'S3_FORCE_PATH_STYLE',
    ])
      expect(named).toContain(name);
  });

  it.each(rows.map((r) => [r.value, r]))(
    '%s gives the message README shows',
    async (_, row) => {
      const message = await startupError(envOf(row.value));

      // README shortens long messages with "…": each part it shows is in the real one.
      const shown = row.message.replace(README_DB, NOWHERE_DB);
      for (const part of shown
        .split('…')
        .map((p) => p.trim())
        .filter(Boolean))
        expect(message).toContain(part);
    },
    60_000,
  );
});
