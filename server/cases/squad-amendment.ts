/**
 * The accident squad amends a case's liability (`amend`, actions.ts): the
 * reviewer's determination is checked against the case's vehicles and, when
 * he corrected the facts, the liability engine is re-run on them with the
 * project's catalog. The engine must reach a liability: an escalation or a
 * missing fact is refused naming the rule or the question, so the squad
 * either corrects the facts further or decides without them. The squad's
 * liability is the determination; where it differs from the engine's it is
 * the squad's override of the engine, for the reason given.
 *
 * Each amendment is a `squad_determinations` row (never updated: every
 * earlier determination stays), an `amended` change carrying the
 * determination to the officer's phone, and an audit event.
 */
import type { Kysely } from 'kysely';
import type { CaseActionRequest } from '../../src/contracts/cases';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import { snapshotDecision } from '../../src/domain/case/liability-step';
import { loadLiabilityCatalog } from '../../src/domain/liability/catalog';
import { evaluateLiability } from '../../src/domain/liability/evaluate';
import { namesExactly, vehicleLabels } from '../../src/domain/case/liability-compare';
import type { SquadDetermination } from '../../src/domain/review/squad-amendment';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';

type Db = Kysely<Database>;

function invalidAmendment(path: string, labels: readonly string[]): HttpError {
  const vehicles = labels.join(', ');
  return new HttpError(
    422,
    'invalid_amendment',
    `The amendment must name exactly the case’s vehicles (${vehicles}) in ${path}.`,
    [{ path: `body.${path}`, message: `must name exactly the vehicles ${vehicles}` }],
    { vehicles: [...labels] },
  );
}

/**
 * The squad's determination from an `amend` request on the stored case, the
 * engine re-run on the facts when given; refused (422) when it names other
 * vehicles than the case's, or when the engine does not reach a liability.
 */
export async function squadDetermination(
  trx: Db,
  caseId: string,
  request: CaseActionRequest,
): Promise<SquadDetermination> {
  const amendment = request.amendment;
  if (amendment === undefined) throw new Error('an amend request without its amendment');
  const reason = (request.note ?? '').trim();
  const row = await trx
    .selectFrom('cases')
    .select('body')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const labels = vehicleLabels(JSON.parse(row.body) as CaseRecord);
  if (!namesExactly(amendment.liability, labels)) {
    throw invalidAmendment('amendment.liability', labels);
  }
  const liability = { ...amendment.liability };
  const facts = amendment.facts;
  if (facts === undefined) return { liability, reason };
  const factVehicles = Object.fromEntries(facts.vehicles.map((v) => [v.id, 'none' as const]));
  if (facts.vehicles.length !== labels.length || !namesExactly(factVehicles, labels)) {
    throw invalidAmendment('amendment.facts.vehicles', labels);
  }
  const decision = evaluateLiability(loadLiabilityCatalog(), facts);
  if (decision.outcome === 'escalate') {
    const rule = decision.escalation;
    throw new HttpError(
      422,
      'liability_undecided',
      `On these facts the liability engine escalates the case (rule ${rule?.ruleId ?? 'unknown'}${rule ? `: ${rule.reason.en}` : ''}): correct the facts, or amend with the liability alone.`,
      undefined,
      { outcome: 'escalate', ...(rule && { ruleId: rule.ruleId }) },
    );
  }
  if (decision.outcome === 'need-more-facts') {
    const question = decision.nextQuestion;
    throw new HttpError(
      422,
      'liability_undecided',
      `On these facts the liability engine needs another answer (question ${question?.id ?? 'unknown'}${question ? `: ${question.text.en}` : ''}): add it to the facts, or amend with the liability alone.`,
      undefined,
      { outcome: 'need-more-facts', ...(question && { questionId: question.id }) },
    );
  }
  return { liability, reason, facts, decision: snapshotDecision(decision) };
}

/** Stores the squad's determination, made by `userId` on the case's `version`. */
export async function recordSquadDetermination(
  trx: Db,
  by: { caseId: string; version: number; userId: string },
  determination: SquadDetermination,
  at: string,
): Promise<void> {
  await trx
    .insertInto('squad_determinations')
    .values({
      case_id: by.caseId,
      based_on_version: by.version,
      by_user_id: by.userId,
      reason: determination.reason,
      liability: JSON.stringify(determination.liability),
      facts: determination.facts === undefined ? null : JSON.stringify(determination.facts),
      decision:
        determination.decision === undefined ? null : JSON.stringify(determination.decision),
      at,
    })
    .execute();
}
