/**
 * The offline limit (issue 18, RELIABILITY.md D6): a phone whose officer has
 * not reached the server for longer than the limit (its brigade's; 72 hours by default)
 * still lets him finish, save and keep every case, but opens no new one until
 * he has signed in again. Contact is the later of the sign-in and the last
 * answered pull. With nobody signed in there is no officer to measure.
 */
import { useEffect, useState } from 'react';
import { lockPolicyOf, offlineStanding, type OfflineStanding } from '../domain';
import { readLastContact, type KuaichuDb, type SessionState } from '../storage';
import { useServices } from './ServicesContext';

export class OfflineLimitError extends Error {
  constructor(readonly sinceHours: number) {
    super(`no contact with the server for ${sinceHours} h: no new case until sign-in`);
    this.name = 'OfflineLimitError';
  }
}

/** The officer's standing against the limit; undefined when nobody is signed in. */
export async function offlineStandingOf(
  db: KuaichuDb,
  state: SessionState,
  now: string,
): Promise<OfflineStanding | undefined> {
  if (state.kind === 'signed-out') return undefined;
  // The brigade's limit, as the sign-in gave it or a pull renewed it; the default before either.
  const policy = lockPolicyOf(state.session.phoneLock);
  const pulled = await readLastContact(db, state.session.user.id);
  const signedIn = state.session.signedInAt;
  const lastServerContactAt = pulled && pulled > signedIn ? pulled : signedIn;
  return offlineStanding(policy, { now, lastServerContactAt });
}

/** Throws `OfflineLimitError` when no new case may be opened. */
export async function checkOfflineLimit(
  db: KuaichuDb,
  state: SessionState,
  now: string,
): Promise<void> {
  const standing = await offlineStandingOf(db, state, now);
  if (standing?.kind === 'new_cases_refused') throw new OfflineLimitError(standing.sinceHours);
}

/** The standing for a screen, checked when it opens and after each sign-in. */
export function useOfflineStanding(): OfflineStanding | undefined {
  const { db, session, platform } = useServices();
  const [standing, setStanding] = useState<OfflineStanding | undefined>();
  useEffect(() => {
    let live = true;
    const check = () =>
      void session
        .state()
        .then((state) => offlineStandingOf(db, state, platform.clock.now()))
        .then((s) => live && setStanding(s));
    check();
    const unsubscribe = session.subscribe(check);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [db, session, platform]);
  return standing;
}
