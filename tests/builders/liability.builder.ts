import { createHash } from 'node:crypto';
/** Liability test data: the officer's answers for the cases the tests tell. */
import {
  determinationBytes,
  emptyDraft,
  factsFromDraft,
  markNoticesRead,
  overrideLiability,
  proposeLiability,
  recordRefusal,
  recordSignature,
  type CaseRecord,
  type LiabilityDraft,
} from '../../src/domain';
import { loadLiabilityCatalog } from '../../src/domain/liability/catalog';
import { aCase, testId } from './case.builder';

export const T0 = '2026-11-27T02:00:00.000Z';
export const T1 = '2026-11-27T02:30:00.000Z';
export const T2 = '2026-11-27T02:31:00.000Z';
export const T3 = '2026-11-27T02:32:00.000Z';

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

/** A two-vehicle case (A and B, each with its driver) whose scene is cleared. */
export function clearedCase(): CaseRecord {
  const base = aCase(T0).withVehicles(2).build();
  const [a, b] = base.vehicles;
  if (!a || !b) throw new Error('no vehicles');
  const parties = [a, b].map((v, i) => ({
    id: testId(),
    kind: 'driver' as const,
    vehicleId: v.id,
    name: i === 0 ? '张三' : '李四',
  }));
  const states = ['triaged', 'evidence-complete', 'scene-cleared'] as const;
  return {
    ...base,
    parties,
    state: 'scene-cleared',
    transitions: [
      ...base.transitions,
      ...states.map((to, i) => ({
        from: i === 0 ? ('opened' as const) : states[i - 1]!,
        to,
        at: T0,
      })),
    ],
  };
}

/** The value of an accepted domain result; throws with the refusal otherwise. */
export function must<T>(r: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** The rear-end case with B fully liable proposed. */
export function proposed(): CaseRecord {
  const c = clearedCase();
  const facts = must(factsFromDraft(aRearEndDraft(c), true));
  return must(proposeLiability(c, loadLiabilityCatalog(), facts, T1)).case;
}

/** The proposed case with the notices read out, ready for signatures. */
export function noticed(): CaseRecord {
  return must(markNoticesRead(proposed(), T2));
}

/** The proposal overridden to A secondary, B primary, with the reason "理由". */
export function overriddenProposal(): CaseRecord {
  return must(overrideLiability(proposed(), { A: 'secondary', B: 'primary' }, '理由', T2));
}

/** SHA-256 hex of bytes, synchronously (node:crypto), as the server hashes. */
export const sha256HexSync = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Driver A signs, driver B refuses (at `at`): the determination as it stands is sealed. */
export function signedByBoth(c: CaseRecord, at: string = T3): CaseRecord {
  const [a, b] = c.parties;
  if (!a || !b) throw new Error('two parties needed');
  const contentSha256 = sha256HexSync(determinationBytes(c));
  const image = 'data:image/png;base64,iVBORw0KGgo=';
  const one = must(recordSignature(c, { partyId: a.id, contentSha256, image }, at));
  return must(recordRefusal(one, { partyId: b.id, contentSha256, reason: '不同意' }, at));
}
