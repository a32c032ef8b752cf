/**
 * Opening a case on arrival: the domain's `openCase` with an id and case
 * number made on the phone, the officer signed in as its officer, saved with
 * its outbox entry; refused past the offline limit (offline-limit.ts).
 */
import {
  makeCaseNumber,
  openCase,
  type CaseLocation,
  type CaseRecord,
  type Instant,
} from '../domain';
import { saveCase } from '../storage';
import { checkOfflineLimit } from './offline-limit';
import { useServices } from './ServicesContext';
import { officerOf } from './officer-view';

export interface NewCaseFields {
  arrivedAt: Instant;
  occurredAt: Instant;
  location: CaseLocation;
}

/** Opens and saves a case; rejects when the write fails (say why with `useSaveErrorText`). */
export function useOpenCase(): (fields: NewCaseFields) => Promise<CaseRecord> {
  const { db, platform, session } = useServices();
  return async ({ arrivedAt, occurredAt, location }) => {
    const now = platform.clock.now();
    const id = platform.clock.newId();
    const state = await session.state();
    await checkOfflineLimit(db, state, now);
    const officer = officerOf(state);
    const c = openCase({
      ...(officer && { officer }),
      id,
      arrivedAt,
      location,
      caseNumber: makeCaseNumber(id, arrivedAt),
      occurredAt,
    });
    await saveCase(db, c, now);
    return c;
  };
}
