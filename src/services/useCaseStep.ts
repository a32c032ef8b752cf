/**
 * The one way a screen changes a stored case: a domain step (`editCaseFields`,
 * `recordTriageAnswer`, `recordSignature` …) run on the case as stored, inside
 * the transaction that writes it with its outbox entry, so edits never
 * clobber each other and a reload never loses one. Reports where the writes
 * stand (saving / saved / the failure in words) for `SaveStatus`.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, Instant, Result } from '../domain';
import { updateCase, type KuaichuDb } from '../storage';
import type { SaveState } from '../ui/SaveStatus';
import { describeSaveError } from './save-error';
import { useServices } from './ServicesContext';

/** A domain operation on one case at one instant. */
export type CaseStep = (c: CaseRecord, at: Instant) => Result<CaseRecord, string>;

/** A domain refusal surfaced as an error the officer sees. */
export class StepRefused extends Error {
  constructor(
    readonly reason: string,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'StepRefused';
  }
}

/**
 * Runs the step on the stored case and writes the result with its outbox
 * entry; a refusal aborts the transaction (nothing is written) as StepRefused.
 * Transactions run in the order they are made, so the last edit wins.
 */
export function saveCaseStep(
  db: KuaichuDb,
  caseId: string,
  step: CaseStep,
  at: Instant,
): Promise<CaseRecord> {
  const apply = (c: CaseRecord) => {
    const r = step(c, at);
    if (!r.ok) throw new StepRefused(r.reason, r.detail);
    return r.value;
  };
  return updateCase(db, caseId, apply, at);
}

export interface CaseStepRunner {
  /**
   * Runs a step now (at the clock's time) and writes it through (the same
   * function on every render); `onSaved`
   * follows a successful write (e.g. on to the next screen). A failure shows
   * in `status` and `error`, never as a rejected promise.
   */
  run(step: CaseStep, onSaved?: (stored: CaseRecord) => void): void;
  /** Shows a refusal found before writing (the step was not run on the stored case). */
  refuse(message: string): void;
  status: SaveState;
  /** The failure in words, while there is one. */
  error: string | null;
}

export function useCaseStep(caseId: string): CaseStepRunner {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const [status, setStatus] = useState<SaveState>('idle');
  // Saved only when every write made has come back and none failed.
  const pending = useRef(0);

  const run = useCallback(
    (step: CaseStep, onSaved?: (stored: CaseRecord) => void) => {
      pending.current += 1;
      setStatus('saving');
      saveCaseStep(db, caseId, step, platform.clock.now()).then(
        (stored) => {
          pending.current -= 1;
          setStatus((s) => (pending.current === 0 && typeof s !== 'object' ? 'saved' : s));
          onSaved?.(stored);
        },
        async (err: unknown) => {
          pending.current -= 1;
          setStatus({ error: await describeSaveError(err, db, t) });
        },
      );
    },
    [db, caseId, platform, t],
  );
  return {
    run,
    refuse: (message) => setStatus({ error: message }),
    status,
    error: typeof status === 'object' ? status.error : null,
  };
}
