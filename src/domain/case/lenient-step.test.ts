import { describe, expect, it } from 'vitest';
import {
  must,
  sha256HexSync,
  noticed,
  proposed,
  signedByBoth,
  T2,
  T3,
} from '../../../tests/builders/liability.builder';
import { applySquadAmendment } from '../review/squad-amendment';
import { STARTER_LENIENT_LIST, type LenientList } from '../lenient';
import { CaseRecord as CaseRecordSchema, type CaseRecord } from './case.schema';
import { checkSealedVersion, determinationBytes, openAmendment } from './determination';
import { confirmedWarnings, decideLenient, lenientDecisionOf } from './lenient-step';

const T4 = '2026-11-27T02:40:00.000Z';
const LIST: LenientList = {
  ...STARTER_LENIENT_LIST,
  version: 2,
  region: { platePrefixes: ['川A'], licenceAreaCodes: [] },
};

/** B (at fault in the rear-end) drives a 川B plate: out of town. */
function outOfTown(c: CaseRecord): CaseRecord {
  const b = c.vehicles[1]!;
  return {
    ...c,
    vehicles: c.vehicles.map((v) => (v.id === b.id ? { ...v, plate: '川B67890' } : v)),
  };
}
const bOf = (c: CaseRecord) => c.parties.find((p) => p.vehicleId === c.vehicles[1]!.id)!.id;
const aOf = (c: CaseRecord) => c.parties.find((p) => p.vehicleId === c.vehicles[0]!.id)!.id;
const warn = (partyId: string, itemId = 'following-distance') =>
  ({ partyId, itemId, source: 'finding', decision: 'warning' }) as const;

describe('deciding a warning instead of a fine (首违警告)', () => {
  it('records the item as listed, the list’s version, the source, the choice and the time', () => {
    const c = outOfTown(proposed());
    const decided = must(decideLenient(c, LIST, warn(bOf(c)), T2));
    expect(decided.liability?.lenient).toEqual([
      {
        partyId: bOf(c),
        itemId: 'following-distance',
        listVersion: 2,
        violation: LIST.items[0]!.violation,
        basis: [{ law: '中华人民共和国道路交通安全法', article: '第43条' }],
        source: 'finding',
        decision: 'warning',
        at: T2,
      },
    ]);
    expect(decided.updatedAt).toBe(T2);
    expect(CaseRecordSchema.parse(decided).liability?.lenient).toHaveLength(1);
    expect(confirmedWarnings(decided)).toBe(1);
  });

  it('takes a decline only with a reason, and a later choice replaces the earlier before signing', () => {
    const c = outOfTown(proposed());
    const decline = { ...warn(bOf(c)), decision: 'declined' } as const;
    expect(decideLenient(c, LIST, { ...decline, reason: '  ' }, T2)).toMatchObject({
      ok: false,
      reason: 'reason-required',
    });
    const declined = must(
      decideLenient(c, LIST, { ...decline, reason: ' 一年内已有同类违法 ' }, T2),
    );
    expect(lenientDecisionOf(declined, bOf(c), 'following-distance')).toMatchObject({
      decision: 'declined',
      reason: '一年内已有同类违法',
    });
    expect(confirmedWarnings(declined)).toBe(0);
    const changed = must(decideLenient(declined, LIST, warn(bOf(c)), T3));
    expect(changed.liability?.lenient).toHaveLength(1);
    expect(lenientDecisionOf(changed, bOf(c), 'following-distance')?.decision).toBe('warning');
  });

  it('refuses a local driver, an item off the list, and a party not on the case', () => {
    const c = outOfTown(proposed());
    expect(decideLenient(c, LIST, warn(aOf(c)), T2)).toMatchObject({ reason: 'not-eligible' });
    expect(decideLenient(c, LIST, warn(bOf(c), 'speeding'), T2)).toMatchObject({
      reason: 'not-eligible',
    });
    expect(decideLenient(c, LIST, warn('0190a0b0-0000-7000-8000-000000000000'), T2)).toMatchObject({
      reason: 'not-eligible',
    });
  });

  it('is decided with the notices: not before a proposal, not once anyone signed', () => {
    const cleared = outOfTown({ ...proposed(), state: 'scene-cleared' });
    expect(decideLenient(cleared, LIST, warn(bOf(cleared)), T2)).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    const signed = signedByBoth(outOfTown(noticed()));
    expect(decideLenient(signed, LIST, warn(bOf(signed)), T4)).toMatchObject({
      ok: false,
      reason: 'already-signed',
    });
  });

  it('moves the decisions into an amendment, so the corrected determination is decided again', () => {
    const c = outOfTown(noticed());
    const decided = must(decideLenient(c, LIST, warn(bOf(c)), T2));
    const signed = signedByBoth(decided);
    const amended = must(
      openAmendment(signed, { reason: '号牌录错', supersededSha256: 'b'.repeat(64) }, T4),
    );
    expect(amended.liability?.lenient).toBeUndefined();
    expect(amended.liability?.amendments?.[0]?.lenient?.map((d) => d.itemId)).toEqual([
      'following-distance',
    ]);
    expect(confirmedWarnings(amended)).toBe(0);
    expect(must(decideLenient(amended, LIST, warn(bOf(c)), T4)).liability?.lenient).toHaveLength(1);
  });

  it('drops the decisions when the accident squad’s determination is put in force', () => {
    const c = outOfTown(proposed());
    const decided = must(decideLenient(c, LIST, warn(bOf(c)), T2));
    const squad = must(
      applySquadAmendment(
        decided,
        { liability: { A: 'secondary', B: 'primary' }, reason: '复核' },
        {},
        T3,
      ),
    );
    expect(squad.liability?.lenient).toBeUndefined();
  });

  it('keeps an old case (no decisions) valid, and refuses a stored decline without its reason', () => {
    const c = proposed();
    expect(CaseRecordSchema.safeParse(c).success).toBe(true);
    const decided = must(decideLenient(outOfTown(c), LIST, warn(bOf(c)), T2));
    const [d] = decided.liability!.lenient!;
    const broken = {
      ...decided,
      liability: { ...decided.liability!, lenient: [{ ...d!, decision: 'declined' }] },
    };
    const r = CaseRecordSchema.safeParse(broken);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['liability', 'lenient', 0, 'reason']);
  });

  it('is refused by the server’s seal check when a sealed version’s decisions change without an amendment', () => {
    const c = outOfTown(noticed());
    const signed = signedByBoth(must(decideLenient(c, LIST, warn(bOf(c)), T2)));
    expect(checkSealedVersion(signed, signed, sha256HexSync)).toEqual({
      ok: true,
      value: { amended: false },
    });
    const changed: CaseRecord = {
      ...signed,
      liability: {
        ...signed.liability!,
        lenient: signed.liability!.lenient!.map((d) => ({
          ...d,
          decision: 'declined' as const,
          reason: '改了',
        })),
      },
    };
    expect(checkSealedVersion(signed, changed, sha256HexSync)).toMatchObject({
      ok: false,
      reason: 'signed_content_changed',
      detail: 'lenient',
    });
    const supersededSha256 = sha256HexSync(determinationBytes(signed));
    const amended = must(openAmendment(signed, { reason: '号牌录错', supersededSha256 }, T4));
    expect(checkSealedVersion(signed, amended, sha256HexSync)).toEqual({
      ok: true,
      value: { amended: true },
    });
    // Before the first signature the decisions may change freely.
    const unsigned = must(decideLenient(c, LIST, warn(bOf(c)), T2));
    expect(checkSealedVersion(c, unsigned, sha256HexSync).ok).toBe(true);
  });
});
