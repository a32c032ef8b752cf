/**
 * One part of a brigade's settings as a form of its own (the five-fast
 * targets, the phones' lock): the draft as typed, checked before anything is
 * sent (each problem kept for its field), only that part sent, and the saved
 * answer shown back in the draft; an edit clears what the last save said.
 */
import { useState, type FormEvent } from 'react';
import type { BrigadeSettings, BrigadeSettingsRequest } from '../../contracts/admin';
import type { BrigadesView } from '../../services/useBrigades';
import type { AdminFailure } from '../../services/useWebhooks';

export type PartOutcome<E> =
  { kind: 'saved' } | { kind: 'invalid'; errors: E } | { kind: 'failed'; failure: AdminFailure };

export interface BrigadePart<D, E> {
  /** The draft of the brigade's part as saved. */
  draftOf(brigade: BrigadeSettings): D;
  /** The request the draft makes, or the problem of each field at fault. */
  check(draft: D): { ok: true; request: BrigadeSettingsRequest } | { ok: false; errors: E };
}

export function useBrigadePartForm<D, E>(
  brigade: BrigadeSettings,
  save: BrigadesView['save'],
  part: BrigadePart<D, E>,
) {
  const [draft, setDraft] = useState<D>(() => part.draftOf(brigade));
  const [outcome, setOutcome] = useState<PartOutcome<E>>();
  const edit = (change: Partial<D>) => {
    setDraft((d) => ({ ...d, ...change }));
    setOutcome(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = part.check(draft);
    if (!checked.ok) return setOutcome({ kind: 'invalid', errors: checked.errors });
    const r = await save(brigade.id, checked.request);
    if (!r.ok) return setOutcome({ kind: 'failed', failure: r.failure });
    setDraft(part.draftOf(r.value));
    setOutcome({ kind: 'saved' });
  };
  return { draft, outcome, edit, submit };
}
