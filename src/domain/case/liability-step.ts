/**
 * Liability on a case, step by step: the officer's answers (a draft), the
 * engine's proposal (or an escalation), an override with its reason, the
 * notices read out, each party's signature or refusal, and a dispute over the
 * facts. Pure: the time comes in, hashing is the caller's (WebCrypto), and
 * every operation returns a new record or a refusal.
 *
 * Rules (道路交通事故处理程序规定, 公安部令第146号):
 *  - a refusal to sign is noted on the determination, which stands (第24条);
 *    the case is flagged for the accident squad's review;
 *  - facts disputed and not settled on scene → general procedure (escalated).
 */
import type { Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import type { LiabilityCatalog, LiabilityLevel } from '../liability/catalog.schema';
import type { LiabilityDecision } from '../liability/decision';
import { evaluateLiability } from '../liability/evaluate';
import { parseLiabilityFacts, type LiabilityFacts } from '../liability/facts.schema';
import { transitionCase } from './case';
import { contentVersionOf } from './determination';
import type { CaseRecord } from './case.schema';
import {
  LIABILITY_RECORD_SCHEMA_VERSION,
  type DecisionSnapshot,
  type LiabilityDraft,
  type LiabilityRecord,
  type SignatureEntry,
} from './liability-record.schema';

export { factsFromDraft } from './liability-facts';

/** The escalation rule a dispute over the facts falls under. */
export const FACTS_DISPUTED_RULE = 'E14-facts-or-cause-disputed';

export type LiabilityRefusal =
  | 'not-allowed'
  | 'already-signed'
  | 'incomplete'
  | 'need-more-facts'
  | 'invalid-facts'
  | 'reason-required'
  | 'bad-liability'
  | 'no-proposal'
  | 'notices-not-read'
  | 'unknown-party'
  | 'already-answered';

const emptyRecord = (): LiabilityRecord => ({
  schemaVersion: LIABILITY_RECORD_SCHEMA_VERSION,
  signatures: [],
});

const recordOf = (c: CaseRecord): LiabilityRecord => c.liability ?? emptyRecord();

const withRecord = (c: CaseRecord, liability: LiabilityRecord, at: Instant): CaseRecord => ({
  ...c,
  liability,
  updatedAt: at,
});

/** While liability may still be worked on: the scene is cleared, nobody has signed. */
function canWork(c: CaseRecord): Result<LiabilityRecord, LiabilityRefusal> {
  if (c.state !== 'scene-cleared' && c.state !== 'liability-proposed')
    return refuse('not-allowed', c.state);
  const record = recordOf(c);
  if (record.signatures.length > 0) return refuse('already-signed');
  return ok(record);
}

/** An empty draft with one row per vehicle (by label) and, for two vehicles, one impact. */
const FRONT_PARTS: readonly string[] = ['front', 'front-bumper'];
const REAR_PARTS: readonly string[] = ['rear', 'rear-bumper'];

/**
 * Who struck whom, as the damage recorded says it plainly: of exactly two
 * vehicles, one damaged only at the front and the other only at the rear,
 * the first struck the second (a rear-end). Anything else suggests nothing.
 */
export function suggestedImpact(c: CaseRecord): { striking: string; struck: string } | undefined {
  if (c.vehicles.length !== 2) return undefined;
  const only = (parts: readonly string[], set: readonly string[]) =>
    parts.length > 0 && parts.every((p) => set.includes(p));
  const front = c.vehicles.filter((v) => only(v.damagedParts, FRONT_PARTS));
  const rear = c.vehicles.filter((v) => only(v.damagedParts, REAR_PARTS));
  const [striking] = front;
  const [struck] = rear;
  if (front.length !== 1 || rear.length !== 1 || !striking || !struck) return undefined;
  return { striking: striking.label, struck: struck.label };
}

/** A new draft: nothing answered but the first impact, when the damage says it. */
export function emptyDraft(c: CaseRecord): LiabilityDraft {
  return {
    vehicles: c.vehicles.map((v) => ({ id: v.label })),
    impacts: [suggestedImpact(c) ?? {}],
    answers: [],
    checkAnswers: {},
  };
}

/** Stores the officer's answers so far. */
export function saveLiabilityDraft(
  c: CaseRecord,
  draft: LiabilityDraft,
  at: Instant,
): Result<CaseRecord, LiabilityRefusal> {
  const r = canWork(c);
  if (!r.ok) return r;
  return ok(withRecord(c, { ...r.value, draft }, at));
}

/** The decision as stored: the contract fields, without the transient question. */
export function snapshotDecision(d: LiabilityDecision): DecisionSnapshot {
  return {
    outcome: d.outcome,
    ...(d.liability && { liability: { ...d.liability } }),
    officerMustConfirm: d.officerMustConfirm,
    alternatives: d.alternatives.map((a) => ({ liability: { ...a.liability }, reason: a.reason })),
    ...(d.escalation && {
      escalation: {
        ruleId: d.escalation.ruleId,
        action: d.escalation.action,
        reason: d.escalation.reason,
        basis: d.escalation.basis.map((b) => ({ law: b.law, article: b.article })),
        ...(d.escalation.instruction && { instruction: d.escalation.instruction }),
      },
    }),
    scenarios: [...d.scenarios],
    findings: d.findings.map((f) => ({
      scenarioId: f.scenarioId,
      vehicleIds: [...f.vehicleIds],
      liability: { ...f.liability },
      basis: f.basis.map((b) => ({ law: b.law, article: b.article })),
      explanation: f.explanation,
      factsUsed: f.factsUsed.map((u) => ({
        questionId: u.questionId,
        answer: u.answer,
        from: [...u.from],
      })),
      impact: f.impact,
      ...(f.modifierId !== undefined && { modifierId: f.modifierId }),
    })),
    ...(d.liabilityHint && { liabilityHint: { ...d.liabilityHint } }),
    ...(d.liabilityHintWithheld && { liabilityHintWithheld: d.liabilityHintWithheld }),
    catalogVersion: d.catalogVersion,
  };
}

export interface Proposed {
  case: CaseRecord;
  decision: LiabilityDecision;
}

/**
 * Runs the engine on the facts. `liability` → the proposal is stored and the
 * case moves to `liability-proposed` (a new proposal before anyone signed
 * replaces the old one and drops its override); `escalate` → the case is
 * escalated naming the rule; `need-more-facts` is refused with the question id.
 */
export function proposeLiability(
  c: CaseRecord,
  catalog: LiabilityCatalog,
  facts: LiabilityFacts,
  at: Instant,
): Result<Proposed, LiabilityRefusal> {
  const r = canWork(c);
  if (!r.ok) return r;
  const parsed = parseLiabilityFacts(facts);
  if (!parsed.ok) return parsed;
  const decision = evaluateLiability(catalog, parsed.value);
  if (decision.outcome === 'need-more-facts')
    return refuse('need-more-facts', decision.nextQuestion?.id);
  const { override: _dropped, proposal: _old, proposedAt: _oldAt, ...rest } = r.value;
  const base: LiabilityRecord = {
    ...rest,
    facts: parsed.value,
    decision: snapshotDecision(decision),
  };
  if (decision.outcome === 'escalate') {
    const rule = decision.escalation?.ruleId ?? 'escalate';
    const moved = transitionCase(withRecord(c, base, at), 'escalated', at, rule);
    return moved.ok ? ok({ case: moved.value, decision }) : moved;
  }
  const record: LiabilityRecord = { ...base, proposal: { ...decision.liability }, proposedAt: at };
  const next = withRecord(c, record, at);
  if (c.state === 'liability-proposed') return ok({ case: next, decision });
  const moved = transitionCase(next, 'liability-proposed', at);
  return moved.ok ? ok({ case: moved.value, decision }) : moved;
}

/**
 * The officer's different determination, with a written reason; the proposal
 * stays beside it. Covers exactly the proposal's vehicles.
 */
export function overrideLiability(
  c: CaseRecord,
  liability: Readonly<Record<string, LiabilityLevel>>,
  reason: string,
  at: Instant,
): Result<CaseRecord, LiabilityRefusal> {
  if (c.state !== 'liability-proposed') return refuse('not-allowed', c.state);
  const record = recordOf(c);
  if (record.signatures.length > 0) return refuse('already-signed');
  const proposal = record.proposal;
  if (proposal === undefined) return refuse('no-proposal');
  const text = reason.trim();
  if (text === '') return refuse('reason-required');
  const want = Object.keys(proposal).sort().join(',');
  if (Object.keys(liability).sort().join(',') !== want) return refuse('bad-liability', want);
  return ok(
    withRecord(c, { ...record, override: { liability: { ...liability }, reason: text, at } }, at),
  );
}

/** The parties who must sign or refuse: every driver. */
export function signingParties(c: CaseRecord) {
  return c.parties.filter((p) => p.kind === 'driver');
}

export interface SignatureInput {
  partyId: string;
  /** SHA-256 of `determinationBytes(c)`, computed by the caller. */
  contentSha256: string;
}

/** The content version a new signature or refusal covers (that of the set in progress). */
const versionField = (c: CaseRecord) =>
  contentVersionOf(c) === 2 ? { contentVersion: 2 as const } : {};

function answer(
  c: CaseRecord,
  entry: SignatureEntry,
  at: Instant,
  flag: boolean,
): Result<CaseRecord, LiabilityRefusal> {
  if (c.state !== 'liability-proposed') return refuse('not-allowed', c.state);
  const record = recordOf(c);
  if (record.proposal === undefined) return refuse('no-proposal');
  if (record.noticesReadAt === undefined) return refuse('notices-not-read');
  if (!signingParties(c).some((p) => p.id === entry.partyId))
    return refuse('unknown-party', entry.partyId);
  if (record.signatures.some((s) => s.partyId === entry.partyId))
    return refuse('already-answered', entry.partyId);
  const signatures = [...record.signatures, entry];
  const flaggedForReview =
    record.flaggedForReview ?? (flag && entry.reason ? { reason: entry.reason, at } : undefined);
  const next = withRecord(
    c,
    { ...record, signatures, ...(flaggedForReview && { flaggedForReview }) },
    at,
  );
  const everyone = signingParties(c).every((p) => signatures.some((s) => s.partyId === p.id));
  if (!everyone) return ok(next);
  return transitionCase(next, 'signed', at);
}

/**
 * A party signed on screen. An objection written beside the signature is kept
 * and flags the case for review. Once every driver has signed or refused the
 * case is `signed`.
 */
export function recordSignature(
  c: CaseRecord,
  input: SignatureInput & { image: string; objection?: string },
  at: Instant,
): Result<CaseRecord, LiabilityRefusal> {
  const objection = input.objection?.trim();
  const entry: SignatureEntry = {
    partyId: input.partyId,
    kind: 'signed',
    at,
    contentSha256: input.contentSha256,
    ...versionField(c),
    image: input.image,
    ...(objection && { reason: objection }),
  };
  return answer(c, entry, at, objection !== undefined && objection !== '');
}

/**
 * A party refused to sign, with the reason. The determination stands (146号令
 * 第24条): the refusal is noted on it and the case is flagged for review.
 */
export function recordRefusal(
  c: CaseRecord,
  input: SignatureInput & { reason: string },
  at: Instant,
): Result<CaseRecord, LiabilityRefusal> {
  const reason = input.reason.trim();
  if (reason === '') return refuse('reason-required');
  const entry: SignatureEntry = {
    partyId: input.partyId,
    kind: 'refused',
    at,
    contentSha256: input.contentSha256,
    ...versionField(c),
    reason,
  };
  return answer(c, entry, at, true);
}

/**
 * The facts themselves are disputed and cannot be settled on scene: the case
 * goes to the accident squad (general procedure), the reason recorded.
 */
export function disputeFacts(
  c: CaseRecord,
  reason: string,
  at: Instant,
): Result<CaseRecord, LiabilityRefusal> {
  const text = reason.trim();
  if (text === '') return refuse('reason-required');
  if (c.state !== 'scene-cleared' && c.state !== 'liability-proposed')
    return refuse('not-allowed', c.state);
  const record = recordOf(c);
  const next = withRecord(c, { ...record, dispute: { reason: text, at } }, at);
  return transitionCase(next, 'escalated', at, `${FACTS_DISPUTED_RULE}: ${text}`);
}
