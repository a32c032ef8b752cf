/**
 * The review queue's columns on `cases` (migration 0005): the arrival on
 * scene, one 0/1 column per review signal, and the bucket. Ingest sets them
 * from each stored version; every change of the case's state sets the bucket
 * again (src/domain/review/signals.ts decides both).
 */
import type { Kysely } from 'kysely';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { CaseState } from '../../src/domain/case/case-state';
import {
  queueBucket,
  REVIEW_SIGNALS,
  reviewSignals,
  type QueueBucket,
  type ReviewSignal,
} from '../../src/domain/review/signals';
import type { CasesTable, Database } from '../db/schema';

type SignalColumn =
  | 'sig_escalated'
  | 'sig_disputed'
  | 'sig_primary_secondary'
  | 'sig_override'
  | 'sig_version_gap'
  | 'sig_refusal'
  | 'sig_amended'
  | 'sig_revoked_device';

export const SIGNAL_COLUMN: Readonly<Record<ReviewSignal, SignalColumn>> = {
  escalated: 'sig_escalated',
  disputed: 'sig_disputed',
  'primary-secondary': 'sig_primary_secondary',
  override: 'sig_override',
  'version-gap': 'sig_version_gap',
  refusal: 'sig_refusal',
  amended: 'sig_amended',
  'revoked-device': 'sig_revoked_device',
};

export type ReviewColumns = Pick<CasesTable, SignalColumn | 'sig_any' | 'bucket' | 'arrived_at'>;

/** An instant as UTC ISO text with milliseconds, so text order is time order. */
export const utcInstant = (instant: string): string => new Date(instant).toISOString();

/** The signals a case row holds. */
export function signalsOfRow(row: Pick<CasesTable, SignalColumn>): ReviewSignal[] {
  return REVIEW_SIGNALS.filter((s) => row[SIGNAL_COLUMN[s]] === 1);
}

/**
 * The queue's columns for a stored version in `state`. `flags`: the receipt
 * flags of this version, and `version_gap` when an earlier one had a gap.
 */
export function reviewColumns(
  record: CaseRecord,
  flags: readonly string[],
  state: CaseState,
): ReviewColumns {
  const signals = reviewSignals(record, flags);
  const columns = Object.fromEntries(
    REVIEW_SIGNALS.map((s) => [SIGNAL_COLUMN[s], signals.includes(s) ? 1 : 0]),
  ) as Record<SignalColumn, number>;
  return {
    ...columns,
    sig_any: signals.length > 0 ? 1 : 0,
    bucket: queueBucket(state, signals),
    arrived_at: utcInstant(record.arrivedAt),
  };
}

/** The bucket a case row goes to in `state`, from the signals it holds. */
export function bucketOfRow(row: Pick<CasesTable, SignalColumn>, state: CaseState): QueueBucket {
  return queueBucket(state, signalsOfRow(row));
}

/**
 * Moves a case to `state`, and its bucket with it. With `expect`, only when
 * the case is still in that state and version; answers whether it moved.
 */
export async function setCaseState(
  trx: Kysely<Database>,
  caseId: string,
  state: CaseState,
  now: string,
  expect?: { state: string; manifestVersion: number },
): Promise<boolean> {
  const row = await trx
    .selectFrom('cases')
    .select(Object.values(SIGNAL_COLUMN))
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  let update = trx
    .updateTable('cases')
    .set({
      state,
      bucket: bucketOfRow(row, state),
      updated_at: now,
      // The dashboard counts a case returned once, whatever came after (migration 0010).
      ...(state === 'returned' && { ff_returned: 1 }),
    })
    .where('id', '=', caseId);
  if (expect) {
    update = update
      .where('state', '=', expect.state)
      .where('manifest_version', '=', expect.manifestVersion);
  }
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
