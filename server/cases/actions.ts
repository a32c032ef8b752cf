/**
 * What reviewers and insurers do to a submitted case, each a change in the
 * feed the officer's device pulls and an audit event:
 *
 * | action | role     | from                                  | to       |
 * | ------ | -------- | ------------------------------------- | -------- |
 * | return | reviewer | synced, reviewed                      | returned |
 * | review | reviewer | synced                                | reviewed |
 * | assess | insurer  | synced, reviewed, delivered, acknowledged | assessed |
 * | pay    | insurer  | assessed                              | paid     |
 *
 * (Insurers may assess straight from synced/reviewed until packet delivery,
 * which moves cases to delivered/acknowledged, exists.) A new manifest
 * version from the officer puts the case back to synced.
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

interface ActionRule {
  role: Role;
  from: readonly CaseState[];
  to: CaseState;
  kind: ChangeKind;
}

export const CASE_ACTIONS: Readonly<Record<CaseAction, ActionRule>> = {
  return: { role: 'reviewer', from: ['synced', 'reviewed'], to: 'returned', kind: 'returned' },
  review: { role: 'reviewer', from: ['synced'], to: 'reviewed', kind: 'reviewed' },
  assess: {
    role: 'insurer',
    from: ['synced', 'reviewed', 'delivered', 'acknowledged'],
    to: 'assessed',
    kind: 'assessed',
  },
  pay: { role: 'insurer', from: ['assessed'], to: 'paid', kind: 'paid' },
};

/** Applies an action to a case the caller has already found in scope. */
export async function applyCaseAction(
  db: Kysely<Database>,
  session: Session,
  caseId: string,
  request: CaseActionRequest,
  at: Date,
): Promise<CaseActionResponse> {
  const rule = CASE_ACTIONS[request.action];
  if (rule.role !== session.role) {
    throw new HttpError(
      403,
      'forbidden_action',
      `Only ${withArticle(rule.role)} may ${request.action} a case.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select(['state'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    if (!rule.from.includes(row.state as CaseState)) {
      throw new HttpError(
        409,
        'invalid_transition',
        `${capitalise(withArticle(row.state))} case cannot be ${rule.to}.`,
        undefined,
        {
          state: row.state,
        },
      );
    }
    const now = at.toISOString();
    await trx
      .updateTable('cases')
      .set({ state: rule.to, updated_at: now })
      .where('id', '=', caseId)
      .execute();
    const change = await trx
      .insertInto('changes')
      .values({
        case_id: caseId,
        kind: rule.kind,
        state: rule.to,
        actor_id: session.userId,
        actor_role: session.role,
        note: request.note ?? null,
        at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, at, {
      actor: session.userId,
      action: `case.${rule.kind}`,
      subject: caseId,
      details: {
        from: row.state,
        to: rule.to,
        note: request.note ?? null,
        amountYuan: request.amountYuan ?? null,
      },
    });
    return { caseId, state: rule.to, cursor: String(change.id) };
  });
}
