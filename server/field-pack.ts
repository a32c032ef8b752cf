/**
 * The field pack (src/contracts/field-pack.ts): a brigade's documents for its
 * officers' phones, read by officers and reviewers of the brigade and replaced
 * by an admin (audited, version + 1). A brigade that never saved one has the
 * project's starter, version 0.
 */
import {
  CourtesyScriptText,
  STARTER_SCRIPT,
  type CourtesyScript,
  type FieldPack,
} from '../src/contracts/field-pack';
import { appendAudit } from './audit/audit-log';
import { notFound } from './auth/policy';
import type { Db } from './db/database';
import { HttpError } from './errors';
import { tileSourceOf } from './tile-source';
import { videoPackOf } from './video-units';

const SCRIPT = 'courtesy-script';

type Reader = Pick<Db, 'selectFrom'>;

export async function courtesyScriptOf(db: Reader, brigadeId: string): Promise<CourtesyScript> {
  const row = await db
    .selectFrom('brigade_documents')
    .select(['version', 'body', 'updated_at'])
    .where('brigade_id', '=', brigadeId)
    .where('kind', '=', SCRIPT)
    .executeTakeFirst();
  if (!row) return STARTER_SCRIPT;
  const text = CourtesyScriptText.safeParse(JSON.parse(row.body));
  // A stored body is written only through the schema; a row that no longer parses is the starter's.
  return text.success
    ? { version: row.version, updatedAt: row.updated_at, text: text.data }
    : STARTER_SCRIPT;
}

export async function fieldPackOf(db: Db, brigadeId: string | null): Promise<FieldPack> {
  if (!brigadeId) throw new HttpError(403, 'no_brigade', 'This account belongs to no brigade.');
  return {
    brigadeId,
    courtesyScript: await courtesyScriptOf(db, brigadeId),
    tileSource: await tileSourceOf(db, brigadeId),
    ...(await videoPackOf(db, brigadeId)),
  };
}

async function requireBrigade(db: Reader, id: string): Promise<void> {
  const found = await db
    .selectFrom('brigades')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound('brigade');
}

export async function readCourtesyScript(db: Db, brigadeId: string): Promise<CourtesyScript> {
  await requireBrigade(db, brigadeId);
  return courtesyScriptOf(db, brigadeId);
}

export async function saveCourtesyScript(
  db: Db,
  actor: string,
  brigadeId: string,
  text: CourtesyScriptText,
  at: Date,
): Promise<CourtesyScript> {
  return db.transaction().execute(async (trx) => {
    await requireBrigade(trx, brigadeId);
    const before = await courtesyScriptOf(trx, brigadeId);
    const saved: CourtesyScript = {
      version: before.version + 1,
      updatedAt: at.toISOString(),
      text,
    };
    const row = {
      version: saved.version,
      body: JSON.stringify(text),
      updated_by: actor,
      updated_at: at.toISOString(),
    };
    await trx
      .insertInto('brigade_documents')
      .values({ brigade_id: brigadeId, kind: SCRIPT, ...row })
      .onConflict((oc) => oc.columns(['brigade_id', 'kind']).doUpdateSet(row))
      .execute();
    await appendAudit(trx, at, {
      actor,
      action: 'brigade.courtesy_script',
      subject: brigadeId,
      details: { version: saved.version, before: before.version },
    });
    return saved;
  });
}
