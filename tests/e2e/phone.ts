/**
 * The phone: a 360 px touch browser context with geolocation granted, the
 * app opened on it under its service worker, and an officer signing in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { pinOf, rememberPin } from './phone-db';
import { DEMO_PASSWORD } from './server';

/** The phone's screen, locale and position (Chengdu, 12 m accuracy). */
export const PHONE_CONTEXT = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  geolocation: { latitude: 30.6586, longitude: 104.0648, accuracy: 12 },
  permissions: ['geolocation'],
};

/**
 * A phone-sized context (360 × 740) with geolocation granted. `serviceWorkers:
 * 'block'` for a desk role's screens on a phone that stay online (no
 * precache of the whole app in the background); the officer's phones keep it.
 */
export async function phoneContext(
  browser: Browser,
  baseURL: string,
  serviceWorkers: 'allow' | 'block' = 'allow',
): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE_CONTEXT, baseURL, serviceWorkers });
}

/**
 * Under `tsx` (esbuild with keepNames) functions handed to `page.evaluate` call
 * a `__name` helper that exists only in Node; the page gets a stand-in.
 */
export async function shimEsbuildNames(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: 'globalThis.__name ??= (fn) => fn;',
  });
}

/** Waits until the page is controlled by the service worker. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
    timeout: 30_000,
  });
}

/** Options for {@link openApp}; applied in this order once the app is loaded. */
export interface OpenAppOptions {
  /** Sign in once the service worker controls the page: `true` as demo-officer, or a user name. */
  signIn?: boolean | string;
  /** Cut the phone's network once the app is loaded (and signed in). */
  offline?: boolean;
}

/**
 * Opens the app on a phone: a new page at `/`, controlled by the service
 * worker, then signed in and taken offline if asked.
 */
export async function openApp(
  context: BrowserContext,
  options: OpenAppOptions = {},
): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await waitForServiceWorker(page);
  if (options.signIn) {
    await signInOnPhone(page, options.signIn === true ? undefined : options.signIn);
  }
  if (options.offline) await context.setOffline(true);
  return page;
}

/**
 * Opens the app in `context` at `origin` (for contexts without a base URL),
 * waits for the service worker; signs in unless told not to.
 */
export async function openPhone(
  context: BrowserContext,
  origin: string,
  options: { signIn?: boolean } = {},
): Promise<Page> {
  await shimEsbuildNames(context);
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await waitForServiceWorker(page);
  // A phone that seals (its PIN set earlier in this context) opens locked.
  await unlockIfSealing(page);
  if (options.signIn !== false) await signInAt(page, origin);
  return page;
}

/** Signs in on the phone's sign-in screen and waits for the outbox to say so. */
export async function signInOnPhone(page: Page, username = 'demo-officer'): Promise<void> {
  await signInAt(page, '', username);
}

/** {@link signInOnPhone} on a page whose context has no base URL (`origin` given). */
export async function signInAt(page: Page, origin: string, username = 'demo-officer') {
  await fillSignIn(page, origin, username);
  await page.waitForURL(/\/outbox$/);
  await page.getByTestId('session-panel').getByText('已登录').waitFor();
}

async function fillSignIn(page: Page, origin: string, username: string): Promise<void> {
  await page.goto(`${origin}/signin`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Signs in as any role on the sign-in screen and waits for the answer: the
 * screen the app went on to (its path), or the sign-in error it showed.
 */
export async function signInAs(
  page: Page,
  username: string,
): Promise<{ path: string } | { error: string }> {
  await fillSignIn(page, '', username);
  const left = page.waitForURL((url) => url.pathname !== '/signin').then(() => 'left' as const);
  const refused = page
    .locator('#main [role="alert"]')
    .waitFor()
    .then(() => 'refused' as const);
  const outcome = await Promise.race([left, refused]);
  if (outcome === 'refused') {
    return { error: (await page.locator('#main [role="alert"]').textContent()) ?? '' };
  }
  return { path: new URL(page.url()).pathname };
}

/** On the PIN screen (`/pin`): types the new PIN twice and sets it. */
export async function submitNewPin(page: Page, pin: string): Promise<void> {
  await page.getByLabel('新 PIN 码').fill(pin);
  await page.getByLabel('再次输入 PIN 码').fill(pin);
  await page.getByRole('button', { name: '设置 PIN 码并加密' }).click();
}

/**
 * Encryption at rest on the signed-in officer's phone (issue 18): Settings →
 * 设置 PIN 码并加密 (online: the escrow key), the PIN set, the app back on its
 * case list, unlocked. From then on the phone seals what it writes, a page
 * (re)loaded is locked ({@link gotoApp} opens it), and the IndexedDB reads
 * of phone-db.ts open its sealed rows with this PIN.
 */
export async function setPhonePin(page: Page, pin: string): Promise<void> {
  await page.goto(new URL('/settings', page.url()).toString());
  await page.getByRole('link', { name: '设置 PIN 码并加密' }).click();
  await page.getByRole('heading', { name: '设置本机 PIN 码' }).waitFor();
  await submitNewPin(page, pin);
  await page.waitForURL((url) => url.pathname === '/');
  rememberPin(page.context(), pin);
}

/** On a phone that seals, a page just (re)loaded is locked: its PIN opens it. Else nothing. */
export async function unlockIfSealing(page: Page): Promise<void> {
  const pin = pinOf(page);
  if (pin === undefined) return;
  const locked = page.getByRole('heading', { name: '本机已锁定' });
  await locked.waitFor();
  await page.getByLabel('PIN 码').fill(pin);
  await page.getByRole('button', { name: '解锁' }).click();
  await locked.waitFor({ state: 'detached' });
}

/** Loads an app screen by its address, unlocking a phone that seals (a load locks it). */
export async function gotoApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlockIfSealing(page);
}

/**
 * A file the phone downloaded, saved to a new temporary folder; returns its
 * path. (`download.path()` is refused on a connected, shared browser.)
 */
export async function savedDownload(download: Download): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'kuaichu-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/**
 * Controls shorter than 48 px, and the page width, on the 360 px phone. A
 * checkbox, or a radio button in a `radio` label, is tapped through its
 * label: the label is the target measured.
 */
export async function layoutProblems(page: Page): Promise<{ width: number; small: string[] }> {
  return page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      'main input:not([type=checkbox]):not(label.radio > input), main select, main button, main summary, main label.chip, main label.check, main label.radio',
    );
    const small = [...targets]
      .filter((el) => el.getBoundingClientRect().height < 48)
      .map((el) => `${el.tagName} ${el.textContent ?? ''}`);
    return { width: document.documentElement.scrollWidth, small };
  });
}
