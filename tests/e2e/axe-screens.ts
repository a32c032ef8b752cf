/**
 * Walking screens for axe in the browser tests (a11y.e2e.ts): open a screen
 * inside the app as a link does, and check it at 360 px in both languages and
 * both themes.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';

/** The page background of the day and the night theme (`--bg`). */
export const BACKGROUND = { light: 'rgb(246, 248, 250)', dark: 'rgb(13, 17, 23)' } as const;
export const pageBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/**
 * Goes to `path` inside the app (as a link does: no reload, so axe stays
 * loaded) and waits for the new screen's heading and, if given, more.
 */
export async function go(page: Page, path: string, ready?: (main: Locator) => Locator) {
  const before = await page.evaluate((to) => {
    const heading = document.querySelector('main h1');
    if (location.pathname === to) return null; // already there: nothing re-renders
    heading?.setAttribute('data-stale', '');
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
    return heading?.textContent ?? '';
  }, path);
  // Every path mounts its screen afresh (App keys it by path): a new heading.
  await page.waitForFunction((old) => {
    const h = document.querySelector('main h1');
    return h !== null && (old === null || !h.hasAttribute('data-stale'));
  }, before);
  if (ready) await ready(page.locator('main')).first().waitFor();
}

/** A screen to check: its name, and how to get to it from anywhere in the app. */
export interface Screen {
  name: string;
  open: (page: Page) => Promise<void>;
}

export const screen = (
  name: string,
  path: string,
  ready?: (screen: Locator) => Locator,
  then?: (page: Page) => Promise<void>,
): Screen => ({
  name,
  async open(page) {
    await go(page, path, ready);
    await then?.(page);
  },
});

/** What sticks out past the right edge of the 360 px screen (nothing may scroll sideways). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    if (width <= 360) return [];
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > 360.5)
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 30)}"`,
      );
    return [`page ${width} px wide`, ...wide];
  });

/**
 * Checks each screen with axe in English and in zh-CN (the language chosen
 * as Settings does it, applied by a reload), each in the day and the night
 * theme (the phone's dark mode, which the default "auto" follows). Ends in
 * zh-CN and daylight, for the drivers that follow.
 */
export async function checkScreens(page: Page, screens: readonly Screen[]): Promise<void> {
  for (const lng of ['en', 'zh-CN'] as const) {
    await page.evaluate((l) => localStorage.setItem('kuaichu.language', l), lng);
    await page.reload();
    await page.locator('main h1').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lng);
    for (const s of screens) {
      await s.open(page);
      expect(await overflowing(page), `${s.name} (${lng}) scrolls sideways at 360 px`).toEqual([]);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        // The theme really is the one named.
        expect(await pageBackground(page)).toBe(BACKGROUND[scheme]);
        const theme = scheme === 'light' ? 'day' : 'night';
        await expectNoAxeViolations(page, `${s.name} (${lng}, ${theme})`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
  }
}
