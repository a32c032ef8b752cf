/**
 * The phone's outbox in the browser tests: each case's status as the outbox
 * screen shows it or as the stores derive it, waiting for cases to be sent,
 * what the phone knows when a send fails, and moving entries' due times
 * (a clock jump past a backoff, or the backoff hours offline leave behind).
 */
import type { Page } from 'playwright-core';
import { until } from './harness';
import { gotoApp } from './phone';
import { phoneRows, readPhoneDb, rescheduleOutbox } from './phone-db';

/** The status the outbox screen shows for a case: saved-on-phone, sending, sent or needs-attention. */
export async function caseSyncStatus(page: Page, caseId: string): Promise<string | null> {
  return page
    .locator(`[data-testid="outbox-list"] li[data-case="${caseId}"]`)
    .getAttribute('data-status');
}

/** Waits until the outbox screen shows the case with `status`. */
export async function waitForStatus(page: Page, caseId: string, status: string): Promise<void> {
  await page
    .locator(`[data-testid="outbox-list"] li[data-case="${caseId}"][data-status="${status}"]`)
    .waitFor({ timeout: 60_000 });
}

/**
 * On the outbox screen (opened if it is not on show): the officer's "立即发送",
 * which sends every waiting case at once, ending quiet periods and backoffs.
 * What a test does when sending is not what it checks: a page loaded offline
 * only notices the link back at the shell's next probe of the server
 * (src/app/reachability.ts, every 20 s) or when the outbox's own timer comes
 * round (sync.e2e.ts proves that the phone sends without it).
 */
export async function sendNow(page: Page): Promise<void> {
  if (new URL(page.url()).pathname !== '/outbox') await gotoApp(page, '/outbox');
  await page.getByRole('button', { name: '立即发送', exact: true }).click();
}

/** Every case on the phone and its status as the outbox screen derives it, read from IndexedDB. */
export async function phoneStatuses(page: Page): Promise<Map<string, 'sent' | 'unsent'>> {
  const rows = await readPhoneDb(page, ['cases', 'outbox', 'receipts']);
  const queued = new Set(rows.outbox.map((e) => e.caseId as string));
  const complete = new Set(
    (rows.receipts as unknown as { caseId: string; receipt: { complete: boolean } }[])
      .filter((r) => r.receipt.complete)
      .map((r) => r.caseId),
  );
  return new Map(
    rows.cases.map((c) => {
      const id = c.id as string;
      return [id, !queued.has(id) && complete.has(id) ? 'sent' : 'unsent'] as const;
    }),
  );
}

/** Waits until every listed case (all cases when none are listed) shows sent on the phone. */
export async function waitAllSent(page: Page, ids?: string[], timeoutMs = 60_000): Promise<void> {
  await until(
    `cases ${ids?.join(', ') ?? '(all)'} sent`,
    async () => {
      const s = await phoneStatuses(page);
      const want = ids ?? [...s.keys()];
      return want.every((id) => s.get(id) === 'sent');
    },
    timeoutMs,
    250,
  );
}

/**
 * What the phone knows about sending, for a failure message: the phase on
 * screen, how many cases it holds, and its outbox entries with their last errors.
 */
export async function syncDiagnosis(page: Page): Promise<{
  phase: string | null;
  cases: number;
  outbox: { key: string; status: string; attempts: number; lastError?: unknown }[];
}> {
  const phase = await page
    .getByTestId('sync-phase')
    .textContent({ timeout: 5_000 })
    .catch(() => null);
  const rows = await readPhoneDb(page, ['cases', 'outbox']);
  const outbox = rows.outbox as unknown as {
    key: string;
    status: string;
    attempts: number;
    lastError?: unknown;
  }[];
  return {
    phase,
    cases: rows.cases.length,
    outbox: outbox.map(({ key, status, attempts, lastError }) => ({
      key,
      status,
      attempts,
      lastError,
    })),
  };
}

/** `nextAttemptAt` of every outbox entry, as epoch ms. */
export async function outboxDueTimes(page: Page): Promise<number[]> {
  const rows = await phoneRows<{ nextAttemptAt: string }>(page, 'outbox');
  return rows.map((r) => Date.parse(r.nextAttemptAt));
}

/** Sets the case's outbox entries due now, behind the app's back (no Dexie change event). */
export async function makeDue(page: Page, caseId: string): Promise<void> {
  await setBackoff(page, caseId, Date.now() - 1000);
}

/**
 * Sets when the case's outbox entries fall due (epoch ms) and, when given, their
 * failed-attempt count: what a long spell of failures leaves.
 */
export async function setBackoff(
  page: Page,
  caseId: string,
  dueAt: number,
  attempts?: number,
): Promise<void> {
  await rescheduleOutbox(page, { caseId, dueAt, ...(attempts === undefined ? {} : { attempts }) });
}

/**
 * Every outbox entry due now: what a clock jump past the backoff does,
 * without faking the page's timers.
 */
export async function jumpOutboxClock(page: Page): Promise<void> {
  await rescheduleOutbox(page, { dueAt: Date.now() - 1000, onlyLater: true });
}
