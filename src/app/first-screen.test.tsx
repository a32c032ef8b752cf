// @vitest-environment jsdom
/**
 * The first screen prerendered into index.html at build is exactly what
 * React's first commit draws at `/` (so replacing it neither flashes nor
 * shifts), in the shell's zh-CN words; the boot script hides it where it is
 * not the page's; a phone's first start says at once that it has no cases.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootScriptText } from '../../scripts/inline-boot-script';
import { ROOT_ELEMENT, rootWithFirstScreen } from '../../scripts/prerender-first-screen';
import { LANGUAGE_STORAGE_KEY } from '../ui/i18n/language';
import { setShellWords } from '../ui/i18n/shell-words';
import { zhCN } from '../ui/i18n/zh-CN';
import type { Platform } from '../platform';
import type { SessionState, SessionStore } from '../storage/session';
import { DB_NAME } from '../storage/db';
import { ShellProvider } from '../services/ServicesContext';
import {
  CASE_DB_NAME,
  forgetNoCasesAtStart,
  noCasesAtStart,
  readNoCasesAtStart,
} from '../services/first-start';
import { App } from './App';
import { firstScreenHtml } from './first-screen';
import { FIRST_SCREEN_HINT_KEY, noteFirstScreen } from './first-screen-hint';

// The shell's words in zh-CN, whatever language a test run before this file left them in.
beforeEach(() => {
  setShellWords('zh-CN', zhCN);
});

afterEach(() => {
  cleanup();
  forgetNoCasesAtStart();
});

/** A file of the project (Vitest runs at its root). */
const read = (path: string) => readFileSync(path, 'utf8');
const BOOT_JS = bootScriptText(read('src/app/first-screen-boot.js'));

const OFFICER = {
  token: 't',
  expiresAt: '2099-01-01T00:00:00.000Z',
  signedInAt: '2099-01-01T00:00:00.000Z',
  user: {
    id: '0190a000-0000-7000-8000-0000000000a1',
    username: 'o',
    displayName: 'O',
    role: 'officer' as const,
    unit: null,
    insurer: null,
  },
};

/** A session store that has already read `state` (as main.tsx reads it before the first render). */
function readSession(state: SessionState): SessionStore {
  return {
    shiftMs: 1,
    state: () => Promise.resolve(state),
    peek: () => state,
    active: () => Promise.resolve(undefined),
    signIn: () => Promise.reject(new Error('not here')),
    reject: () => Promise.resolve(),
    updatePhoneLock: () => Promise.resolve(),
    signOut: () => Promise.reject(new Error('not here')),
    subscribe: () => () => undefined,
  };
}

/** `#root`'s markup after React's first commit at `/` (the database never loads here). */
async function firstCommit(state: SessionState): Promise<string> {
  const shell = { platform: {} as Platform, session: readSession(state) };
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(
      <ShellProvider shell={shell}>
        <App updateReady={null} />
      </ShellProvider>,
      { container },
    );
  });
  return container.innerHTML;
}

/** Markup as the DOM serializes it, for comparing two sources. */
function normalized(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.innerHTML;
}

