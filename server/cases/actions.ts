/**
 * What reviewers and insurers do to a submitted case, each a change in the
 * feed the officer's device pulls and an audit event:
 *
 * | action | role     | from (case state, or the insurer's claim) | to                     |
 * | ------ | -------- | ----------------------------------------- | ---------------------- |
 * | return | reviewer | synced, reviewed, assessed                | returned               |
 * | review | reviewer | synced                                    | reviewed + a delivered |
 * |        |          |                                           | claim per insurer      |
 * | reopen | reviewer | a paid claim holds the case               | returned               |
 * | assess | insurer  | its own claim: delivered                  | claim assessed         |
 * | pay    | insurer  | its own claim: assessed                   | claim paid             |
 *
 * Insurers act on their own claims only (claims.ts), so one insurer's step
 * never moves another's. The case is `assessed` once every current claim is
 * assessed and `paid` once every one is paid. A new manifest version from the
 * officer puts the case back to synced — refused while a paid claim holds it,
 * which only `reopen` (with its reason) releases; `return` is then refused
 * with `reopen_required`, so the reopening is always written down.
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
import { capitalise, withArticle } from '../english';
import {
  applyClaimAction,
  deliverPackets,
  insertChange,
  isHeldByPayment,
  reopenPaidClaims,
} from './claims';

type ReviewerAction = 'return' | 'review' | 'reopen';

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
};

export const CASE_ACTIONS: Readonly<Record<CaseAction, { role: Role }>> = {
  ...REVIEWER_ACTIONS,
  assess: { role: 'insurer' },
  pay: { role: 'insurer' },
};

/** Applies an action to a case the caller has already found in scope. */
export async function applyCaseAction(
  db: Kysely<Database>,
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
  if (action === 'assess' || action === 'pay') {
    return applyClaimAction(db, session, caseId, action, request, at);
  }
  const rule = REVIEWER_ACTIONS[action];
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select(['state'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const held = await isHeldByPayment(trx, caseId);
    if (action === 'return' && held) {
      throw new HttpError(
        409,
        'reopen_required',
        'An insurer has paid a claim on this case: reopen it, with the reason, instead.',
      );
    }
    const allowed = rule.from === 'held' ? held : rule.from.includes(row.state as CaseState);
    if (!allowed) {
      throw new HttpError(
        409,
        'invalid_transition',
        rule.from === 'held'
          ? 'No paid claim holds this case: there is nothing to reopen.'
          : `${capitalise(withArticle(row.state))} case cannot be ${rule.to}.`,
        undefined,
        { state: row.state },
      );
    }
    const now = at.toISOString();
    await trx
      .updateTable('cases')
      .set({ state: rule.to, updated_at: now })
      .where('id', '=', caseId)
      .execute();
    const note = request.note ?? null;
    const cursor = await insertChange(trx, {
      caseId,
      kind: rule.kind,
      state: rule.to,
      session,
      note,
      at: now,
    });
    const reopened = action === 'reopen' ? await reopenPaidClaims(trx, session, caseId, at) : [];
    await appendAudit(trx, at, {
      actor: session.userId,
      action: action === 'reopen' ? 'case.reopened' : `case.${rule.kind}`,
      subject: caseId,
      details: {
        from: row.state,
        to: rule.to,
        ...(action === 'reopen' ? { reason: note, claims: reopened } : { note }),
      },
    });
    if (action === 'review') await deliverPackets(trx, session, caseId, at);
    return { caseId, state: rule.to, cursor };
  });
}
