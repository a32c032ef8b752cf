/**
 * A brigade's documents (migration 0012: one row per brigade and kind, a JSON
 * body and its version): read with the kind's schema — no row, or a row that
 * no longer parses, is the kind's starter — and replaced by an admin, version
 * + 1, audited with both versions in the same transaction. The field pack's
 * script and warning list (field-pack.ts) and the tile source (tile-source.ts)
 * are kinds of it.
 */
import { appendAudit } from './audit/audit-log';
import { notFound } from './auth/policy';
import type { Db } from './db/database';

export type Reader = Pick<Db, 'selectFrom'>;

export interface Stored<T> {
  version: number;
  updatedAt: string | null;
  body: T;
}

/** One kind of brigade document: its row's kind, its body's schema, the starter. */
export interface DocumentKind<T> {
  kind: string;
  action: string;
  parse: (value: unknown) => { success: true; data: T } | { success: false };
  starter: Stored<T>;
}

export async function documentOf<T>(
  db: Reader,
  brigadeId: string,
  doc: DocumentKind<T>,
): Promise<Stored<T>> {
  const row = await db
    .selectFrom('brigade_documents')
    .select(['version', 'body', 'updated_at'])
    .where('brigade_id', '=', brigadeId)
    .where('kind', '=', doc.kind)
    .executeTakeFirst();
  if (!row) return doc.starter;
  const body = doc.parse(JSON.parse(row.body));
  // A stored body is written only through the schema; a row that no longer parses is the starter's.
  return body.success
    ? { version: row.version, updatedAt: row.updated_at, body: body.data }
    : doc.starter;
}

export async function requireBrigade(db: Reader, id: string): Promise<void> {
  const found = await db
    .selectFrom('brigades')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound('brigade');
}

/** Replaces one document of the brigade: version + 1, audited with both versions. */
export async function saveDocument<T>(
  db: Db,
  doc: DocumentKind<T>,
  change: { actor: string; brigadeId: string; body: T; at: Date },
): Promise<Stored<T>> {
  const { actor, brigadeId, body, at } = change;
  return db.transaction().execute(async (trx) => {
    await requireBrigade(trx, brigadeId);
    const before = await documentOf(trx, brigadeId, doc);
    const saved: Stored<T> = { version: before.version + 1, updatedAt: at.toISOString(), body };
    const row = {
      version: saved.version,
      body: JSON.stringify(body),
      updated_by: actor,
      updated_at: at.toISOString(),
    };
    await trx
      .insertInto('brigade_documents')
      .values({ brigade_id: brigadeId, kind: doc.kind, ...row })
      .onConflict((oc) => oc.columns(['brigade_id', 'kind']).doUpdateSet(row))
      .execute();
    await appendAudit(trx, at, {
      actor,
      action: doc.action,
      subject: brigadeId,
      details: { version: saved.version, before: before.version },
    });
    return saved;
  });
}
