/** Liability test data: the officer's answers for the cases the tests tell. */
import { emptyDraft, type CaseRecord, type LiabilityDraft } from '../../src/domain';

/** B, going straight, ran into the back of A, which was slowing: B full, A none. */
export function aRearEndDraft(c: CaseRecord): LiabilityDraft {
  return {
    ...emptyDraft(c),
    placeKind: 'road-section',
    vehicles: [
      { id: 'A', action: 'slowing' },
      { id: 'B', action: 'going-straight' },
    ],
    impacts: [{ striking: 'B', struck: 'A', relation: 'same-lane' }],
  };
}
