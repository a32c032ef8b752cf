/**
 * The composition root: the shell's services and words, the service worker;
 * the database, i18next and the outbox runner load after the first paint.
 */
import { StrictMode, startTransition, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { webPlatform } from '../platform/web';
import { ShellProvider, type ShellServices } from '../services/ServicesContext';
import { SyncProvider, type SyncServices } from '../services/SyncContext';
import { createSessionStore } from '../storage/session';
import { storedLanguage } from '../ui/i18n/language';
import { setShellWords } from '../ui/i18n/shell-words';
import '../ui/styles.css';
import { App } from './App';
import { readNoCasesAtStart } from '../services/first-start';
import { loadServices } from './data-gate';
import { loadI18n } from './i18n-gate';
import { noteFirstScreen } from './first-screen-hint';
import { afterFirstPaint, firstScreenPainted, runWhenIdle } from './later';
import { CaseList } from './routes';
import { watchReachability } from './reachability';

/** How long the first render waits for the session's read at most. */
const SESSION_WAIT_MS = 1000;
/** How long the rest of the start waits for the first paint at most. */
const FIRST_PAINT_WAIT_MS = 500;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function Root({ shell }: { shell: ShellServices }) {
  const [updateReady, setUpdateReady] = useState<(() => void) | null>(null);
  const [sync, setSync] = useState<SyncServices | null>(null);
  useEffect(() => {
    // After the frame that paints the first commit has been shown — the next
    // frame's start — (a hidden tab paints none: a timer then).
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(firstScreenPainted, 0)));
    const hidden = setTimeout(firstScreenPainted, FIRST_PAINT_WAIT_MS);
    return () => clearTimeout(hidden);
  }, []);
  useEffect(() => {
    let live = true;
    let stopProbe: (() => void) | undefined;
    // The probe's request too waits for the first screen's paint.
    void afterFirstPaint().then(() => {
      if (!live) return;
      stopProbe = watchReachability({
        // Bound: called as `env.fetch`, the browser's fetch throws "Illegal invocation".
        fetch: globalThis.fetch.bind(globalThis),
        window,
        document,
        navigator,
      });
    });
    const services = loadServices(shell);
    // What the first view does not need waits for it (later.ts).
    void runWhenIdle(
      services,
      [
        () =>
          import('./sync-setup').then(async (m) => {
            if (live) setSync(m.startSync(await services));
          }),
        // A nearly full phone is guarded before its first write (storage-pressure.ts).
        () =>
          import('../services/storage-pressure').then(async (m) =>
            m.checkHeadroomAtStart((await services).db),
          ),
        () => shell.platform.storage.ensurePersisted(),
        () => shell.platform.serviceWorker.register((activate) => setUpdateReady(() => activate)),
      ],
      () => live,
    );
    return () => {
      live = false;
      stopProbe?.();
    };
  }, [shell]);
  return (
    <ShellProvider shell={shell}>
      <SyncProvider sync={sync}>
        <App updateReady={updateReady} />
      </SyncProvider>
    </ShellProvider>
  );
}

async function start() {
  const shell: ShellServices = {
    platform: webPlatform,
    session: createSessionStore({ now: () => Date.now() }),
  };
  // The database's code and i18next load once the first screen has painted
  // (later.ts `afterFirstPaint`), and at `/` the case list's and the header's
  // sync chip's code with them (one wave of requests, not three).
  void loadServices(shell);
  void loadI18n();
  if (window.location.pathname === '/') {
    CaseList.preload();
    void afterFirstPaint().then(() => import('./SyncChip'));
  }
  const lng = storedLanguage();
  // The session is read before the first render, so React's first commit is
  // the role's frame — at `/` the very markup prerendered into index.html
  // (first-screen.tsx), which it replaces without a flash or a shift. A read
  // that hangs (storage refused) does not hold the page for long.
  const session = shell.session.state().then((state) => {
    noteFirstScreen(state);
    return state;
  });
  shell.session.subscribe(() => {
    shell.session.state().then(noteFirstScreen, () => undefined);
  });
  const firstStart =
    window.location.pathname === '/'
      ? readNoCasesAtStart(
          globalThis.indexedDB,
          session.then((s) => s.kind === 'signed-out'),
        )
      : undefined;
  await Promise.all([
    Promise.race([
      Promise.all([session, firstStart]).catch(() => undefined),
      sleep(SESSION_WAIT_MS),
    ]),
    // The shell's words in English are the app-wide English messages (a precached chunk).
    lng === 'en' &&
      import('../ui/i18n/en').then(({ en }) => {
        setShellWords(lng, en);
      }),
  ]);
  document.documentElement.lang = lng;
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  const root = createRoot(container);
  // A transition: React renders the app in slices of a few milliseconds,
  // yielding between them, instead of one long task right after the first
  // paint (the prerendered shell stays on screen until the commit, which
  // replaces it with the same markup).
  startTransition(() => {
    root.render(
      <StrictMode>
        <Root shell={shell} />
      </StrictMode>,
    );
  });
}

void start();
