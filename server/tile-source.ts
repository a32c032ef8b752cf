/**
 * A brigade's map tile source (src/contracts/tile-source.ts), kept as the
 * brigade document `tile-source` (brigade-documents.ts): read by the field pack and
 * the admin, replaced by an admin (audited, version + 1). The tiles' host must
 * be one the server's Content-Security-Policy allows (config `tileHosts`,
 * `TILE_HOSTS`): otherwise every phone's map would stay blank, refused by the
 * page's own policy. Which hosts the pages may load from stays the operator's
 * setting, not the admin's.
 */
import type { BrigadeTileSource } from '../src/contracts/tile-source';
import { TileSettings, tileOrigin, validateTileSettings } from '../src/contracts/tile-source';
import {
  documentOf,
  requireBrigade,
  saveDocument,
  type DocumentKind,
  type Reader,
  type Stored,
} from './brigade-documents';
import type { Db } from './db/database';
import { HttpError } from './errors';

const TILES: DocumentKind<TileSettings | null> = {
  kind: 'tile-source',
  action: 'brigade.tile_source',
  parse: (v) => TileSettings.safeParse(v),
  starter: { version: 0, updatedAt: null, body: null },
};

const asSource = (s: Stored<TileSettings | null>): BrigadeTileSource => ({
  version: s.version,
  updatedAt: s.updatedAt,
  source: s.body,
});

export async function tileSourceOf(db: Reader, brigadeId: string): Promise<BrigadeTileSource> {
  return asSource(await documentOf(db, brigadeId, TILES));
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

export async function readTileSource(db: Db, brigadeId: string): Promise<BrigadeTileSource> {
  await requireBrigade(db, brigadeId);
  return tileSourceOf(db, brigadeId);
}

export async function saveTileSource(
  db: Db,
  input: { actor: string; brigadeId: string; source: TileSettings; allowed: readonly string[] },
  at: Date,
): Promise<BrigadeTileSource> {
  const { actor, brigadeId, allowed } = input;
  const source = {
    ...input.source,
    template: input.source.template.trim(),
    key: input.source.key.trim(),
  };
  checkSource(source, allowed);
  return asSource(await saveDocument(db, TILES, { actor, brigadeId, body: source, at }));
}
