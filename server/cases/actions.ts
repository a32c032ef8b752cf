/**
 * What reviewers and insurers do to a submitted case, each a change in the
 * feed the officer's device pulls and an audit event:
 *
 * | action    | role     | from (case state, or the insurer's claim) | to                     |
 * | --------- | -------- | ----------------------------------------- | ---------------------- |
 * | return    | reviewer | synced, reviewed, assessed                | returned               |
 * | review    | reviewer | synced                                    | reviewed + a delivered |
 * |           |          |                                           | claim per insurer      |
 * | take-over | reviewer | any, unless already taken over or a paid  | (unchanged): the squad |
 * |           |          | claim holds the case                      | continues the case     |
 * | reopen    | reviewer | a paid claim holds the case               | returned               |
 * | amend     | reviewer | synced, returned, reviewed                | returned, with the     |
 * |           |          |                                           | squad's determination  |
 * | assess    | insurer  | its own claim: delivered                  | claim assessed         |
 * | pay       | insurer  | its own claim: assessed                   | claim paid             |
 *
 * Insurers act on their own claims only (claims.ts), so one insurer's step
 * never moves another's. The case is `assessed` once every current claim is
 * assessed and `paid` once every one is paid. A new manifest version from the
 * officer puts the case back to synced — refused while a paid claim holds it,
 * which only `reopen` (with its reason) releases; `return` and `amend` are
 * then refused with `reopen_required`, so the reopening is always written down.
 *
 * `amend` (squad-amendment.ts): the squad's own determination of liability,
 * with its reason, on facts it corrected (the engine re-run) or by override.
 * The case goes back to its officer, whose phone takes the determination
 * (an amendment of the signed one), has the parties told and sign again, and
 * sends it as a new version.
 *
 * A take-over marks the case as the accident squad's (who, when, why): the
 * officer's phone is told by a `taken-over` change, and may still send
 * versions — nothing captured is ever lost — but the case stays the squad's.
 * It is refused on a case a paid claim holds: what was paid for is settled,
 * and a reopen (with its reason) comes first.
 *
 * Every action runs in one transaction with its `requestId` claim and its
 * `expected` check (review-requests.ts): a retry answers the first answer, and
 * of two reviewers acting on the same case as they saw it, exactly one wins.
 */
import type { Kysely } from 'kysely';
import type { CaseAction, CaseActionRequest, CaseActionResponse } from '../../src/contracts/cases';
import type { ChangeKind } from '../../src/contracts/changes';
import type { Role } from '../../src/contracts/route';
import type { CaseState } from '../../src/domain/case/case-state';
import { appendAudit } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';
import { queueCaseReturned } from '../packets/events';
import { capitalise, withArticle } from '../english';
import {
  applyClaimAction,
  deliverPackets,
  insertChange,
  isHeldByPayment,
  reopenPaidClaims,
} from './claims';
import type { SquadDetermination } from '../../src/domain/review/squad-amendment';
import { setCaseState } from './review-columns';
import { recordSquadDetermination, squadDetermination } from './squad-amendment';
import {
  checkExpected,
  claimRequest,
  reviewConflict,
  storeResponse,
  type CaseNow,
} from './review-requests';

type Db = Kysely<Database>;
type ReviewerAction = 'return' | 'review' | 'reopen' | 'amend';

interface ReviewerRule {
  role: 'reviewer';
  /** Case states it applies to; `held`: while a paid claim holds the case. */
  from: readonly CaseState[] | 'held';
  to: CaseState;
  kind: ChangeKind;
}

const REVIEWER_ACTIONS: Readonly<Record<ReviewerAction, ReviewerRule>> = {
  return: {
    role: 'reviewer',
    from: ['synced', 'reviewed', 'assessed'],
    to: 'returned',
    kind: 'returned',
  },
  review: { role: 'reviewer', from: ['synced'], to: 'reviewed', kind: 'reviewed' },
  reopen: { role: 'reviewer', from: 'held', to: 'returned', kind: 'returned' },
  amend: {
    role: 'reviewer',
    from: ['synced', 'returned', 'reviewed'],
    to: 'returned',
    kind: 'amended',
  },
};

export const CASE_ACTIONS: Readonly<Record<CaseAction, { role: Role }>> = {
  ...REVIEWER_ACTIONS,
  'take-over': { role: 'reviewer' },
  assess: { role: 'insurer' },
  pay: { role: 'insurer' },
};

