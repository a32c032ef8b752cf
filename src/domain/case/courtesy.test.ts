import { describe, expect, it } from 'vitest';
import {
  must,
  noticed,
  proposed,
  signedByBoth,
  T1,
  T2,
  T3,
} from '../../../tests/builders/liability.builder';
import { CaseRecord as CaseRecordSchema } from './case.schema';
import { canMarkCourtesy, courtesyMarkedAt, markCourtesy, markNoticesRead } from './courtesy';
import { openAmendment } from './determination';
import { recordSignature } from './liability-step';

const T4 = '2026-11-27T02:33:00.000Z';

describe('the courteous script (三告知、两敬礼)', () => {
  it('keeps each step’s first time, and the notices count as read once all three are marked', () => {
    let c = must(markCourtesy(proposed(), 'greeting-salute', T1));
    c = must(markCourtesy(c, 'notice-violation', T2));
    c = must(markCourtesy(c, 'notice-violation', T4));
    c = must(markCourtesy(c, 'notice-determination', T2));
    expect(c.liability?.noticesReadAt).toBeUndefined();
    c = must(markCourtesy(c, 'notice-rights', T3));
    expect(c.liability?.noticesReadAt).toBe(T3);
    expect(c.liability?.courtesy).toEqual([
      { step: 'greeting-salute', at: T1 },
      { step: 'notice-violation', at: T2 },
      { step: 'notice-determination', at: T2 },
      { step: 'notice-rights', at: T3 },
    ]);
    expect(courtesyMarkedAt(c.liability, 'notice-violation')).toBe(T2);
    expect(CaseRecordSchema.parse(c).liability?.courtesy).toHaveLength(4);
  });

  it('keeps the version of the script each step was read from, and refuses a version that is not a count', () => {
    let c = must(markCourtesy(proposed(), 'greeting-salute', T1, 0));
    c = must(markNoticesRead(c, T2, 3));
    expect(c.liability?.courtesy?.map((m) => [m.step, m.scriptVersion])).toEqual([
      ['greeting-salute', 0],
      ['notice-violation', 3],
      ['notice-determination', 3],
      ['notice-rights', 3],
    ]);
    expect(CaseRecordSchema.parse(c).liability?.courtesy?.[1]?.scriptVersion).toBe(3);
    const bad = {
      ...c,
      liability: {
        ...c.liability!,
        courtesy: [{ step: 'greeting-salute', at: T1, scriptVersion: -1 }],
      },
    };
    expect(CaseRecordSchema.safeParse(bad).success).toBe(false);
  });

  it('marks every notice not yet marked when they are read out at once', () => {
    const one = must(markCourtesy(proposed(), 'notice-violation', T1));
    const all = must(markNoticesRead(one, T2));
    expect(all.liability?.noticesReadAt).toBe(T2);
    expect(all.liability?.courtesy?.map((m) => `${m.step}@${m.at}`)).toEqual([
      `notice-violation@${T1}`,
      `notice-determination@${T2}`,
      `notice-rights@${T2}`,
    ]);
    expect(must(markNoticesRead(all, T3))).toBe(all);
  });

  it('takes the farewell salute after the signatures, but no notice once anyone signed', () => {
    const signed = signedByBoth(noticed());
    expect(signed.state).toBe('signed');
    expect(markCourtesy(signed, 'notice-rights', T4)).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    const farewell = must(markCourtesy(signed, 'farewell-salute', T4));
    expect(courtesyMarkedAt(farewell.liability, 'farewell-salute')).toBe(T4);
    expect(markCourtesy(proposed(), 'farewell-salute', T1).ok).toBe(true);
    expect(markCourtesy({ ...signed, state: 'submitted' }, 'farewell-salute', T4)).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('refuses a notice mark while a signature exists in a determination being signed', () => {
    const n = noticed();
    const first = n.parties.find((p) => p.kind === 'driver');
    if (!first) throw new Error('no driver');
    const half = must(
      recordSignature(
        n,
        {
          partyId: first.id,
          contentSha256: 'a'.repeat(64),
          image: 'data:image/png;base64,iVBORw0KGgo=',
        },
        T3,
      ),
    );
    expect(markCourtesy(half, 'greeting-salute', T4)).toMatchObject({
      ok: false,
      reason: 'already-signed',
    });
  });

  it('moves the marks into an amendment, so the corrected determination is read out again', () => {
    const marked = must(markCourtesy(noticed(), 'greeting-salute', T1));
    const signed = signedByBoth(marked);
    const amended = must(
      openAmendment(signed, { reason: '号牌录错', supersededSha256: 'b'.repeat(64) }, T4),
    );
    expect(amended.liability?.courtesy).toBeUndefined();
    expect(amended.liability?.noticesReadAt).toBeUndefined();
    expect(amended.liability?.amendments?.[0]?.courtesy?.map((m) => m.step)).toEqual([
      'notice-violation',
      'notice-determination',
      'notice-rights',
      'greeting-salute',
    ]);
  });

  it('says which steps may be marked now, as the screen offers them', () => {
    const marked = must(markCourtesy(proposed(), 'greeting-salute', T1));
    expect(canMarkCourtesy(marked, 'greeting-salute')).toBe(false);
    expect(canMarkCourtesy(marked, 'notice-rights')).toBe(true);
    const signed = signedByBoth(noticed());
    expect(canMarkCourtesy(signed, 'notice-rights')).toBe(false);
    expect(canMarkCourtesy(signed, 'farewell-salute')).toBe(true);
    expect(canMarkCourtesy({ ...signed, state: 'submitted' }, 'farewell-salute')).toBe(false);
  });
});
