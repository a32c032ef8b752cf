// Cases stored before facts schema 2 carry version-1 facts, and the facts are
// part of the determination the parties signed. A stored v1 case still opens,
// decides the same, and is saved again with its signed facts untouched (the
// migration is a read-time view); a new determination (after an amendment)
// is written in version 2, the superseded one still hashing to what was signed.
import { describe, expect, it } from 'vitest';
import {
  clearedCase,
  must,
  sha256HexSync as sha,
  T1,
  T2,
  T3,
} from '../../../tests/builders/liability.builder';
import { loadLiabilityCatalog } from '../liability/catalog';
import { evaluateLiability } from '../liability/evaluate';
import type { LiabilityFactsV1 } from '../liability/facts.schema';
import { migrateFacts } from '../liability/migrate';
import { CaseRecord } from './case.schema';
import { checkSealedVersion, determinationBytes, openAmendment } from './determination';
import {
  factsFromDraft,
  proposeLiability,
  recordSignature,
  snapshotDecision,
} from './liability-step';
import { markNoticesRead } from './courtesy';

const catalog = loadLiabilityCatalog();
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const T4 = '2026-11-27T02:40:00.000Z';
const T5 = '2026-11-27T02:45:00.000Z';

/** The rear-end facts as the app wrote them before version 2. */
const V1_FACTS: LiabilityFactsV1 = {
  schemaVersion: 1,
  place: { kind: 'road-section' },
  vehicles: [
    { id: 'A', action: 'slowing' },
    { id: 'B', action: 'going-straight' },
  ],
  impacts: [{ striking: 'B', struck: 'A', relation: 'same-lane' }],
  checks: { allClear: true },
};

/** A case proposed on v1 facts, noticed and signed by both drivers, as read back from storage. */
function storedSignedV1Case(): CaseRecord {
  let c = must(proposeLiability(clearedCase(), catalog, V1_FACTS, T1)).case;
  c = must(markNoticesRead(c, T2));
  for (const p of c.parties.filter((x) => x.kind === 'driver')) {
    const contentSha256 = sha(determinationBytes(c));
    c = must(recordSignature(c, { partyId: p.id, contentSha256, image: PNG }, T3));
  }
  const parsed = CaseRecord.safeParse(JSON.parse(JSON.stringify(c)));
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

describe('a case stored with version-1 facts', () => {
  it('opens: the stored record (phone storage, the outbox payload, the server’s CaseRecord) accepts it as it is', () => {
    const c = storedSignedV1Case();
    expect(c.liability?.facts?.schemaVersion).toBe(1);
    expect(c.liability?.signatures).toHaveLength(2);
  });

  it('decides the same, read through the v2 view', () => {
    const c = storedSignedV1Case();
    const facts = c.liability?.facts;
    if (!facts) throw new Error('no facts');
    expect(snapshotDecision(evaluateLiability(catalog, facts))).toEqual(c.liability?.decision);
    expect(snapshotDecision(evaluateLiability(catalog, migrateFacts(facts)))).toEqual(
      c.liability?.decision,
    );
  });

  it('saves again with its signed facts unchanged: the sealed content still hashes to the signatures', () => {
    const c = storedSignedV1Case();
    const before = determinationBytes(c);
    const resaved = CaseRecord.parse(JSON.parse(JSON.stringify({ ...c, updatedAt: T4 })));
    expect(resaved.liability?.facts).toEqual(V1_FACTS);
    expect(determinationBytes(resaved)).toEqual(before);
    expect(checkSealedVersion(c, resaved, sha).ok).toBe(true);
    // Rewriting the signed facts to version 2 would be a silent edit of signed content.
    const rewritten: CaseRecord = {
      ...resaved,
      liability: { ...resaved.liability!, facts: migrateFacts(V1_FACTS) },
    };
    expect(checkSealedVersion(c, rewritten, sha)).toMatchObject({
      ok: false,
      reason: 'signed_content_changed',
    });
  });

  it('a new determination after an amendment is written in version 2; the superseded one is kept', () => {
    const c = storedSignedV1Case();
    const amended = must(
      openAmendment(c, { reason: '事实补正', supersededSha256: sha(determinationBytes(c)) }, T4),
    );
    const draft = {
      placeKind: 'road-section' as const,
      vehicles: V1_FACTS.vehicles.map((v) => ({ id: v.id, action: v.action })),
      impacts: [{ striking: 'B', struck: 'A', relation: 'same-lane' as const }],
      answers: [],
      checkAnswers: {},
    };
    const facts = must(factsFromDraft(draft, true));
    expect(facts.schemaVersion).toBe(2);
    const next = must(proposeLiability(amended, catalog, facts, T5)).case;
    expect(next.liability?.facts?.schemaVersion).toBe(2);
    expect(next.liability?.proposal).toEqual(c.liability?.proposal);
    expect(checkSealedVersion(c, next, sha).ok).toBe(true);
    expect(next.liability?.amendments?.[0]?.supersededContent).toContain('"schemaVersion":1');
  });
});
