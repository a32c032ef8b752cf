import { describe, expect, it } from 'vitest';
import {
  must,
  noticed,
  overriddenProposal,
  sha256HexSync as sha,
  T3,
} from '../../../tests/builders/liability.builder';
import { canonicalJson } from '../manifest/canonical-json';
import { editCaseFields, transitionCase } from './case';
import type { CaseRecord } from './case.schema';
import {
  canAmend,
  checkSealedVersion,
  determinationBytes,
  determinationContent,
  isSealed,
  openAmendment,
} from './determination';
import { markNoticesRead } from './courtesy';
import { recordRefusal, recordSignature } from './liability-step';
import { updateParty, updateVehicle } from './parties';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const T4 = '2026-11-27T02:40:00.000Z';
const T5 = '2026-11-27T02:45:00.000Z';

/** Every driver signs the content as the screen shows it (hash of its bytes). */
function signAll(c: CaseRecord, at = T3): CaseRecord {
  let next = c;
  for (const p of c.parties.filter((x) => x.kind === 'driver')) {
    const contentSha256 = sha(determinationBytes(next));
    next = must(recordSignature(next, { partyId: p.id, contentSha256, image: PNG }, at));
  }
  return next;
}

function signedCase(): CaseRecord {
  return signAll(noticed());
}

function amend(c: CaseRecord, reason = '车牌录入错误', at = T4): CaseRecord {
  return must(openAmendment(c, { reason, supersededSha256: sha(determinationBytes(c)) }, at));
}

describe('the content parties sign', () => {
  it('carries the liability that stands, the override reason and every finding’s basis', () => {
    const content = determinationContent(overriddenProposal());
    expect(content.version).toBe(2);
    expect(content.liability).toEqual({ A: 'secondary', B: 'primary' });
    expect(content.override?.reason).toBe('理由');
    expect(content.findings[0]?.basis.length).toBeGreaterThan(0);
  });

  it('binds everything the parties screen shows: ID numbers, phones and policies', () => {
    const c = noticed();
    const [p] = c.parties;
    const withId = must(
      updateParty(c, p!.id, { idNumber: '11010519491231002X', phone: '13800138000' }, T3),
    );
    expect(canonicalJson(determinationContent(withId))).toContain('11010519491231002X');
    expect(determinationBytes(withId)).not.toEqual(determinationBytes(c));
  });

  it('does not change when a party signs, so every party signs the same bytes', () => {
    const c = noticed();
    const [p] = c.parties;
    const signed = must(
      recordSignature(c, { partyId: p!.id, contentSha256: 'a'.repeat(64), image: PNG }, T3),
    );
    expect(signed.liability?.signatures[0]?.contentVersion).toBe(2);
    expect(determinationBytes(signed)).toEqual(determinationBytes(c));
  });

  it('keeps hashing version 1 for a signature set begun before version 2', () => {
    const c = noticed();
    const [p] = c.parties;
    const v1 = {
      ...c,
      liability: {
        ...c.liability!,
        signatures: [
          {
            partyId: p!.id,
            kind: 'signed' as const,
            at: T3,
            contentSha256: 'a'.repeat(64),
            image: PNG,
          },
        ],
      },
    };
    expect(determinationContent(v1).version).toBe(1);
  });
});

describe('the seal', () => {
  it('is set by the first signature, before everyone has signed', () => {
    const c = noticed();
    expect(isSealed(c)).toBe(false);
    const [p] = c.parties;
    const one = must(
      recordRefusal(
        c,
        { partyId: p!.id, contentSha256: sha(determinationBytes(c)), reason: '不同意' },
        T3,
      ),
    );
    expect(one.state).toBe('liability-proposed');
    expect(isSealed(one)).toBe(true);
    expect(updateVehicle(one, one.vehicles[0]!.id, { plate: '蒙A99999' }, T4)).toMatchObject({
      ok: false,
      reason: 'sealed',
    });
  });

  it('refuses every edit of signed content, on scene and after a return', () => {
    const signed = signedCase();
    const returned = { ...signed, state: 'returned' as const };
    for (const c of [signed, returned]) {
      const [v] = c.vehicles;
      const [p] = c.parties;
      expect(updateVehicle(c, v!.id, { plate: '蒙A99999' }, T4).ok).toBe(false);
      expect(updateParty(c, p!.id, { name: '王五' }, T4).ok).toBe(false);
    }
    const address = { location: { ...returned.location, address: '另一处' } };
    expect(editCaseFields(returned, address, T4)).toMatchObject({ ok: false, reason: 'sealed' });
    expect(editCaseFields(returned, { occurredAt: T4 }, T4)).toMatchObject({ reason: 'sealed' });
  });

  it('leaves the notes and the map point editable on a returned case', () => {
    const returned = { ...signedCase(), state: 'returned' as const };
    expect(editCaseFields(returned, { notes: '补充照片' }, T4).ok).toBe(true);
    const point = { latitude: 40.8, longitude: 111.6, source: 'map' as const, at: T4 };
    expect(editCaseFields(returned, { location: { ...returned.location, point } }, T4).ok).toBe(
      true,
    );
  });
});

