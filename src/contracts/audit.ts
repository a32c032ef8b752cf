/**
 * The admin's audit viewer: the audit chain's events, newest first, searched
 * by case (or any subject), user, action and day; and the chain's
 * verification. Free text in an event's details (a note, a reason typed by an
 * officer, a plate) is never shown to the admin: only ids, hashes, codes,
 * numbers and flags are; anything else reads `null` with the key in `hidden`.
 */
import * as z from 'zod/mini';
import { Day } from './review';
import { defineRoute } from './route';

const Digits = (max: number, what: string) =>
  z.string().check(z.regex(new RegExp(`^\\d{1,${max}}$`), what));

export const AuditQuery = z.object({
  /** What the event is about: a case id, a user id, a photo's SHA-256, a username. */
  subject: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** Who did it: a user id or username (`system`, `cli:…` as written). */
  actor: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** An action (`case.received`) or a family of them (`case.`). */
  action: z.optional(
    z.string().check(z.regex(/^[a-z_.-]{1,64}$/, 'must be an action, e.g. case.received')),
  ),
  /** On or after this day (China Standard Time). */
  from: z.optional(Day),
  /** On or before this day (China Standard Time). */
  to: z.optional(Day),
  /** Events older than this id (the previous page's `next`). */
  before: z.optional(Digits(12, 'must be an event id')),
  /** Events per page, 1–100 (default 50). */
  limit: z.optional(Digits(3, 'must be 1–100')),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

const Shown = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const AuditEvent = z.object({
  id: z.number(),
  at: z.iso.datetime(),
  actor: z.string(),
  /** The actor's username and name when the actor is a user. */
  actorName: z.nullable(z.string()),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), Shown),
  /** Keys of `details` whose values are free text, not shown. */
  hidden: z.array(z.string()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = z.object({
  events: z.array(AuditEvent),
  /** `before` for the next (older) page; null on the last page. */
  next: z.nullable(z.string()),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditBreak = z.object({
  at: z.number(),
  reason: z.enum(['missing_row', 'prev_hash_mismatch', 'hash_mismatch']),
  message: z.string(),
});

export const AuditVerification = z.object({
  ok: z.boolean(),
  count: z.number(),
  headHash: z.string(),
  /** The first broken links (at most 20), oldest first. */
  breaks: z.array(AuditBreak),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const auditRoutes = [
  defineRoute({
    id: 'admin.audit.list',
    method: 'GET',
    path: '/api/admin/audit',
    summary: 'Audit events, newest first, by subject, user, action and day',
    access: ['admin'],
    scoped: false,
    query: AuditQuery,
    responses: { 200: { description: 'A page of events', schema: AuditPage } },
  }),
  defineRoute({
    id: 'admin.audit.verify',
    method: 'GET',
    path: '/api/admin/audit/verification',
    summary: 'The audit chain walked from the first event: intact, or its first broken links',
    access: ['admin'],
    scoped: false,
    responses: { 200: { description: 'The verdict', schema: AuditVerification } },
  }),
] as const;
