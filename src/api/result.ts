/**
 * What every API call answers: the parsed value, or a failure the domain's
 * `classifyFailure` takes. Calls never throw for anything the network or the
 * server can do; only a programming error throws.
 */
import type { SendFailure } from '../domain/outbox/classify-failure';

/** A failure with what the server said, when it said something in our error shape. */
export type ApiFailure = SendFailure & {
  message?: string;
  /** `error.details` of the server's error body (e.g. `storedManifestHash` on a 409). */
  details?: Record<string, unknown>;
};

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export const success = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const failed = (failure: ApiFailure): ApiResult<never> => ({ ok: false, failure });
