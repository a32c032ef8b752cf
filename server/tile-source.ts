/**
 * A brigade's map tile source (src/contracts/tile-source.ts), kept as the
 * brigade document `tile-source` (migration 0012): read by the field pack and
 * the admin, replaced by an admin (audited, version + 1). The tiles' host must
 * be one the server's Content-Security-Policy allows (config `tileHosts`,
 * `TILE_HOSTS`): otherwise every phone's map would stay blank, refused by the
 * page's own policy. Which hosts the pages may load from stays the operator's
 * setting, not the admin's.
 */
import type {
  BrigadeTileSource} from '../src/contracts/tile-source';
import {
  TileSettings,
  tileOrigin,
  validateTileSettings,
} from '../src/contracts/tile-source';
import { appendAudit } from './audit/audit-log';
import { notFound } from './auth/policy';
import type { Db } from './db/database';
import { HttpError } from './errors';

const KIND = 'tile-source';
const NONE: BrigadeTileSource = { version: 0, updatedAt: null, source: null };

type Reader = Pick<Db, 'selectFrom'>;

export async function tileSourceOf(db: Reader, brigadeId: string): Promise<BrigadeTileSource> {
  const row = await db
    .selectFrom('brigade_documents')
    .select(['version', 'body', 'updated_at'])
    .where('brigade_id', '=', brigadeId)
    .where('kind', '=', KIND)
    .executeTakeFirst();
  if (!row) return NONE;
  const source = TileSettings.safeParse(JSON.parse(row.body));
  // Written only through the schema; a row that no longer parses reads as none set.
  return source.success
    ? { version: row.version, updatedAt: row.updated_at, source: source.data }
    : { ...NONE, version: row.version };
}

/** Whether a CSP host source (`https://host[:port]`, `https://*.host`) allows `scheme://host`. */
export function cspAllows(sources: readonly string[], scheme: string, host: string): boolean {
  return sources.some((source) => {
    const m = /^([a-z][a-z0-9+.-]*):\/\/(\*\.)?(.+)$/i.exec(source);
    if (!m?.[1] || !m[3] || m[1].toLowerCase() !== scheme) return false;
    const base = m[3].toLowerCase();
    return m[2] ? host.endsWith(`.${base}`) : host === base;
  });
}

/** The hosts a template's tiles come from: one per subdomain when the host has `{s}`. */
export function tileHosts(s: TileSettings): { scheme: string; hosts: string[] } | undefined {
  const origin = tileOrigin(s);
  if (!origin?.host) return undefined;
  const subdomains = origin.host.includes('{s}') ? [...(s.subdomains || 'abc')] : [''];
  return {
    scheme: origin.scheme,
    hosts: subdomains.map((d) => origin.host.replaceAll('{s}', d)),
  };
}

function checkSource(s: TileSettings, allowed: readonly string[]): void {
  const [problem] = validateTileSettings(s);
  if (problem) {
    throw new HttpError(400, 'invalid_tile_source', `${problem.field}: ${problem.reason}`);
  }
  const from = tileHosts(s);
  const refused = from?.hosts.find((h) => !cspAllows(allowed, from.scheme, h));
  if (!from || refused !== undefined) {
    throw new HttpError(
      400,
      'tile_host_not_allowed',
      `template: ${from?.scheme ?? ''}://${refused ?? ''} is not among the server's tile hosts (TILE_HOSTS: ${allowed.join(' ')})`,
    );
  }
}

async function requireBrigade(db: Reader, id: string): Promise<void> {
  const found = await db
    .selectFrom('brigades')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound('brigade');
}

export async function readTileSource(db: Db, brigadeId: string): Promise<BrigadeTileSource> {
  await requireBrigade(db, brigadeId);
  return tileSourceOf(db, brigadeId);
}

export async function saveTileSource(
  db: Db,
  input: { actor: string; brigadeId: string; source: TileSettings; allowed: readonly string[] },
  at: Date,
): Promise<BrigadeTileSource> {
  const source = {
    ...input.source,
    template: input.source.template.trim(),
    key: input.source.key.trim(),
  };
  checkSource(source, input.allowed);
  return db.transaction().execute(async (trx) => {
    await requireBrigade(trx, input.brigadeId);
    const before = await tileSourceOf(trx, input.brigadeId);
    const saved: BrigadeTileSource = {
      version: before.version + 1,
      updatedAt: at.toISOString(),
      source,
    };
    const row = {
      version: saved.version,
      body: JSON.stringify(source),
      updated_by: input.actor,
      updated_at: saved.updatedAt ?? at.toISOString(),
    };
    await trx
      .insertInto('brigade_documents')
      .values({ brigade_id: input.brigadeId, kind: KIND, ...row })
      .onConflict((oc) => oc.columns(['brigade_id', 'kind']).doUpdateSet(row))
      .execute();
    await appendAudit(trx, at, {
      actor: input.actor,
      action: 'brigade.tile_source',
      subject: input.brigadeId,
      details: { version: saved.version, before: before.version, template: source.template },
    });
    return saved;
  });
}