/** Applies an action to a case the caller has already found in scope. */
export async function applyCaseAction(
  db: Db,
  session: Session,
  caseId: string,
  request: CaseActionRequest,
  at: Date,
): Promise<CaseActionResponse> {
  const { action } = request;
  if (CASE_ACTIONS[action].role !== session.role) {
    throw new HttpError(
      403,
      'forbidden_action',
      `Only ${withArticle(CASE_ACTIONS[action].role)} may ${action} a case.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const replay = await claimRequest(trx, session, caseId, request, at.toISOString());
    if (replay) return replay;
    const response =
      action === 'assess' || action === 'pay'
        ? await applyClaimAction(trx, session, caseId, action, request, at)
        : await reviewerAction(trx, session, caseId, request, at);
    await storeResponse(trx, request, response);
    return response;
  });
}

async function reviewerAction(
  trx: Db,
  session: Session,
  caseId: string,
  request: CaseActionRequest,
  at: Date,
): Promise<CaseActionResponse> {
  const row = await trx
    .selectFrom('cases')
    .select(['state', 'manifest_version', 'taken_over_at'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  await checkExpected(trx, caseId, request, row);
  const held = await isHeldByPayment(trx, caseId);
  if (request.action === 'take-over') return takeOver(trx, session, caseId, request, at, row, held);
  const action = request.action as ReviewerAction;
  const rule = REVIEWER_ACTIONS[action];
  checkAllowed(action, rule, row.state, held);
  const amendment = action === 'amend' ? await squadDetermination(trx, caseId, request) : undefined;
  const now = at.toISOString();
  // Only from the state and version read above: a writer in between (on a
  // database that runs transactions side by side) makes this a conflict.
  if (!(await setCaseState(trx, caseId, rule.to, now, stateOf(row)))) {
    throw await reviewConflict(trx, caseId);
  }
  const note = request.note ?? null;
  const missing = action === 'return' ? request.missing : undefined;
  const cursor = await insertChange(trx, {
    caseId,
    kind: rule.kind,
    state: rule.to,
    session,
    note,
    at: now,
    manifestVersion: row.manifest_version,
    ...(missing && { missing }),
    ...(amendment && { amendment }),
  });
  if (amendment) {
    const by = { caseId, version: row.manifest_version, userId: session.userId };
    await recordSquadDetermination(trx, by, amendment, now);
  }
  // Insurers holding a current packet are told before a reopen marks theirs.
  if (action !== 'review') await queueCaseReturned(trx, caseId, note, at);
  const reopened = action === 'reopen' ? await reopenPaidClaims(trx, session, caseId, at) : [];
  await appendAudit(trx, at, {
    actor: session.userId,
    action: AUDIT_ACTION[action],
    subject: caseId,
    details: {
      from: row.state,
      to: rule.to,
      version: row.manifest_version,
      ...actionDetails(action, note, { missing, amendment, reopened }),
    },
  });
  if (action === 'review') await deliverPackets(trx, session, caseId, at);
  return { caseId, state: rule.to, cursor };
}

/** Refuses an action the case's state (or a paid claim) does not allow. */
function checkAllowed(
  action: ReviewerAction,
  rule: ReviewerRule,
  state: string,
  held: boolean,
): void {
  if ((action === 'return' || action === 'amend') && held) {
    throw new HttpError(
      409,
      'reopen_required',
      'An insurer has paid a claim on this case: reopen it, with the reason, first.',
    );
  }
  const allowed = rule.from === 'held' ? held : rule.from.includes(state as CaseState);
  if (!allowed) {
    throw new HttpError(
      409,
      'invalid_transition',
      rule.from === 'held'
        ? 'No paid claim holds this case: there is nothing to reopen.'
        : `${capitalise(withArticle(state))} case cannot be ${rule.to}.`,
      undefined,
      { state },
    );
  }
}

/**
 * The audit event of each reviewer action. The squad's amendment is
 * `case.squad-amended`: `case.amended` is the officer's amended version.
 */
const AUDIT_ACTION: Readonly<Record<ReviewerAction, string>> = {
  return: 'case.returned',
  review: 'case.reviewed',
  reopen: 'case.reopened',
  amend: 'case.squad-amended',
};

/**
 * What the audit trail keeps of an action besides the move: a reopen's
 * reason and claims; an amendment's reason and determination, with the
 * engine's liability and the facts when it ran; a return's note and missing.
 */
function actionDetails(
  action: ReviewerAction,
  note: string | null,
  extra: { missing?: unknown; amendment?: SquadDetermination; reopened: readonly string[] },
): Record<string, unknown> {
  if (action === 'reopen') return { reason: note, claims: extra.reopened };
  const a = extra.amendment;
  if (a) {
    return {
      reason: a.reason,
      liability: a.liability,
      ...(a.decision && {
        engine: { liability: a.decision.liability, catalogVersion: a.decision.catalogVersion },
        facts: a.facts,
      }),
    };
  }
  return { note, ...(extra.missing !== undefined && { missing: extra.missing }) };
}

const stateOf = (row: CaseNow) => ({
  state: row.state,
  manifestVersion: row.manifest_version,
});

/** The accident squad takes the case over: it keeps its state; the officer is told. */
async function takeOver(
  trx: Db,
  session: Session,
  caseId: string,
  request: CaseActionRequest,
  at: Date,
  row: CaseNow & { taken_over_at: string | null },
  held: boolean,
): Promise<CaseActionResponse> {
  if (row.taken_over_at !== null || held) {
    throw new HttpError(
      409,
      'invalid_transition',
      held
        ? 'An insurer has paid a claim on this case: reopen it, with the reason, before taking it over.'
        : `The accident squad already took this case over (at ${row.taken_over_at}).`,
      undefined,
      { state: row.state },
    );
  }
  const now = at.toISOString();
  const reason = request.note ?? '';
  const taken = await trx
    .updateTable('cases')
    .set({ taken_over_by: session.userId, taken_over_at: now, taken_over_reason: reason })
    .where('id', '=', caseId)
    .where('taken_over_at', 'is', null)
    .where('state', '=', row.state)
    .where('manifest_version', '=', row.manifest_version)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw await reviewConflict(trx, caseId);
  const state = row.state as CaseState;
  const cursor = await insertChange(trx, {
    caseId,
    kind: 'taken-over',
    state,
    session,
    note: reason,
    at: now,
    manifestVersion: row.manifest_version,
  });
  await appendAudit(trx, at, {
    actor: session.userId,
    action: 'case.taken-over',
    subject: caseId,
    details: { state, version: row.manifest_version, reason },
  });
  return { caseId, state, cursor };
}
