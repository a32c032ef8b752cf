/**
 * Photo bytes sent as a phone sends them: a tus creation, then one PATCH with
 * every byte; and a whole case sent as a phone sends it. Test-only.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { CasePutRequest } from '../src/contracts/cases';
import type { CaseRecord } from '../src/domain/case/case.schema';
import type { PhotoMeta } from '../src/domain/case/photo.schema';
import type { CaseFixture } from './case-fixtures';
import { sha256OfBytes, signedCaseBody } from './test-device';
import type { Actor, TestWorld } from './test-world';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const TUS = { 'tus-resumable': '1.0.0' };

/** The headers of a photo's tus creation, as a phone sends them. */
export const creationHeaders = (photo: { bytes: Buffer; meta: PhotoMeta }) => ({
  ...TUS,
  'upload-length': String(photo.bytes.length),
  'upload-metadata': `sha256 ${b64(photo.meta.sha256)},caseId ${b64(photo.meta.caseId)}`,
});

/** A tus creation, then one PATCH with every byte: answers the PATCH. */
export async function sendUpload(
  w: TestWorld,
  actor: Actor,
  photo: { bytes: Buffer; meta: PhotoMeta },
): Promise<LightMyRequestResponse> {
  const created = await w.call(actor, {
    method: 'POST',
    url: '/api/uploads',
    headers: creationHeaders(photo),
  });
  expect(created.statusCode).toBe(201);
  return w.call(actor, {
    method: 'PATCH',
    url: created.headers['location'] as string,
    headers: {
      ...TUS,
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    payload: photo.bytes,
  });
}

export async function uploadPhoto(
  w: TestWorld,
  actor: Actor,
  photo: { bytes: Buffer; meta: PhotoMeta },
): Promise<void> {
  expect((await sendUpload(w, actor, photo)).statusCode).toBe(200);
}

export async function uploadPhotos(
  w: TestWorld,
  actor: Actor,
  photos: readonly { bytes: Buffer; meta: PhotoMeta }[],
): Promise<void> {
  for (const photo of photos) await uploadPhoto(w, actor, photo);
}

/** Uploads a fixture's photos and sends it as version 1 from the officer's phone; answers the signed body. */
export async function submitCase(
  w: TestWorld,
  fixture: CaseFixture,
  actor: 'officerA' | 'officerA2' | 'officerB' = 'officerA',
): Promise<CasePutRequest & { manifestHash: string }> {
  await uploadPhotos(w, actor, fixture.photos);
  const body = await signedCaseBody({
    record: fixture.record,
    photos: fixture.photos.map((p) => p.meta),
    deviceId: w.devices[actor].id,
    key: w.devices[actor].key,
  });
  const res = await w.call(actor, {
    method: 'PUT',
    url: `/api/cases/${fixture.record.id}`,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return body;
}

/**
 * The officer's next version of a case, signed by his phone and sent: `record`
 * as it now is, on top of the version whose manifest hash is `previous`.
 * Answers the server's reply and the body sent.
 */
export async function sendNextVersion(
  w: TestWorld,
  record: CaseRecord,
  photos: readonly PhotoMeta[],
  previous: { version: number; manifestHash: string },
  actor: 'officerA' | 'officerA2' | 'officerB' = 'officerA',
) {
  const body = await signedCaseBody({
    record,
    photos: [...photos],
    deviceId: w.devices[actor].id,
    key: w.devices[actor].key,
    version: previous.version + 1,
    previousManifestHash: previous.manifestHash,
  });
  const res = await w.call(actor, { method: 'PUT', url: `/api/cases/${record.id}`, payload: body });
  return { res, body };
}

/** Bytes that start as a JPEG does (deterministic for a seed). */
export function jpegBytes(seed: string, size = 1024): Buffer {
  const bytes = Buffer.alloc(size);
  let block = Buffer.from(sha256OfBytes(seed), 'hex');
  for (let i = 0; i < size; i += 32) {
    block.copy(bytes, i);
    block = Buffer.from(sha256OfBytes(block), 'hex');
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

/** An insurer's tus upload of an assessment photo for its packet; answers the final PATCH (or the refused creation). */
export async function uploadAssessmentPhoto(
  w: TestWorld,
  actor: Actor,
  claimId: string,
  bytes: Buffer,
  filetype = 'image/jpeg',
) {
  const created = await w.call(actor, {
    method: 'POST',
    url: '/api/uploads',
    headers: {
      ...TUS,
      'upload-length': String(bytes.length),
      'upload-metadata': `sha256 ${b64(sha256OfBytes(bytes))},claimId ${b64(claimId)},filetype ${b64(filetype)}`,
    },
  });
  if (created.statusCode !== 201) return created;
  return w.call(actor, {
    method: 'PATCH',
    url: created.headers['location'] as string,
    headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    payload: bytes,
  });
}

/** The link with its signature's first character changed (always changed: never "A" for "A"). */
export function tamperSig(url: string): string {
  return url.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
}