describe('the first screen prerendered into index.html', () => {
  it('is what React first draws at `/`, signed out or an officer, in zh-CN', async () => {
    const prerendered = normalized(firstScreenHtml());
    expect(window.location.pathname).toBe('/');
    expect(await firstCommit({ kind: 'signed-out' })).toBe(prerendered);
    cleanup();
    expect(
      await firstCommit({ kind: 'active', session: OFFICER, shiftEndsAt: OFFICER.expiresAt }),
    ).toBe(prerendered);
    for (const words of [
      zhCN.app.name,
      zhCN.app.nav.cases,
      zhCN.app.nav.settings,
      zhCN.cases.title,
      zhCN.cases.new,
      zhCN.app.loading,
    ]) {
      expect(prerendered).toContain(`>${words}<`);
    }
  });

  it('goes into #root in a wrapper with no box, once', () => {
    const html = read('index.html');
    expect(html.split(ROOT_ELEMENT)).toHaveLength(2);
    expect(rootWithFirstScreen('<p>x</p>')).toBe(
      '<div id="root"><div class="first-screen"><p>x</p></div></div>',
    );
    const css = read('src/ui/styles.css');
    expect(css).toMatch(/\.first-screen \{\s*display: contents;/);
    expect(css).toMatch(/\[data-first-screen='hidden'\] \.first-screen \{\s*visibility: hidden;/);
  });

  it('on a first start (no case database, signed out) says at once that there are no cases', async () => {
    const none = { databases: () => Promise.resolve([{ name: 'kuaichu-session', version: 1 }]) };
    await act(() => readNoCasesAtStart(none, Promise.resolve(true)));
    expect(noCasesAtStart()).toBe(true);
    expect(await firstCommit({ kind: 'signed-out' })).toContain(
      `<p class="empty">${zhCN.cases.empty}</p>`,
    );
    forgetNoCasesAtStart();
    expect(noCasesAtStart()).toBe(false);
  });

  it('is not sure of an empty list with a case database, signed in, or with no way to look', async () => {
    expect(CASE_DB_NAME).toBe(DB_NAME);
    const some = { databases: () => Promise.resolve([{ name: DB_NAME, version: 1 }]) };
    await readNoCasesAtStart(some, Promise.resolve(true));
    expect(noCasesAtStart()).toBe(false);
    const none = { databases: () => Promise.resolve([]) };
    await readNoCasesAtStart(none, Promise.resolve(false));
    expect(noCasesAtStart()).toBe(false);
    await readNoCasesAtStart(undefined, Promise.resolve(true));
    expect(noCasesAtStart()).toBe(false);
    await readNoCasesAtStart(
      { databases: () => Promise.reject(new Error('no')) },
      Promise.resolve(true),
    );
    expect(noCasesAtStart()).toBe(false);
  });
});

/** Whether the boot script hides the prerendered screen, with this page and storage. */
function hides(path: string, stored: Record<string, string>, online = true, storage = true) {
  const attributes = new Map<string, string>();
  vm.runInNewContext(BOOT_JS, {
    location: { pathname: path },
    navigator: { onLine: online },
    localStorage: {
      getItem: (key: string) => {
        if (!storage) throw new Error('SecurityError');
        return stored[key] ?? null;
      },
    },
    document: {
      documentElement: { setAttribute: (name: string, v: string) => attributes.set(name, v) },
    },
  });
  return attributes.get('data-first-screen') === 'hidden';
}

describe('the first screen before React', () => {
  it('shows at `/` in zh-CN online for the case list’s roles, and is hidden elsewhere', () => {
    expect(hides('/', {})).toBe(false);
    expect(
      hides('/', { [LANGUAGE_STORAGE_KEY]: 'zh-CN', [FIRST_SCREEN_HINT_KEY]: 'case-list' }),
    ).toBe(false);
    expect(hides('/settings', {})).toBe(true);
    expect(hides('/confirm', {})).toBe(true);
    expect(hides('/', { [LANGUAGE_STORAGE_KEY]: 'en' })).toBe(true);
    expect(hides('/', { [FIRST_SCREEN_HINT_KEY]: 'other' })).toBe(true);
    expect(hides('/', {}, false)).toBe(true);
    expect(hides('/', {}, true, false)).toBe(true);
  });

  it('learns from each session read whether the case list is the role’s first screen', () => {
    const stored = new Map<string, string>();
    const storage = () => ({ setItem: (k: string, v: string) => void stored.set(k, v) });
    noteFirstScreen({ kind: 'signed-out' }, storage);
    expect(stored.get(FIRST_SCREEN_HINT_KEY)).toBe('case-list');
    const reviewer = { ...OFFICER, user: { ...OFFICER.user, role: 'reviewer' as const } };
    noteFirstScreen({ kind: 'expired', session: reviewer, why: 'shift-over' }, storage);
    expect(stored.get(FIRST_SCREEN_HINT_KEY)).toBe('other');
    expect(() =>
      noteFirstScreen({ kind: 'signed-out' }, () => {
        throw new Error('SecurityError');
      }),
    ).not.toThrow();
  });
});
