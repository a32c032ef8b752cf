import { describe, expect, it } from 'vitest';
import { STARTER_LENIENT_LIST } from '../../domain/lenient';
import { checkLenientDraft, emptyItem, lenientDraftOf, type LenientDraft } from './lenient-form';

const starter = (): LenientDraft => lenientDraftOf(STARTER_LENIENT_LIST);

describe('the warning list’s form', () => {
  it('reads the region as typed (spaces, commas, lower case) and each basis line as law and article', () => {
    const draft = starter();
    draft.platePrefixes = ' 川a，川G, ';
    draft.licenceAreaCodes = '5101 510104';
    draft.items = [
      {
        ...emptyItem(0),
        id: ' seat-belt ',
        zh: ' 未系安全带 ',
        en: 'No seat belt',
        basis:
          '中华人民共和国道路交通安全法 第51条\n\n中华人民共和国道路交通安全法实施条例  第62条第(九)项',
      },
    ];
    const checked = checkLenientDraft(draft);
    expect(checked).toEqual({
      ok: true,
      value: {
        region: { platePrefixes: ['川A', '川G'], licenceAreaCodes: ['5101', '510104'] },
        items: [
          {
            id: 'seat-belt',
            violation: { zh: '未系安全带', en: 'No seat belt' },
            basis: [
              { law: '中华人民共和国道路交通安全法', article: '第51条' },
              { law: '中华人民共和国道路交通安全法实施条例', article: '第62条第(九)项' },
            ],
            scenarios: [],
          },
        ],
      },
    });
  });

  it('round-trips the starter list unchanged', () => {
    const checked = checkLenientDraft(starter());
    expect(checked.ok && checked.value.items).toEqual(STARTER_LENIENT_LIST.items);
  });

  it('names each field it refuses, and says a blank one is missing', () => {
    const draft = starter();
    draft.platePrefixes = 'A川';
    draft.licenceAreaCodes = '510';
    draft.items = [
      { ...draft.items[0]!, zh: '  ', basis: '' },
      { ...draft.items[1]!, id: 'Lane Change', basis: '第44条' },
    ];
    expect(checkLenientDraft(draft)).toEqual({
      ok: false,
      problems: {
        platePrefixes: 'invalid',
        licenceAreaCodes: 'invalid',
        'items.0.zh': 'required',
        'items.0.basis': 'required',
        'items.1.id': 'invalid',
        'items.1.basis': 'invalid',
      },
    });
  });

  it('refuses two items of one id as a problem of the list', () => {
    const draft = starter();
    draft.items = [draft.items[0]!, { ...draft.items[1]!, id: draft.items[0]!.id }];
    expect(checkLenientDraft(draft)).toEqual({ ok: false, problems: { items: 'duplicate' } });
  });
});
