/**
 * Where each insurer stands on a case, as the officer's phone learns it from
 * the changes feed: the packet delivered (the reviewer's approval), the
 * insurer's call-back (acknowledged), its assessment and its payout — one
 * entry per insurer, each step with the server's time. Kept beside the case
 * with the squad's word (squad-word.ts), never in the signed record.
 *
 * The five-fast record takes from it what the case's own transitions cannot
 * give: the packet's delivery (the first insurer's), and the assessment and
 * payout once every insurer has done them (the last one's).
 */
import type { FiveFastTimestamps } from '../metrics/five-fast';
import type { Instant } from '../ids';

export const INSURER_STEPS = ['delivered', 'acknowledged', 'assessed', 'paid'] as const;
export type InsurerStep = (typeof INSURER_STEPS)[number];

export interface InsurerProgress {
  insurerId: string;
  /** The furthest step reached. */
  step: InsurerStep;
  /** Server time of each step reached. */
  at: Partial<Record<InsurerStep, Instant>>;
  /** The feed cursor of the latest step recorded: a repeated pull records nothing twice. */
  cursor: string;
}

/** A change of the feed that is one insurer's step. */
export interface InsurerChange {
  cursor: string;
  kind: string;
  at: Instant;
  claim?: { insurerId: string; state: string };
}

/** The step a feed change records: the approval's delivery, or the insurer's own step. */
export function insurerStepOf(change: InsurerChange): InsurerStep | undefined {
  if (!change.claim) return undefined;
  if (change.kind === 'reviewed') return 'delivered';
  return (INSURER_STEPS as readonly string[]).includes(change.kind)
    ? (change.kind as InsurerStep)
    : undefined;
}

const rank = (s: InsurerStep) => INSURER_STEPS.indexOf(s);

/**
 * The insurers' progress with the change recorded; undefined when it records
 * nothing (not an insurer's step, or already known). A new delivery (a later
 * packet) starts the insurer's steps again.
 */
export function recordInsurerStep(
  prev: Readonly<Record<string, InsurerProgress>> | undefined,
  change: InsurerChange,
): Record<string, InsurerProgress> | undefined {
  const step = insurerStepOf(change);
  const insurerId = change.claim?.insurerId;
  if (step === undefined || insurerId === undefined) return undefined;
  const known = prev?.[insurerId];
  if (known && Number(change.cursor) <= Number(known.cursor)) return undefined;
  const restart = step === 'delivered' || !known;
  const at = restart ? { [step]: change.at } : { ...known.at, [step]: change.at };
  const furthest = restart || rank(step) > rank(known.step) ? step : known.step;
  return {
    ...prev,
    [insurerId]: { insurerId, step: furthest, at, cursor: change.cursor },
  };
}

const earliest = (xs: Instant[]) => xs.sort()[0];
const latest = (xs: Instant[]) => xs.sort().at(-1);

/** The times the insurers give to the five-fast record (absent until known). */
export function insurerTimes(
  progress: Readonly<Record<string, InsurerProgress>> | undefined,
): Pick<FiveFastTimestamps, 'packetDeliveredAt' | 'assessmentRecordedAt' | 'payoutRecordedAt'> {
  const all = Object.values(progress ?? {});
  if (all.length === 0) return {};
  const every = (s: InsurerStep) => {
    const times = all.map((p) => p.at[s]);
    return times.every((t) => t !== undefined) ? latest(times as Instant[]) : undefined;
  };
  const delivered = earliest(all.flatMap((p) => (p.at.delivered ? [p.at.delivered] : [])));
  const assessed = every('assessed');
  const paid = every('paid');
  return {
    ...(delivered !== undefined && { packetDeliveredAt: delivered }),
    ...(assessed !== undefined && { assessmentRecordedAt: assessed }),
    ...(paid !== undefined && { payoutRecordedAt: paid }),
  };
}
