/**
 * One photo upload by tus (tus-js-client): resumable, chunked so a cut link
 * loses at most one chunk, and fingerprinted by the photo's hash, not by file
 * metadata, so a retry after a reload finds the same upload and continues at
 * the server's offset. The first chunk goes in the creation POST (tus
 * creation-with-upload): a stored photo (~400 KB) fits in one chunk, so it is
 * one request and one round trip on a slow link, answered 201 with the
 * receipt; a larger one goes on in PATCHes, the last answered 200. A link
 * cut during the creation POST loses what it had sent (the client never
 * learnt the upload's address; Chromium resends a request cut on a reused
 * connection at once): at most one chunk, as a cut PATCH would cost when
 * resent. A cut in a later chunk resumes at the server's offset.
 * tus-js-client's own retries are off: the sync runner owns retrying (with
 * the backoff and hold rules of `classifyFailure`).
 *
 * The bytes come from a Blob through our own file reader, which hands
 * tus-js-client Uint8Array slices: both its browser (XHR) and its Node (http)
 * stacks send those, so the same code runs in the app and in tests.
 */
import * as tus from 'tus-js-client';
import type { AssessmentMediaType } from '../contracts/claims';
import { ErrorBody } from '../contracts/errors';
import { UploadStored } from '../contracts/uploads';
import type { ApiFailure, ApiResult } from './result';
import { failed, success } from './result';
import { assessmentFingerprint, photoFingerprint } from './photo-fingerprint';

export const UPLOAD_CHUNK_BYTES = 512 * 1024;
/** Abort an upload that made no progress for this long (a dead link can hang a socket). */
export const UPLOAD_STALL_MS = 60_000;

export interface UploadPhotoInput {
  sha256: string;
  caseId: string;
  blob: Blob;
  onProgress?: (bytesSent: number, bytesTotal: number) => void;
  /** Aborting stops the upload (it resumes next time from the server's offset). */
  signal?: AbortSignal;
}

/** An insurer's assessment photo (定损) for one of its packets: JPEG, PNG or WebP. */
export interface UploadAssessmentPhotoInput {
  sha256: string;
  claimId: string;
  blob: Blob;
  mediaType: AssessmentMediaType;
  onProgress?: (bytesSent: number, bytesTotal: number) => void;
  signal?: AbortSignal;
}

