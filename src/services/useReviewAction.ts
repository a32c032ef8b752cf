/**
 * A reviewer's action on a case (approve, return, take over, amend), sent once: the
 * submission carries a `requestId` made when it starts and kept while its
 * outcome is unknown (no answer, a timeout), so sending it again — a retry, a
 * second click — is the same request, done once by the server. It carries
 * the case as the reviewer saw it (`expected`), so an action another
 * reviewer took first is answered with who did what, not done twice.
 */
import { useCallback, useRef, useState } from 'react';
import type { CaseActionRequest, CaseActionResponse } from '../contracts/cases';
import type { ReviewConflict } from '../contracts/review';
import {
  conflictOf,
  reviewApi,
  reviewFailure,
  withToken,
  type ReviewFailure,
} from './review-client';
import { useServices } from './ServicesContext';
import type { SessionStore } from '../storage';

/** What the reviewer asks for: the action, the case as seen, and the words. */
export type ReviewActionInput = Omit<CaseActionRequest, 'requestId' | 'amountYuan'> & {
  action: 'review' | 'return' | 'take-over' | 'amend';
  expected: NonNullable<CaseActionRequest['expected']>;
};

export type ReviewActionOutcome =
  | { kind: 'done'; response: CaseActionResponse }
  | { kind: 'conflict'; conflict: ReviewConflict }
  /** `code` and `details`: the server's refusal (e.g. `liability_undecided`), when it gave one. */
  | { kind: 'failed'; failure: ReviewFailure; code?: string; details?: Record<string, unknown> }
  /** Another action of this screen is still on its way: this one was not sent. */
  | { kind: 'busy' };

/**
 * Keeps one request id per submission: the same input again while the last
 * answer was unknown gets the same id; anything else (another input, or an
 * answer the server gave) a new one.
 */
export function requestIds(newId: () => string) {
  let pending: { key: string; id: string } | undefined;
  return {
    idFor(input: ReviewActionInput): string {
      const key = JSON.stringify(input);
      if (pending?.key !== key) pending = { key, id: newId() };
      return pending.id;
    },
    /** The server answered: the next submission is a new request. */
    settled(): void {
      pending = undefined;
    },
  };
}

/** Sends one action, classifying the answer. */
export async function sendReviewAction(
  session: Pick<SessionStore, 'active' | 'reject'>,
  caseId: string,
  input: ReviewActionInput,
  requestId: string,
): Promise<Exclude<ReviewActionOutcome, { kind: 'busy' }> & { answered: boolean }> {
  const body: CaseActionRequest = { ...input, requestId };
  const r = await withToken(session, (t) => reviewApi().postCaseAction(t, caseId, body));
  if (r.ok) return { kind: 'done', response: r.value, answered: true };
  const conflict = conflictOf(r.failure);
  if (conflict) return { kind: 'conflict', conflict, answered: true };
  const unknown = ['network', 'timeout', 'not-a-receipt'].includes(r.failure.kind);
  const said =
    r.failure.kind === 'http' && r.failure.code !== undefined
      ? { code: r.failure.code, ...(r.failure.details && { details: r.failure.details }) }
      : {};
  return { kind: 'failed', failure: reviewFailure(r.failure), ...said, answered: !unknown };
}

export interface ReviewActionView {
  /** An action is on its way: the buttons wait (a double click sends nothing more). */
  sending: boolean;
  send(input: ReviewActionInput): Promise<ReviewActionOutcome>;
}

export function useReviewAction(
  caseId: string,
  newId: () => string = () => crypto.randomUUID(),
): ReviewActionView {
  const { session } = useServices();
  const ids = useRef<ReturnType<typeof requestIds>>(null);
  ids.current ??= requestIds(newId);
  const busy = useRef(false);
  const [sending, setSending] = useState(false);

  const send = useCallback(
    async (input: ReviewActionInput): Promise<ReviewActionOutcome> => {
      const keeper = ids.current ?? requestIds(newId);
      if (busy.current) return { kind: 'busy' };
      busy.current = true;
      setSending(true);
      try {
        const { answered, ...outcome } = await sendReviewAction(
          session,
          caseId,
          input,
          keeper.idFor(input),
        );
        if (answered) keeper.settled();
        return outcome;
      } finally {
        busy.current = false;
        setSending(false);
      }
    },
    [caseId, newId, session],
  );
  return { sending, send };
}
