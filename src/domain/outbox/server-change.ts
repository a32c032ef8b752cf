/**
 * Applying what the server says happened to a case (returned for more
 * evidence, reviewed, assessed, paid) to the device's copy: the state moves
 * and the transition is recorded with the server's time and the reviewer's
 * note. The server is the authority on these states, so the local life cycle
 * does not get a veto; the transition list keeps the history either way.
 */
import type { CaseRecord } from '../case/case.schema';
import type { CaseState } from '../case/case-state';
import type { Instant } from '../ids';

export interface ServerStateChange {
  state: CaseState;
  /** Server time of the change. */
  at: Instant;
  /** What happened (`returned`, `reviewed` …), used as the reason when there is no note. */
  kind: string;
  note?: string;
}

/** The case with the server's state recorded; the same record when it is already in that state. */
export function applyServerStateChange(c: CaseRecord, change: ServerStateChange): CaseRecord {
  if (c.state === change.state) return c;
  return {
    ...c,
    state: change.state,
    transitions: [
      ...c.transitions,
      { from: c.state, to: change.state, at: change.at, reason: change.note ?? change.kind },
    ],
    updatedAt: change.at > c.updatedAt ? change.at : c.updatedAt,
  };
}

/**
 * What the accident squad asked for when it returned the case: the note of
 * the latest return while the case is returned; undefined when it is not
 * returned or the squad gave no note (the change's kind stands in for it).
 */
export function returnReason(c: CaseRecord): string | undefined {
  if (c.state !== 'returned') return undefined;
  const last = c.transitions.findLast((t) => t.to === 'returned');
  return last?.reason && last.reason !== 'returned' ? last.reason : undefined;
}
