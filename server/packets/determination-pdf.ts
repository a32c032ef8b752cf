/**
 * The determination PDF (认定书) of an insurer's packet: the same document the
 * officer's phone prints (src/documents), made from the insurer's redacted
 * view of the packet's case version (`insurerDocumentModel`), so it shows
 * nothing the packet does not. Chinese with English below each label, times
 * in China time, dated by the packet's delivery: one packet, one set of bytes.
 *
 * When it is made: on the first request for it, not in the transaction that
 * builds the packet (rendering takes about a second, and an insurer may never
 * open it), and not by a background job (one more thing to resume after a
 * crash, for a document that is cheap to make again). The bytes go into the
 * blob store under their SHA-256, and `server_info` remembers which blob a
 * given input made (`determination-pdf:<sha256 of the input>`): the input is
 * the renderer's version, the font's hash and everything printed, so a
 * changed layout, font or view makes a new document and never serves a stale
 * one. Concurrent first requests share one rendering.
 *
 * The font is the phone's own file, read from `public/` (FONT_PATH).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InsurerCaseView } from '../../src/contracts/claims';
import { FONT_PATH, makeDeterminationPdf } from '../../src/documents/determination-pdf';
import { documentLabels } from '../../src/documents/document-model';
import { insurerDocumentModel, insurerQrText } from '../../src/documents/insurer-model';
import type { DocLang } from '../../src/documents/words';
import { canonicalJson } from '../../src/domain/manifest/canonical-json';
import type { BlobStore } from '../blobs/blob-store';
import { packetVersion, viewOf } from '../cases/packets';
import { PROJECT_ROOT } from '../config';
import type { Db } from '../db/database';
import type { ClaimRow } from '../db/schema';
import { sha256Hex } from '../hash';

/** Bump when the layout changes: every packet's PDF is made again on its next request. */
const RENDERER = 'determination-pdf/1';
const LANGS: readonly DocLang[] = ['zh', 'en'];

export const FONT_FILE = path.join(PROJECT_ROOT, 'public', FONT_PATH);

interface Font {
  bytes: Uint8Array;
  sha256: string;
}
let font: Promise<Font> | undefined;

/** The CJK font (read once). */
function readFont(): Promise<Font> {
  if (!font) {
    font = readFile(FONT_FILE).then((b) => ({ bytes: new Uint8Array(b), sha256: sha256Hex(b) }));
    font.catch(() => (font = undefined)); // a failed read is tried again on the next request
  }
  return font;
}

/** Everything an insurer's PDF is made from. */
export interface InsurerPdfInput {
  view: InsurerCaseView;
  insurerName: string;
  /** The packet's manifest hash: what the PDF is sealed with. */
  manifestHash: string;
  /** The packet's delivery: the document's date. */
  deliveredAt: string;
}

/** The PDF of `input` (deterministic: same input and font, same bytes). */
export async function renderInsurerPdf(input: InsurerPdfInput): Promise<Uint8Array> {
  const { bytes: fontBytes } = await readFont();
  const model = insurerDocumentModel(input.view, { langs: LANGS, insurerName: input.insurerName });
  const { bytes } = await makeDeterminationPdf(
    model,
    documentLabels({ langs: LANGS }),
    input.manifestHash,
    insurerQrText(input.view, input.manifestHash),
    fontBytes,
    { sealLabel: 'packetManifest', date: new Date(input.deliveredAt) },
  );
  return bytes;
}

async function inputOf(holdings: { db: Db }, claim: ClaimRow): Promise<InsurerPdfInput> {
  const view = await viewOf(holdings, claim, await packetVersion(holdings, claim));
  const insurer = await holdings.db
    .selectFrom('insurers')
    .select('name')
    .where('id', '=', claim.insurer_id)
    .executeTakeFirstOrThrow();
  return {
    view,
    insurerName: insurer.name,
    manifestHash: claim.manifest_hash,
    deliveredAt: claim.delivered_at,
  };
}

const rendering = new Map<string, Promise<string>>();

async function renderAndStore(
  { db, blobs }: { db: Db; blobs: BlobStore },
  key: string,
  input: InsurerPdfInput,
  now: Date,
) {
  const { sha256 } = await blobs.put(await renderInsurerPdf(input));
  await db
    .insertInto('server_info')
    .values({ key, value: sha256, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sha256 }))
    .execute();
  return sha256;
}

export interface StoredPdf {
  sha256: string;
  size: number;
  caseNumber: string;
}

/** The claim's packet PDF in the blob store: made now if it is not there yet. */
export async function determinationPdf(
  holdings: { db: Db; blobs: BlobStore },
  claim: ClaimRow,
  now: Date,
): Promise<StoredPdf> {
  const { db, blobs } = holdings;
  const input = await inputOf(holdings, claim);
  const fontSha256 = (await readFont()).sha256;
  const key = `determination-pdf:${sha256Hex(canonicalJson({ RENDERER, fontSha256, LANGS, input }))}`;
  const known = await db
    .selectFrom('server_info')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  let sha256 = known && (await blobs.has(known.value)) ? known.value : undefined;
  if (sha256 === undefined) {
    let pending = rendering.get(key);
    if (!pending) {
      pending = renderAndStore(holdings, key, input, now).finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    sha256 = await pending;
  }
  const size = await blobs.size(sha256);
  if (size === undefined)
    throw new Error(`determination PDF ${sha256} vanished from the blob store`);
  return { sha256, size, caseNumber: input.view.caseNumber };
}
