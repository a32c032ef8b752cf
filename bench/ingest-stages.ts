/**
 * Where a new case PUT's time goes before its batch's transaction: each
 * stage of `cases/ingest.ts` run alone over the bench's bodies, one after the
 * other, mean microseconds per PUT. The SQL and the COMMIT are not here: they
 * are the batch (the bench reports batches and their mean size).
 */
import { performance } from 'node:perf_hooks';
import { verifyDeviceSignature } from '../server/auth/devices';
import type { Kysely } from 'kysely';
import { recordedPhotos } from '../server/cases/photo-holders';
import type { Database } from '../server/db/schema';
import { sha256Hex } from '../server/hash';
import { CasePutRequest } from '../src/contracts/cases';
import { canonicalJson } from '../src/domain/manifest/canonical-json';
import { buildManifest, caseBytes, manifestBytes } from '../src/domain/manifest/manifest';

export type StageMicros = Record<string, number>;

async function mean(texts: string[], stage: (text: string) => unknown): Promise<number> {
  await stage(texts[0] ?? ''); // warm-up
  const t0 = performance.now();
  for (const text of texts) await stage(text);
  return Math.round(((performance.now() - t0) * 1000) / texts.length);
}

/** Mean µs per PUT of each stage, over `texts` (the PUT bodies as sent). */
export async function ingestStages(
  texts: string[],
  publicKeyJwk: string,
  held: { db: Kysely<Database>; unitId: string },
): Promise<StageMicros> {
  const body = (text: string) => CasePutRequest.parse(JSON.parse(text));
  const parsed = new Map(texts.map((text) => [text, body(text)]));
  const of = (text: string) => parsed.get(text) ?? body(text);
  return {
    jsonParse: await mean(texts, (t) => JSON.parse(t)),
    zodParse: await mean(texts, (t) => CasePutRequest.parse(JSON.parse(t))),
    manifestHash: await mean(texts, (t) => sha256Hex(manifestBytes(of(t).manifest))),
    signatureVerify: await mean(texts, (t) => {
      const { manifest, signature } = of(t);
      return verifyDeviceSignature(publicKeyJwk, manifestBytes(manifest), signature);
    }),
    bodyHash: await mean(texts, (t) => {
      const b = of(t);
      return sha256Hex(canonicalJson({ case: b.case, photos: b.photos, manifest: b.manifest }));
    }),
    manifestCheck: await mean(texts, async (t) => {
      const { manifest, ...b } = of(t);
      sha256Hex(caseBytes(b.case));
      const { previousManifestHash, version, deviceId, signedAt } = manifest;
      const input = {
        case: b.case,
        photos: b.photos,
        previousManifestHash,
        version,
        deviceId,
        signedAt,
      };
      const rebuilt = await buildManifest(input, sha256Hex);
      return rebuilt.ok && canonicalJson(rebuilt.value) === canonicalJson(manifest);
    }),
    heldPhotos: await mean(texts, (t) =>
      recordedPhotos(
        held.db,
        held.unitId,
        of(t).manifest.photos.map((p) => p.sha256),
      ),
    ),
    serialiseForStorage: await mean(texts, (t) => {
      const b = of(t);
      return [JSON.stringify(b.case), JSON.stringify(b.photos), JSON.stringify(b.manifest)];
    }),
  };
}
