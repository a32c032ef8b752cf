/**
 * The pull feed: what others changed in the session's scope since a cursor
 * (a case received, returned for more evidence, reviewed, taken over, its
 * liability amended by the accident squad, assessed, paid).
 * Start with no cursor; keep `nextCursor` and send it back next time.
 *
 * Officers and reviewers see every entry of their cases, each insurer's claim
 * steps included (`claim`). An insurer sees only its own claim's entries:
 * `reviewed` (its packet delivered), `assessed`, `paid`, `returned` (the case
 * reopened after its claim was paid), with `state` its claim's state and no
 * police notes.
 */
import * as z from 'zod/mini';
import { CaseState } from '../domain/case/case-state';
import { SquadDetermination } from '../domain/review/squad-amendment';
import { Sha256Hex } from '../domain/case/photo.schema';
import { OfficerDetermination } from '../domain/case/liability-record.schema';
import { PhoneLock } from './auth';
import { ClaimState } from './claims';
import { MissingItem } from './review';
import { Role, defineRoute } from './route';

/**
 * `taken-over`: the accident squad took the case over from its officer;
 * `amended`: the accident squad amended the liability (the case is returned
 * to its officer, the squad's determination in `amendment`: the parties are
 * to be told and sign again); `station-confirmed`: an officer confirmed a rural
 * station's case and determined its liability (his determination in
 * `determination`: the station reads it to the parties, who sign it there).
 */
export const ChangeKind = z.enum([
  'received',
  'returned',
  'reviewed',
  'taken-over',
  'amended',
  'station-confirmed',
  'acknowledged',
  'assessed',
  'paid',
]);
export type ChangeKind = z.infer<typeof ChangeKind>;

const Digits = z.string().check(z.regex(/^\d{1,15}$/, 'must be a cursor from an earlier answer'));

export const ChangesQuery = z.object({
  cursor: z.optional(Digits),
  /** At most this many changes (1–500, default 100). */
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/, 'must be 1–500'))),
  /**
   * The asking phone's device id (issue 18): the answer then says whether an
   * admin revoked it, so a phone with nothing to send learns it too.
   */
  device: z.optional(z.uuid()),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const Change = z.object({
  cursor: z.string(),
  caseId: z.uuid(),
  kind: ChangeKind,
  /** The case's server-side state after this change (for an insurer: its claim's state). */
  state: CaseState,
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), role: Role }),
  note: z.optional(z.string()),
  /** A return: what the officer is to add, item by item. */
  missing: z.optional(z.array(MissingItem)),
  /**
   * `amended`: the squad's determination — its liability, the reason, and the
   * corrected facts with the engine's decision on them when it gave facts.
   * The officer's phone applies it (src/domain/review/squad-amendment.ts).
   */
  amendment: z.optional(SquadDetermination),
  /**
   * `station-confirmed`: the officer's determination, read-only to the
   * station (src/domain/case/station-determination.ts).
   */
  determination: z.optional(OfficerDetermination),
  /** `assessed`: the hashes of the photos the insurer attached to its assessment. */
  photos: z.optional(z.array(Sha256Hex)),
  /** A step of one insurer's claim: whose, and the claim's state after it. */
  claim: z.optional(z.object({ insurerId: z.uuid(), state: ClaimState })),
});
export type Change = z.infer<typeof Change>;

export const ChangesResponse = z.object({
  changes: z.array(Change),
  /** Send this as `cursor` next time (unchanged when nothing new). */
  nextCursor: z.string(),
  /** True when more changes wait beyond `limit`: ask again at once. */
  more: z.boolean(),
  /**
   * When `device` was asked about: `active`; `revoked` with when an admin
   * revoked it; `unknown` when it is not an enrolled phone of this user.
   */
  device: z.optional(
    z.union([
      z.object({ status: z.enum(['active', 'unknown']) }),
      z.object({ status: z.literal('revoked'), revokedAt: z.iso.datetime() }),
    ]),
  ),
  /**
   * With `device`, for a user of a brigade: its lock settings for phones as
   * they are now, so a change an admin saves reaches a signed-in phone at its
   * next pull, not only at the next sign-in.
   */
  phoneLock: z.optional(PhoneLock),
});
export type DeviceStatus = NonNullable<ChangesResponse['device']>;
export type ChangesResponse = z.infer<typeof ChangesResponse>;

export const changeRoutes = [
  defineRoute({
    id: 'changes.list',
    method: 'GET',
    path: '/api/changes',
    summary: 'Changes by others in the session’s scope since a cursor',
    access: ['officer', 'station', 'reviewer', 'insurer'],
    scoped: false,
    query: ChangesQuery,
    responses: { 200: { description: 'Changes, oldest first', schema: ChangesResponse } },
  }),
] as const;
