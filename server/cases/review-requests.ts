/**
 * What makes a reviewer's action safe to retry and safe to race:
 *  - `requestId`: the first request with an id claims it (a `review_requests`
 *    row, inside the action's own transaction, so an action that fails
 *    claims nothing); the same id again from the same user with the same body
 *    answers the stored response and acts no more; with another body, or
 *    from another user, it is refused (`422 request_id_reused`). Two copies
 *    racing meet at the primary key: the second waits for the first's
 *    transaction and then reads its answer.
 *  - `expected`: the case as the reviewer saw it; when its state or version
 *    has moved on, `409 review_conflict` names the change that came first.
 */
import type { Kysely } from 'kysely';
import type { CaseActionRequest, CaseActionResponse } from '../../src/contracts/cases';
import type { ReviewConflict } from '../../src/contracts/review';
import type { Role } from '../../src/contracts/route';
import type { CaseState } from '../../src/domain/case/case-state';
import { canonicalJson } from '../../src/domain/manifest/canonical-json';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';
import { sha256Hex } from '../hash';

type Db = Kysely<Database>;

/** An answer not yet written: the claiming transaction is still running. */
const PENDING = '';

/**
 * Claims the request's id for this action, or answers the response stored for
 * it. Call inside the action's transaction, before acting.
 */
export async function claimRequest<R = CaseActionResponse>(
  trx: Db,
  session: Session,
  caseId: string,
  request: { requestId?: string | undefined },
  now: string,
): Promise<R | undefined> {
  const { requestId, ...rest } = request;
  if (requestId === undefined) return undefined;
  const bodyHash = sha256Hex(canonicalJson({ caseId, ...rest }));
  const claimed = await trx
    .insertInto('review_requests')
    .values({
      request_id: requestId,
      case_id: caseId,
      user_id: session.userId,
      body_hash: bodyHash,
      response: PENDING,
      at: now,
    })
    .onConflict((oc) => oc.column('request_id').doNothing())
    .returning('request_id')
    .executeTakeFirst();
  if (claimed) return undefined;
  const stored = await trx
    .selectFrom('review_requests')
    .select(['user_id', 'body_hash', 'response'])
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
  if (stored.user_id !== session.userId || stored.body_hash !== bodyHash) {
    throw new HttpError(
      422,
      'request_id_reused',
      'This requestId was already used for another action; send a new id for a new action.',
    );
  }
  if (stored.response === PENDING) {
    throw new Error(`request ${requestId} has no stored answer inside its own transaction`);
  }
  return JSON.parse(stored.response) as R;
}

/** Writes the answer of the action that claimed the request's id. */
export async function storeResponse(
  trx: Db,
  request: { requestId?: string | undefined },
  response: unknown,
): Promise<void> {
  if (request.requestId === undefined) return;
  await trx
    .updateTable('review_requests')
    .set({ response: JSON.stringify(response) })
    .where('request_id', '=', request.requestId)
    .execute();
}

/** The case as it now stands. */
export interface CaseNow {
  state: string;
  manifest_version: number;
}

/** Refuses the action when the case moved on since the reviewer saw it. */
export async function checkExpected(
  trx: Db,
  caseId: string,
  request: CaseActionRequest,
  current: CaseNow,
): Promise<void> {
  const expected = request.expected;
  if (
    expected === undefined ||
    (expected.state === current.state && expected.manifestVersion === current.manifest_version)
  ) {
    return;
  }
  throw await reviewConflict(trx, caseId);
}

/** `409 review_conflict` naming the case's latest change and where the case now stands. */
export async function reviewConflict(trx: Db, caseId: string): Promise<HttpError> {
  const now = await trx
    .selectFrom('cases')
    .select(['state', 'manifest_version'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const latest = await trx
    .selectFrom('changes')
    .innerJoin('users', 'users.id', 'changes.actor_id')
    .select([
      'changes.kind',
      'changes.at',
      'changes.actor_id',
      'changes.actor_role',
      'users.display_name',
    ])
    .where('changes.case_id', '=', caseId)
    .orderBy('changes.id', 'desc')
    .executeTakeFirstOrThrow();
  const details: ReviewConflict = {
    by: {
      id: latest.actor_id,
      name: latest.display_name,
      role: latest.actor_role as Role,
    },
    kind: latest.kind,
    at: latest.at,
    state: now.state as CaseState,
    manifestVersion: now.manifest_version,
  };
  return new HttpError(
    409,
    'review_conflict',
    `The case changed since you saw it: ${latest.display_name} (${latest.actor_role}) made it ${latest.kind} at ${latest.at}; it is now ${now.state}, version ${now.manifest_version}.`,
    undefined,
    details,
  );
}
