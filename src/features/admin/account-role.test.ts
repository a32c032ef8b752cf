import { describe, expect, it } from 'vitest';
import { checkRoleDraft } from './account-form';

const UNIT = '0190a000-0000-7000-8000-00000000a001';
const INSURER = '0190a000-0000-7000-8000-00000000b001';

describe('an account’s new role', () => {
  it('sends only what the role needs', () => {
    expect(checkRoleDraft({ role: 'reviewer', unitId: UNIT, insurerId: INSURER })).toEqual({
      ok: true,
      value: { role: 'reviewer', unitId: UNIT },
    });
    expect(checkRoleDraft({ role: 'admin', unitId: UNIT, insurerId: '' })).toEqual({
      ok: true,
      value: { role: 'admin' },
    });
  });

  it('names the missing unit or insurer', () => {
    expect(checkRoleDraft({ role: 'officer', unitId: '', insurerId: '' })).toEqual({
      ok: false,
      errors: { unitId: 'unitRequired' },
    });
    expect(checkRoleDraft({ role: 'insurer', unitId: UNIT, insurerId: '' })).toEqual({
      ok: false,
      errors: { insurerId: 'insurerRequired' },
    });
  });
});
