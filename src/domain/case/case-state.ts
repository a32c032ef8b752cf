/**
 * The case life cycle of DOMAIN.md as a state machine. Transitions are data so
 * the UI can ask what is possible and tests can walk every edge.
 */
import * as z from 'zod/mini';

export const CaseState = z.enum([
  'opened',
  'triaged',
  'escalated',
  'evidence-complete',
  'scene-cleared',
  'liability-proposed',
  'signed',
  'submitted',
  'synced',
  'returned',
  'reviewed',
  'delivered',
  'acknowledged',
  'assessed',
  'paid',
  'closed',
]);
export type CaseState = z.infer<typeof CaseState>;

/** States from which the officer may still escalate to the accident squad. */
const ON_SCENE: readonly CaseState[] = [
  'opened',
  'triaged',
  'evidence-complete',
  'scene-cleared',
  'liability-proposed',
];

/** Every allowed transition: from → the states it may go to. */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  opened: ['triaged', 'escalated'],
  triaged: ['evidence-complete', 'escalated'],
  'evidence-complete': ['scene-cleared', 'escalated'],
  // A rural station may not determine liability: it hands the cleared case
  // over to an officer (station.ts) and it is sent without a determination.
  'scene-cleared': ['liability-proposed', 'escalated', 'submitted'],
  // A disputed determination escalates; an agreed one is signed.
  'liability-proposed': ['signed', 'escalated'],
  // A signed determination is corrected only by an amendment (determination.ts),
  // which takes it back to `liability-proposed` for new notices and signatures.
  signed: ['submitted', 'liability-proposed'],
  // An escalated case is handed over with whatever was captured.
  escalated: ['submitted'],
  submitted: ['synced', 'liability-proposed'],
  synced: ['reviewed', 'returned', 'delivered', 'liability-proposed'],
  // The accident squad sent it back for more evidence; the officer resubmits.
  returned: ['submitted', 'liability-proposed'],
  reviewed: ['returned', 'delivered', 'liability-proposed'],
  delivered: ['acknowledged'],
  acknowledged: ['assessed'],
  assessed: ['paid'],
  paid: ['closed'],
  closed: [],
};

/** True when a case in `from` may move to `to`. */
export function canTransition(from: CaseState, to: CaseState): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

/** True while the case is still being handled at the scene (editable by the officer). */
export function isOnScene(state: CaseState): boolean {
  return ON_SCENE.includes(state) || state === 'escalated' || state === 'returned';
}
