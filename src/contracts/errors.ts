/**
 * The one error shape of every API answer that is not a success:
 * `{ error: { code, message, fields? } }`. `code` is a stable snake_case slug
 * a client may branch on; `message` is for people; `fields` lists the inputs
 * at fault on a 400. No error body ever carries a stack trace.
 */
import * as z from 'zod/mini';

export const FieldProblem = z.object({
  /** Where the bad value is, e.g. `body.case.vehicles.0.plate` or `querystring.cursor`. */
  path: z.string(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblem>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.array(FieldProblem)),
    /** Extra machine-readable facts for some refusals (e.g. the photo hashes at fault). */
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Codes every authenticated route may answer with, besides its own. */
export const COMMON_ERROR_CODES = {
  validation_failed: 'The request does not match the schema; `fields` lists the inputs at fault.',
  unauthenticated: 'No session, or it expired or was revoked: sign in again (401).',
  forbidden_role: 'The session is valid but its role may not call this route (403).',
  not_found: 'No such object, or it is outside the session’s scope (404; the two look the same).',
  rate_limited: 'Too many attempts; `Retry-After` says when to try again (429).',
  internal: 'A server fault; details are in the server log, never in the answer (500).',
} as const;
