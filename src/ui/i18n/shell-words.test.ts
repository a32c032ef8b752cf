// @vitest-environment jsdom
/** The shell's words without i18next must be i18next's words: nothing changes when it arrives. */
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { changeLanguage, setupI18n } from './setup';
import { setShellWords, shellText } from './shell-words';
import { zhCN } from './zh-CN';

/** Every plain key (no interpolation, no plural forms): what the shell may ask for. */
function plainKeys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => {
    const key = `${prefix}${k}`;
    if (typeof v === 'object' && v !== null) return plainKeys(v as object, `${key}.`);
    return typeof v === 'string' && !v.includes('{{') && !/_(one|other)$/.test(k) ? [key] : [];
  });
}

describe('the shell words', () => {
  afterAll(() => setShellWords('zh-CN', zhCN));

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('are i18next’s words for every plain key in %s', async (lng, words) => {
    await setupI18n([], lng);
    setShellWords(lng, words);
    const keys = plainKeys(zhCN);
    expect(keys).toContain('cases.title');
    for (const key of keys) expect(shellText(key), key).toBe(i18next.t(key));
  });

  it('follow a change of language, as i18next does', async () => {
    await setupI18n([], 'zh-CN');
    expect(shellText('app.nav.settings')).toBe('设置');
    await changeLanguage('en');
    expect(shellText('app.nav.settings')).toBe(i18next.t('app.nav.settings'));
    expect(shellText('app.nav.settings')).not.toBe('设置');
    await changeLanguage('zh-CN');
    expect(shellText('app.nav.settings')).toBe('设置');
  });

  it('answer the key itself when no language has it, as i18next does', () => {
    expect(shellText('no.such.key')).toBe('no.such.key');
  });
});