describe('an amendment', () => {
  it('needs a sealed determination and a written reason', () => {
    expect(
      openAmendment(noticed(), { reason: 'x', supersededSha256: 'a'.repeat(64) }, T4),
    ).toMatchObject({
      reason: 'not-sealed',
    });
    expect(canAmend(noticed())).toBe(false);
    const signed = signedCase();
    expect(canAmend(signed)).toBe(true);
    expect(
      openAmendment(signed, { reason: '  ', supersededSha256: 'a'.repeat(64) }, T4),
    ).toMatchObject({
      reason: 'reason-required',
    });
  });

  it('keeps the old determination and its signatures, and asks for new notices and signatures', () => {
    const signed = signedCase();
    const oldHash = sha(determinationBytes(signed));
    const amended = amend({ ...signed, state: 'returned' });
    const record = amended.liability!;
    expect(amended.state).toBe('liability-proposed');
    expect(amended.transitions.at(-1)).toMatchObject({
      to: 'liability-proposed',
      reason: 'amendment: 车牌录入错误',
    });
    expect(record.signatures).toEqual([]);
    expect(record.noticesReadAt).toBeUndefined();
    const [a] = record.amendments!;
    expect(a!.supersededSha256).toBe(oldHash);
    expect(sha(new TextEncoder().encode(a!.supersededContent))).toBe(oldHash);
    expect(a!.signatures).toEqual(signed.liability!.signatures);
    const content = determinationContent(amended);
    expect('amends' in content && content.amends).toEqual([
      { sha256: oldHash, reason: '车牌录入错误', at: T4 },
    ]);
    const fixed = must(updateVehicle(amended, amended.vehicles[0]!.id, { plate: '蒙A99999' }, T5));
    expect(fixed.vehicles[0]!.plate).toBe('蒙A99999');
  });
});

describe('the server’s check of a new version against the seal', () => {
  it('refuses signed content edited without new signatures', () => {
    const signed = signedCase();
    const [v] = signed.vehicles;
    const edited = {
      ...signed,
      vehicles: [{ ...v!, plate: '蒙A99999' }, ...signed.vehicles.slice(1)],
    };
    expect(checkSealedVersion(signed, edited, sha)).toMatchObject({
      ok: false,
      reason: 'signed_content_changed',
    });
  });

  it('accepts an amendment with new signatures and flags it', () => {
    const signed = signedCase();
    const amended = amend(signed);
    const fixed = must(updateVehicle(amended, amended.vehicles[0]!.id, { plate: '蒙A99999' }, T5));
    const resigned = signAll(must(markNoticesRead(fixed, T5)), T5);
    expect(resigned.state).toBe('signed');
    expect(checkSealedVersion(signed, resigned, sha)).toEqual({
      ok: true,
      value: { amended: true },
    });
    expect(checkSealedVersion(resigned, resigned, sha)).toEqual({
      ok: true,
      value: { amended: false },
    });
  });

  it('refuses a version that drops signatures or rewrites a superseded determination', () => {
    const signed = signedCase();
    const dropped = { ...signed, liability: { ...signed.liability!, signatures: [] } };
    expect(checkSealedVersion(signed, dropped, sha)).toMatchObject({
      reason: 'signatures_removed',
    });
    const amended = amend(signed);
    const [a] = amended.liability!.amendments!;
    const forged = {
      ...amended,
      liability: {
        ...amended.liability!,
        amendments: [{ ...a!, supersededContent: a!.supersededContent.replace('张三', '王五') }],
      },
    };
    expect(checkSealedVersion(signed, forged, sha)).toMatchObject({ reason: 'amendment_mismatch' });
  });

  it('accepts an unsigned case as it is', () => {
    const c = noticed();
    expect(checkSealedVersion(undefined, c, sha)).toEqual({ ok: true, value: { amended: false } });
    expect(transitionCase(signedCase(), 'liability-proposed', T4).ok).toBe(true);
  });
});
