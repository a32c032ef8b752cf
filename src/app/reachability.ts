/**
 * The shell's probe of the server (src/ui/useOnline.ts): a GET of
 * /api/health at start, when the browser says it is online again, when the
 * app comes back to the foreground, and again while the last probe failed:
 * after FIRST_RETRY_MS, doubling up to RETRY_MS (an officer regaining signal
 * on a rural road is noticed within seconds, a long outage costs one small
 * request every RETRY_MS; Chromium may fire no `online` event at all). Only a network failure (no answer at all, or none within
 * TIMEOUT_MS) counts as unreachable: any HTTP answer, even an error, means
 * the network works.
 */
import { noteReturnIfUnheard, setUnreachable } from '../ui/useOnline';

export const RETRY_MS = 20_000;
export const FIRST_RETRY_MS = 2_000;

/** The wait before the next probe after `failures` failed ones in a row. */
export const retryDelay = (failures: number): number =>
  Math.min(RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
export const TIMEOUT_MS = 8_000;

export interface ProbeEnv {
  fetch: typeof fetch;
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  navigator: Pick<Navigator, 'onLine'>;
}

/** Whether the server answered at all. */
export async function probeServer(env: Pick<ProbeEnv, 'fetch'>): Promise<boolean> {
  try {
    const answer = await env.fetch('/api/health', {
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // Read to the end, so the request closes now rather than at the timeout's abort.
    await answer.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Starts probing; returns the stop. */
export function watchReachability(env: ProbeEnv): () => void {
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failures = 0;
  const probe = async () => {
    clearTimeout(retry);
    // Surely offline: nothing to ask (useOnline already says so).
    if (!env.navigator.onLine) return;
    const reached = await probeServer(env);
    if (stopped) return;
    setUnreachable(!reached);
    failures = reached ? 0 : failures + 1;
    if (!reached) retry = setTimeout(() => void probe(), retryDelay(failures));
  };
  const onVisible = () => {
    if (env.document.visibilityState === 'visible') void probe();
  };
  const onOnline = () => {
    // Heard here first: the sync code may not be listening yet.
    noteReturnIfUnheard();
    void probe();
  };
  env.window.addEventListener('online', onOnline);
  env.document.addEventListener('visibilitychange', onVisible);
  void probe();
  return () => {
    stopped = true;
    clearTimeout(retry);
    env.window.removeEventListener('online', onOnline);
    env.document.removeEventListener('visibilitychange', onVisible);
  };
}
