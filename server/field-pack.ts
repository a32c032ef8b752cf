/**
 * The field pack (src/contracts/field-pack.ts): a brigade's documents for its
 * officers' phones — the courteous script and the warning-instead-of-a-fine
 * list (首违警告) with its region — read by officers and reviewers of the
 * brigade and replaced by an admin (audited, version + 1). A brigade that
 * never saved one has the project's starter, version 0.
 */
import {
  CourtesyScriptText,
  STARTER_SCRIPT,
  type CourtesyScript,
  type FieldPack,
} from '../src/contracts/field-pack';
import { LenientListBody, STARTER_LENIENT_LIST, type LenientList } from '../src/domain/lenient';
import { appendAudit } from './audit/audit-log';
import { notFound } from './auth/policy';
import type { Db } from './db/database';
import { HttpError } from './errors';
import { tileSourceOf } from './tile-source';
import { videoPackOf } from './video-units';

type Reader = Pick<Db, 'selectFrom'>;

interface Stored<T> {
  version: number;
  updatedAt: string | null;
  body: T;
}

/** One kind of brigade document: its row's kind, its body's schema, the starter. */
interface DocumentKind<T> {
  kind: string;
  action: string;
  parse: (value: unknown) => { success: true; data: T } | { success: false };
  starter: Stored<T>;
}

const SCRIPT: DocumentKind<CourtesyScriptText> = {
  kind: 'courtesy-script',
  action: 'brigade.courtesy_script',
  parse: (v) => CourtesyScriptText.safeParse(v),
  starter: { version: 0, updatedAt: null, body: STARTER_SCRIPT.text },
};

const LENIENT: DocumentKind<LenientListBody> = {
  kind: 'lenient-list',
  action: 'brigade.lenient_list',
  parse: (v) => LenientListBody.safeParse(v),
  starter: {
    version: 0,
    updatedAt: null,
    body: { region: STARTER_LENIENT_LIST.region, items: STARTER_LENIENT_LIST.items },
  },
};

async function documentOf<T>(
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

const asScript = (s: Stored<CourtesyScriptText>): CourtesyScript => ({
  version: s.version,
  updatedAt: s.updatedAt,
  text: s.body,
});
const asList = (s: Stored<LenientListBody>): LenientList => ({
  version: s.version,
  updatedAt: s.updatedAt,
  ...s.body,
});

export async function courtesyScriptOf(db: Reader, brigadeId: string): Promise<CourtesyScript> {
  return asScript(await documentOf(db, brigadeId, SCRIPT));
}

export async function lenientListOf(db: Reader, brigadeId: string): Promise<LenientList> {
  return asList(await documentOf(db, brigadeId, LENIENT));
}

export async function fieldPackOf(db: Db, brigadeId: string | null): Promise<FieldPack> {
  if (!brigadeId) throw new HttpError(403, 'no_brigade', 'This account belongs to no brigade.');
  return {
    brigadeId,
    courtesyScript: await courtesyScriptOf(db, brigadeId),
    lenientList: await lenientListOf(db, brigadeId),
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

export async function readLenientList(db: Db, brigadeId: string): Promise<LenientList> {
  await requireBrigade(db, brigadeId);
  return lenientListOf(db, brigadeId);
}

/** Replaces one document of the brigade: version + 1, audited with both versions. */
async function saveDocument<T>(
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

export async function saveCourtesyScript(
  db: Db,
  actor: string,
  brigadeId: string,
  text: CourtesyScriptText,
  at: Date,
): Promise<CourtesyScript> {
  return asScript(await saveDocument(db, SCRIPT, { actor, brigadeId, body: text, at }));
}

export async function saveLenientList(
  db: Db,
  actor: string,
  brigadeId: string,
  body: LenientListBody,
  at: Date,
): Promise<LenientList> {
  return asList(await saveDocument(db, LENIENT, { actor, brigadeId, body, at }));
}
