/**
 * The party's "confirm" on the public page `/confirm`: one POST with no
 * session (the determination's hash is the key), its outcome in the words'
 * terms. Nothing is stored on the party's phone.
 */
import { useCallback, useState } from 'react';
import { confirmDetermination, type ApiFailure } from '../api';
import type { PartyConfirmation, PartyConfirmRequest } from '../contracts/party-confirmations';

/** Why a confirmation did not land, as the page words it. */
export type PartyConfirmFailure =
  'offline' | 'not-received' | 'mismatch' | 'amended' | 'busy' | 'server';

export type PartyConfirmState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; value: PartyConfirmation }
  | { kind: 'failed'; failure: PartyConfirmFailure };

export function partyConfirmFailure(failure: ApiFailure): PartyConfirmFailure {
  if (failure.kind === 'network' || failure.kind === 'timeout') return 'offline';
  if (failure.kind !== 'http') return 'server';
  switch (failure.code) {
    case 'case_not_found':
      return 'not-received';
    case 'determination_mismatch':
      return 'mismatch';
    case 'determination_amended':
      return 'amended';
    case 'rate_limited':
      return 'busy';
    default:
      return 'server';
  }
}

/** The confirmation's state and the call that sends it (again, after a failure). */
export function usePartyConfirm(fetchImpl?: typeof fetch) {
  const [state, setState] = useState<PartyConfirmState>({ kind: 'idle' });
  const confirm = useCallback(
    async (body: PartyConfirmRequest) => {
      setState({ kind: 'sending' });
      const result = await confirmDetermination(
        { baseUrl: '', ...(fetchImpl && { fetch: fetchImpl }) },
        body,
      );
      setState(
        result.ok
          ? { kind: 'done', value: result.value }
          : { kind: 'failed', failure: partyConfirmFailure(result.failure) },
      );
    },
    [fetchImpl],
  );
  return { state, confirm };
}
