/**
 * The officer's liability draft between saves: fitted to the vehicles the case
 * has now (they may have been added or removed since it was stored), an
 * engine question's answer written back where the engine reads it, and
 * whether the stored proposal still belongs to the facts on screen. Pure; the
 * screen keeps the draft and saves it with `saveLiabilityDraft`.
 */
import { canonicalJson } from '../manifest/canonical-json';
import type { NextQuestion } from '../liability/decision';
import type { EscalationAnswer, LiabilityFacts } from '../liability/facts.schema';
import type { CaseRecord } from './case.schema';
import type { LiabilityDraft } from './liability-record.schema';
import { emptyDraft } from './liability-step';
import { fixedObjectsOf } from './parties';

/**
 * The stored draft (or an empty one), fitted to the vehicles the case has
 * now: one row per vehicle label in the case's order, keeping what was
 * answered for it; one row per fixed object (by party id) with its kind;
 * impacts forget vehicles and objects no longer on the case, and there is
 * always at least one impact to answer.
 */
export function fitLiabilityDraft(c: CaseRecord): LiabilityDraft {
  const saved = c.liability?.draft ?? emptyDraft(c);
  const labels = c.vehicles.map((v) => v.label);
  const objectIds = fixedObjectsOf(c).map((p) => p.id);
  const vehicle = (l: string | undefined) => l !== undefined && labels.includes(l);
  const party = (l: string | undefined) => vehicle(l) || (l !== undefined && objectIds.includes(l));
  return {
    ...saved,
    vehicles: labels.map((l) => saved.vehicles.find((v) => v.id === l) ?? { id: l }),
    impacts: (saved.impacts.length > 0 ? saved.impacts : [{}]).map((imp) => {
      const actions = imp.actions?.filter((a) => vehicle(a.vehicleId));
      return {
        ...(vehicle(imp.striking) && { striking: imp.striking }),
        ...(party(imp.struck) && { struck: imp.struck }),
        ...(imp.relation && { relation: imp.relation }),
        ...(imp.whoStruck && { whoStruck: imp.whoStruck }),
        ...(actions && actions.length > 0 && { actions }),
      };
    }),
    ...(objectIds.length > 0 && {
      objects: objectIds.map((id) => saved.objects?.find((o) => o.id === id) ?? { id }),
    }),
  };
}

/**
 * The draft with `value` as the answer to the engine's next question: an
 * escalation check goes to `checkAnswers` by rule id, a catalog question to
 * `answers`, replacing an earlier answer to the same question about the same
 * vehicle.
 */
export function answerLiabilityQuestion(
  draft: LiabilityDraft,
  q: NextQuestion,
  value: string,
): LiabilityDraft {
  if (q.source === 'escalation') {
    // The engine offers an escalation check only yes / no (`yesNoOptions`).
    return { ...draft, checkAnswers: { ...draft.checkAnswers, [q.id]: value as EscalationAnswer } };
  }
  const others = draft.answers.filter(
    (a) => !(a.questionId === q.id && a.vehicleId === q.vehicleId),
  );
  const entry = { questionId: q.id, ...(q.vehicleId && { vehicleId: q.vehicleId }), value };
  return { ...draft, answers: [...others, entry] };
}

/**
 * True when the case stands proposed on exactly these facts, so the stored
 * proposal is the one to show; after any change of answer it is not.
 */
export function isProposalFor(c: CaseRecord, facts: LiabilityFacts): boolean {
  return (
    c.state === 'liability-proposed' &&
    c.liability?.facts !== undefined &&
    canonicalJson(c.liability.facts) === canonicalJson(facts)
  );
}