/** What one tus upload sends: the bytes, their metadata and the fingerprint it resumes by. */
interface TusJob {
  sha256: string;
  blob: Blob;
  metadata: Record<string, string>;
  fingerprint: string;
  onProgress?: ((bytesSent: number, bytesTotal: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface TusConfig {
  baseUrl: string;
  /** Where upload URLs are remembered for resuming; default tus-js-client's (localStorage in browsers). */
  urlStorage?: tus.UrlStorage;
  chunkSize?: number;
  stallMs?: number;
}

/** tus-js-client file reader over a Blob, answering Uint8Array slices. */
const blobReader: tus.UploadOptions['fileReader'] = {
  openFile(input: unknown) {
    if (!(input instanceof Blob)) return Promise.reject(new Error('uploadPhoto takes a Blob'));
    const blob = input;
    return Promise.resolve({
      size: blob.size,
      async slice(start: number, end: number) {
        const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
        // tus-js-client's Node stack reads `size` for Content-Length.
        return { value: Object.assign(bytes, { size: bytes.byteLength }), done: end >= blob.size };
      },
      close() {},
    });
  },
};

/** Uploads the photo; answers the server's acknowledgement that it stored these exact bytes. */
export function uploadPhoto(
  config: TusConfig,
  token: string,
  input: UploadPhotoInput,
): Promise<ApiResult<UploadStored>> {
  return runTus(config, token, {
    ...input,
    metadata: { sha256: input.sha256, caseId: input.caseId, filetype: 'image/jpeg' },
    fingerprint: photoFingerprint(input.sha256),
  });
}

/** Uploads an insurer's assessment photo for its packet; answers the server's acknowledgement. */
export function uploadAssessmentPhoto(
  config: TusConfig,
  token: string,
  input: UploadAssessmentPhotoInput,
): Promise<ApiResult<UploadStored>> {
  return runTus(config, token, {
    ...input,
    metadata: { sha256: input.sha256, claimId: input.claimId, filetype: input.mediaType },
    fingerprint: assessmentFingerprint(input.claimId, input.sha256),
  });
}

function runTus(config: TusConfig, token: string, input: TusJob): Promise<ApiResult<UploadStored>> {
  return new Promise((resolve) => {
    let finalBody: string | undefined;
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (result: ApiResult<UploadStored>) => {
      if (settled) return;
      settled = true;
      clearTimeout(stallTimer);
      input.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const upload = new tus.Upload(input.blob, {
      endpoint: `${config.baseUrl}/api/uploads/`,
      headers: { authorization: `Bearer ${token}` },
      metadata: input.metadata,
      fingerprint: () => Promise.resolve(input.fingerprint),
      retryDelays: [],
      removeFingerprintOnSuccess: true,
      storeFingerprintForResuming: true,
      chunkSize: config.chunkSize ?? UPLOAD_CHUNK_BYTES,
      uploadDataDuringCreation: true,
      fileReader: blobReader,
      ...(config.urlStorage ? { urlStorage: config.urlStorage } : {}),
      onProgress(sent, total) {
        armStall();
        input.onProgress?.(sent, total);
      },
      // The receipt: in the last PATCH's 200, or in the creation POST's 201 when it carried every byte.
      onAfterResponse(req, res) {
        const status = res.getStatus();
        if (status === 200 || (status === 201 && req.getMethod() === 'POST')) {
          finalBody = res.getBody();
        }
      },
      onSuccess() {
        finish(acknowledgement(finalBody, input.sha256));
      },
      onError(error) {
        finish(failed(tusFailure(error)));
      },
    });
    const armStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        void upload.abort();
        finish(failed({ kind: 'timeout', message: 'upload made no progress' }));
      }, config.stallMs ?? UPLOAD_STALL_MS);
    };
    const onAbort = () => {
      void upload.abort();
      finish(failed({ kind: 'network', message: 'aborted' }));
    };
    if (input.signal?.aborted) return onAbort();
    input.signal?.addEventListener('abort', onAbort);
    armStall();
    upload
      .findPreviousUploads()
      .then((previous) => {
        const last = previous.at(-1);
        if (last) upload.resumeFromPreviousUpload(last);
        if (!settled) upload.start();
      })
      .catch((error: unknown) => finish(failed(tusFailure(error))));
  });
}

/** Only a 200 whose body says these bytes are stored counts (a portal's 200 does not). */
function acknowledgement(body: string | undefined, sha256: string): ApiResult<UploadStored> {
  if (body === undefined) return failed({ kind: 'not-a-receipt', message: 'no final answer' });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failed({ kind: 'not-a-receipt', message: 'final answer is not JSON' });
  }
  const stored = UploadStored.safeParse(json);
  if (!stored.success || stored.data.sha256 !== sha256) {
    return failed({ kind: 'not-a-receipt', message: 'final answer does not name these bytes' });
  }
  return success(stored.data);
}

function tusFailure(error: unknown): ApiFailure {
  const detailed = error instanceof tus.DetailedError ? error : undefined;
  const res = detailed?.originalResponse;
  const message = error instanceof Error ? error.message : String(error);
  if (!res) return { kind: 'network', message };
  const status = res.getStatus();
  if (status >= 200 && status < 300) return { kind: 'not-a-receipt', message };
  let body: ErrorBody | undefined;
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(res.getBody()));
    if (parsed.success) body = parsed.data;
  } catch {
    // tus answers some refusals in plain text: the status says enough.
  }
  if (status === 401 && !body) return { kind: 'not-a-receipt', message };
  const failure: ApiFailure = { kind: 'http', status, message: body?.error.message ?? message };
  const retryAfter = res.getHeader('Retry-After');
  if (retryAfter) failure.retryAfter = retryAfter;
  if (body) failure.code = body.error.code;
  return failure;
}
