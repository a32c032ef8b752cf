import { describe, expect, it } from 'vitest';
import type { IdentityField } from './check-result';
import { IDENTITY_FIELD_LABELS, IDENTITY_REASONS, identityMessage } from './messages';
import { validateResidentId } from './resident-id';
import { validateVin } from './vin';

const FIELD_OF_PREFIX: Record<string, IdentityField> = {
  plate: 'plate',
  id: 'id-number',
  licence: 'licence-number',
  phone: 'phone',
  vin: 'vin',
};

describe('identity messages', () => {
  it('has a message for every reason of every validator', () => {
    expect(IDENTITY_REASONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(IDENTITY_REASONS.map((r) => r.split('.')[0]))).toEqual(
      new Set(Object.keys(FIELD_OF_PREFIX)),
    );
  });

  it.each(IDENTITY_REASONS.map((r) => [r]))('%s names its field in both languages', (reason) => {
    const field = FIELD_OF_PREFIX[reason.split('.')[0] ?? ''];
    if (field === undefined) throw new Error(`no field for ${reason}`);
    const label = IDENTITY_FIELD_LABELS[field];
    const message = identityMessage({ reason, expected: 'small-blue' });
    expect(message.zh).toContain(label.zh);
    expect(message.en).toContain(label.en);
    expect(message.zh).not.toMatch(/undefined|\?$/);
    expect(message.en).not.toMatch(/undefined|\?$/);
  });

  it('says which check digit is expected', () => {
    const id = validateResidentId('110105194912310021', '2026-11-27');
    if (id.ok) throw new Error('expected a refusal');
    expect(identityMessage(id)).toEqual({
      zh: '身份证号码校验位不正确：最后一位应为 X',
      en: 'ID number: the check digit is wrong (expected X)',
    });
    const vin = validateVin('1M8GDM9A1KP042788');
    if (vin.ok) throw new Error('expected a refusal');
    expect(identityMessage(vin).zh).toContain('第 9 位应为 X');
    expect(identityMessage(vin).en).toContain('expected X at position 9');
  });

  it('describes the declared plate type a number does not fit', () => {
    const message = identityMessage({
      reason: 'plate.type-mismatch',
      expected: 'new-energy-small',
    });
    expect(message.zh).toContain('小型新能源汽车号牌');
    expect(message.zh).toContain('沪AD12345');
    expect(message.en).toContain('small new-energy plate');
  });
});
