/**
 * Start-up work the first view does not need (the service worker's
 * registration and precache, the persistence request, the storage headroom
 * probe, the sync runner) waits here until the page has loaded and the main
 * thread is idle, one step per idle period — so that none of it lands in the
 * same long task as the first view's database, words and case list
 * (BENCHMARKS.md, lighthouse).
 */

/**
 * Ends the current task: the work after it runs in a task of its own, so the
 * first view's start-up steps (a chunk's evaluation, the database's creation,
 * i18next's set-up) are several short tasks rather than one long one.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let painted: () => void = () => undefined;
const firstPaint = new Promise<void>((resolve) => (painted = resolve));

/**
 * Resolves once React's first screen has painted (main.tsx calls
 * `firstScreenPainted`): the database's code, i18next and the screens' chunks
 * are asked for after it, so the first screen's paint waits for none of them
 * (nor does Lighthouse count their bytes in it).
 */
export const afterFirstPaint = (): Promise<void> => firstPaint;

export function firstScreenPainted(): void {
  painted();
}

/** How long a step waits for an idle period at most (a busy phone still starts them). */
export const IDLE_TIMEOUT_MS = 2_000;

type IdleWindow = Pick<Window, 'addEventListener' | 'setTimeout'> & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  document: Pick<Document, 'readyState'>;
};

function loaded(win: IdleWindow): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => win.addEventListener('load', () => resolve(), { once: true }));
}

function idle(win: IdleWindow): Promise<void> {
  return new Promise((resolve) => {
    if (win.requestIdleCallback)
      win.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else win.setTimeout(() => resolve(), 0);
  });
}

/**
 * Runs the steps in order, each in an idle period of its own after `after`
 * (the first view's data) and the page's `load`; stops when `live()` says so.
 * A step that throws is reported in the console and the next one still runs.
 */
export async function runWhenIdle(
  after: Promise<unknown>,
  steps: ReadonlyArray<() => unknown>,
  live: () => boolean = () => true,
  win: IdleWindow = window,
): Promise<void> {
  await Promise.all([after, loaded(win)]);
  for (const step of steps) {
    await idle(win);
    if (!live()) return;
    try {
      await step();
    } catch (error) {
      console.warn('start-up step failed', error);
    }
  }
}
