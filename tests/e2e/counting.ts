/**
 * One counting wrapper around a Playwright page: every interaction an officer
 * makes through it — a tap, a choice, a field filled, a photo handed over, a
 * signature drawn — is tallied by kind, whichever driver makes it. Drivers
 * take a `Page` and need no change: they are handed the wrapped one.
 *
 * What counts as what:
 * - tap: `click`, `tap`, `press`, `dblclick` on a locator, and `page.goto`
 *   (an officer reaches a screen by tapping its link or step, never by URL);
 * - choice: `check`, `uncheck`, `setChecked`, `selectOption` (a radio, chip
 *   or list entry picked);
 * - fill: `fill`, `pressSequentially`, `type` (one field typed);
 * - upload: `setInputFiles` (one photo taken or picked);
 * - signature: `page.mouse.down` (one stroke set on a signature pad).
 * Taps and choices are decisions: the benchmark allows think time for each.
 */
import type { Locator, Mouse, Page } from 'playwright-core';

export type InteractionKind = 'tap' | 'choice' | 'fill' | 'upload' | 'signature';

export interface Interaction {
  kind: InteractionKind;
  /** What was acted on (the locator or the URL), for reading the log. */
  what: string;
  /** For a fill: how many characters were typed. */
  characters?: number;
}

const LOCATOR_ACTIONS: Readonly<Record<string, InteractionKind>> = {
  click: 'tap',
  dblclick: 'tap',
  tap: 'tap',
  press: 'tap',
  check: 'choice',
  uncheck: 'choice',
  setChecked: 'choice',
  selectOption: 'choice',
  fill: 'fill',
  pressSequentially: 'fill',
  type: 'fill',
  setInputFiles: 'upload',
};

/** Methods that return a new locator (or locators), which must be wrapped too. */
const LOCATOR_FACTORIES = new Set([
  'locator',
  'getByRole',
  'getByLabel',
  'getByText',
  'getByTestId',
  'getByPlaceholder',
  'getByAltText',
  'getByTitle',
  'nth',
  'first',
  'last',
  'filter',
  'and',
  'or',
  'all',
]);

export class InteractionTally {
  readonly log: Interaction[] = [];

  add(kind: InteractionKind, what: string, characters?: number): void {
    this.log.push({ kind, what, ...(characters !== undefined && { characters }) });
  }

  /** Characters typed into fields, all fills together. */
  get typedCharacters(): number {
    return this.log.reduce((n, i) => n + (i.characters ?? 0), 0);
  }

  get total(): number {
    return this.log.length;
  }

  /** Taps and choices: the interactions that need the officer to decide. */
  get decisions(): number {
    return this.log.filter((i) => i.kind === 'tap' || i.kind === 'choice').length;
  }

  byKind(): Record<InteractionKind, number> {
    const counts: Record<InteractionKind, number> = {
      tap: 0,
      choice: 0,
      fill: 0,
      upload: 0,
      signature: 0,
    };
    for (const i of this.log) counts[i.kind] += 1;
    return counts;
  }
}

type AnyFn = (...args: unknown[]) => unknown;

function wrapResult(value: unknown, tally: InteractionTally): unknown {
  if (value instanceof Promise) return value.then((v) => wrapResult(v, tally));
  if (Array.isArray(value)) return value.map((v) => wrapResult(v, tally));
  if (isLocator(value)) return countingLocator(value, tally);
  return value;
}

function isLocator(value: unknown): value is Locator {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { waitFor?: unknown }).waitFor === 'function' &&
    typeof (value as { getByRole?: unknown }).getByRole === 'function' &&
    typeof (value as { goto?: unknown }).goto !== 'function'
  );
}

function countingLocator(locator: Locator, tally: InteractionTally): Locator {
  return new Proxy(locator, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      const fn = value as AnyFn;
      const kind = LOCATOR_ACTIONS[prop];
      if (kind) {
        return (...args: unknown[]) => {
          const typed =
            kind === 'fill' && typeof args[0] === 'string' ? [...args[0]].length : undefined;
          tally.add(kind, target.toString(), typed);
          return fn.apply(target, args);
        };
      }
      if (LOCATOR_FACTORIES.has(prop)) {
        return (...args: unknown[]) => wrapResult(fn.apply(target, args), tally);
      }
      return fn.bind(target);
    },
  });
}

function countingMouse(mouse: Mouse, tally: InteractionTally): Mouse {
  return new Proxy(mouse, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as AnyFn;
      if (prop === 'down') {
        return (...args: unknown[]) => {
          tally.add('signature', 'mouse stroke');
          return fn.apply(target, args);
        };
      }
      return fn.bind(target);
    },
  });
}

/** The page, wrapped so that every interaction made through it lands in `tally`. */
export function countingPage(page: Page, tally: InteractionTally): Page {
  const mouse = countingMouse(page.mouse, tally);
  return new Proxy(page, {
    get(target, prop, receiver) {
      if (prop === 'mouse') return mouse;
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      const fn = value as AnyFn;
      if (prop === 'goto') {
        return (...args: unknown[]) => {
          tally.add('tap', `goto ${String(args[0])}`);
          return fn.apply(target, args);
        };
      }
      if (LOCATOR_FACTORIES.has(prop)) {
        return (...args: unknown[]) => wrapResult(fn.apply(target, args), tally);
      }
      return fn.bind(target);
    },
  });
}
