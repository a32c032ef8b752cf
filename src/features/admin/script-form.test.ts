import { describe, expect, it } from 'vitest';
import { STARTER_SCRIPT } from '../../contracts/field-pack';
import { checkScriptDraft, scriptDraftOf } from './script-form';

describe('the courteous script’s form', () => {
  it('sends the six texts trimmed', () => {
    const draft = { ...scriptDraftOf(STARTER_SCRIPT), 'thanks.zh': '  一路平安！ ' };
    const checked = checkScriptDraft(draft);
    expect(checked).toMatchObject({ ok: true, value: { thanks: { zh: '一路平安！' } } });
  });

  it('names each blank or overlong field', () => {
    const draft = {
      ...scriptDraftOf(STARTER_SCRIPT),
      'greeting.zh': '   ',
      'signRequest.en': 'x'.repeat(801),
    };
    expect(checkScriptDraft(draft)).toEqual({
      ok: false,
      problems: { 'greeting.zh': 'required', 'signRequest.en': 'tooLong' },
    });
  });
});
