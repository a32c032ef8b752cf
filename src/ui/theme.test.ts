import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootScriptText } from '../../scripts/inline-boot-script';
import { THEME_KEY } from './theme';

const root = new URL('../../', import.meta.url);
const INDEX_HTML = readFileSync(new URL('index.html', root), 'utf8');
const THEME_JS = bootScriptText(readFileSync(new URL('src/ui/theme-boot.js', root), 'utf8'));

/** Runs the boot script as index.html inlines it, with `stored` in localStorage. */
function themeBefore(stored: string | null, storage = true): string | undefined {
  const attributes = new Map<string, string>();
  vm.runInNewContext(THEME_JS, {
    localStorage: {
      getItem: (key: string) => {
        if (!storage) throw new Error('SecurityError');
        return key === THEME_KEY ? stored : null;
      },
    },
    document: {
      documentElement: { setAttribute: (name: string, v: string) => attributes.set(name, v) },
    },
  });
  return attributes.get('data-theme');
}

describe('the theme before the first paint', () => {
  it('index.html inlines the boot script first in <head>, and has no other inline script', () => {
    const scripts = [...INDEX_HTML.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(body?.trim()).toBe('');
    }
    const head = /<head>([\s\S]*?)<\/head>/.exec(INDEX_HTML)?.[1] ?? '';
    const marker = '<!-- inline: src/ui/theme-boot.js -->';
    expect(head).toContain(marker);
    expect(head.indexOf(marker)).toBeLessThan(head.indexOf('<link'));
    expect(head.indexOf(marker)).toBeLessThan(head.indexOf('<script') >>> 0);
  });

  it('inlines the script without its comments, whole', () => {
    expect(THEME_JS).not.toMatch(/\/\/|\/\*/);
    expect(THEME_JS).toContain("localStorage.getItem('kuaichu.theme')");
    expect(THEME_JS.trim().endsWith('}')).toBe(true);
  });

  it('applies a stored day or night choice with the key theme.ts writes, and nothing else', () => {
    expect(themeBefore('night')).toBe('night');
    expect(themeBefore('day')).toBe('day');
    expect(themeBefore('auto')).toBeUndefined();
    expect(themeBefore('<img>')).toBeUndefined();
    expect(themeBefore(null)).toBeUndefined();
    expect(themeBefore('night', false)).toBeUndefined();
  });
});
