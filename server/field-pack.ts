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
import { tileSourceOf } from './tile-source';
import { videoPackOf } from './video-units';

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

export async function readCourtesyScript(db: Db, brigadeId: string): Promise<CourtesyScript> {
  await requireBrigade(db, brigadeId);
  return courtesyScriptOf(db, brigadeId);
}

export async function readLenientList(db: Db, brigadeId: string): Promise<LenientList> {
  await requireBrigade(db, brigadeId);
  return lenientListOf(db, brigadeId);
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
