/** What main.ts prints once listening: the URL to open, and where a phone finds it. */
import os from 'node:os';
import type { BlobStoreConfig } from './blobs/blob-store-config';
import type { DatabaseConfig, ServerConfig } from './config';
import { postgresWhere } from './db/database';

/** Non-internal IPv4 addresses, for the "open this on your phone" hint. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';

export function startupMessage(config: ServerConfig, port: number, lan: string[]): string {
  const host = isWildcard(config.host) ? 'localhost' : config.host;
  const lines = [
    `Kuaichu is running at http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
  ];
  if (isWildcard(config.host) && lan.length > 0) {
    lines.push(`On your network: ${lan.map((ip) => `http://${ip}:${port}/`).join('  ')}`);
    lines.push(
      '  (a phone needs HTTPS for camera, location and offline use: put a TLS proxy in front)',
    );
  }
  lines.push(`Database: ${databaseWords(config.database)}`);
  lines.push(`Photos: ${blobStoreWords(config.blobStore)}`);
  lines.push(`Data: ${config.dataDir}   Press Ctrl+C to stop.`);
  return lines.join('\n');
}

/** Which database, never with its password. */
export function databaseWords(database: DatabaseConfig): string {
  return database.dialect === 'postgres'
    ? `PostgreSQL ${postgresWhere(database.url)}`
    : `SQLite ${database.file}`;
}

/** Where photo bytes live, never with a credential. */
export function blobStoreWords(store: BlobStoreConfig): string {
  if (store.kind === 'files') return `files in ${store.dir}`;
  const where = store.endpoint ?? `AWS ${store.region}`;
  return `S3 bucket s3://${store.bucket}/${store.prefix} at ${where}`;
}
