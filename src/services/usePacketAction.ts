/**
 * An insurer's step on a packet (call-back acknowledged, assessment,
 * payout), sent once: each submission gets a `requestId` when it starts,
 * kept while its outcome is unknown (no answer, a timeout), so sending the
 * same again — a retry, a second click — is the same request, done once by
 * the server. Anything the server answered makes the next submission new.
 */
import { useCallback, useRef, useState } from 'react';
import type { Claim } from '../contracts/claims';
import {
  packetFailure,
  packetApi,
  type PacketActionBodies,
  type PacketActionKind,
  type PacketFailure,
} from './packet-client';
import { withToken } from './review-client';
import { useServices } from './ServicesContext';

/** What the insurer fills in: the body without its request id. */
export type PacketActionInput<K extends PacketActionKind> = Omit<
  PacketActionBodies[K],
  'requestId'
>;

export type PacketActionOutcome =
  | { kind: 'done'; claim: Claim }
  | { kind: 'failed'; failure: PacketFailure }
  /** Another step of this screen is still on its way: this one was not sent. */
  | { kind: 'busy' };

/** One request id per submission: the same submission while unanswered keeps its id. */
export function submissionIds(newId: () => string) {
  let pending: { key: string; id: string } | undefined;
  return {
    idFor(key: string): string {
      if (pending?.key !== key) pending = { key, id: newId() };
      return pending.id;
    },
    settled(): void {
      pending = undefined;
    },
  };
}

const UNKNOWN_OUTCOME = new Set(['network', 'timeout', 'not-a-receipt']);

export interface PacketActionView {
  /** A step is on its way: the buttons wait. */
  sending: boolean;
  send<K extends PacketActionKind>(
    kind: K,
    input: PacketActionInput<K>,
  ): Promise<PacketActionOutcome>;
}

export function usePacketAction(
  packetId: string,
  newId: () => string = () => crypto.randomUUID(),
): PacketActionView {
  const { session } = useServices();
  const ids = useRef<ReturnType<typeof submissionIds>>(null);
  ids.current ??= submissionIds(newId);
  const busy = useRef(false);
  const [sending, setSending] = useState(false);

  const send = useCallback(
    async <K extends PacketActionKind>(kind: K, input: PacketActionInput<K>) => {
      const keeper = ids.current ?? submissionIds(newId);
      if (busy.current) return { kind: 'busy' } as const;
      busy.current = true;
      setSending(true);
      try {
        const requestId = keeper.idFor(JSON.stringify([kind, input]));
        const body = { ...input, requestId } as PacketActionBodies[K];
        const r = await withToken(session, (t) =>
          packetApi().postPacketAction(t, packetId, kind, body),
        );
        if (r.ok || !UNKNOWN_OUTCOME.has(r.failure.kind)) keeper.settled();
        return r.ok
          ? ({ kind: 'done', claim: r.value } as const)
          : ({ kind: 'failed', failure: packetFailure(r.failure) } as const);
      } finally {
        busy.current = false;
        setSending(false);
      }
    },
    [newId, packetId, session],
  );
  return { sending, send };
}
