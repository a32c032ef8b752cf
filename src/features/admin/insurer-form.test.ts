import { describe, expect, it } from 'vitest';
import { checkInsurerDraft, insurerRefusal } from './insurer-form';

describe('the new insurer form', () => {
  it('sends the name trimmed and the code in capitals', () => {
    expect(checkInsurerDraft({ name: ' 中华联合财产保险 ', code: ' cic ' })).toEqual({
      ok: true,
      value: { name: '中华联合财产保险', code: 'CIC' },
    });
  });

  it.each([
    [
      { name: '', code: '' },
      { name: 'nameRequired', code: 'codeRequired' },
    ],
    [{ name: 'x'.repeat(81), code: 'PICC' }, { name: 'nameTooLong' }],
    [{ name: '人保', code: 'P' }, { code: 'codeInvalid' }],
    [{ name: '人保', code: '人保财险' }, { code: 'codeInvalid' }],
    [{ name: '人保', code: '1PICC' }, { code: 'codeInvalid' }],
  ])('names each field that is wrong: %j', (draft, problems) => {
    expect(checkInsurerDraft(draft)).toEqual({ ok: false, problems });
  });

  it('puts a taken code on the code field, and nothing else on a field', () => {
    expect(insurerRefusal('insurer_code_taken')).toEqual({ code: 'codeTaken' });
    expect(insurerRefusal('server_error')).toBeUndefined();
  });
});
