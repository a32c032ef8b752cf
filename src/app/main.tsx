/**
 * The composition root: the shell's services and words, the service worker;
 * the database, i18next and the outbox runner load after the first paint.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { webPlatform } from '../platform/web';
import { ShellProvider, type ShellServices } from '../services/ServicesContext';
import { SyncProvider, type SyncServices } from '../services/SyncContext';
import { createSessionStore } from '../storage/session';
import { storedLanguage } from '../ui/i18n/language';
import { setShellWords } from '../ui/i18n/shell-words';
import '../ui/styles.css';
import { App } from './App';
import { loadServices } from './data-gate';
import { loadI18n } from './i18n-gate';
import { runWhenIdle } from './later';
import { CaseList } from './routes';
import { watchReachability } from './reachability';

function Root({ shell }: { shell: ShellServices }) {
  const [updateReady, setUpdateReady] = useState<(() => void) | null>(null);
  const [sync, setSync] = useState<SyncServices | null>(null);
  useEffect(() => {
    const stopProbe = watchReachability({
      // Bound: called as `env.fetch`, the browser's fetch throws "Illegal invocation".
      fetch: globalThis.fetch.bind(globalThis),
      window,
      document,
      navigator,
    });
    let live = true;
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
      stopProbe();
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
  // The database's code and i18next load while the shell paints, and at `/`
  // the case list's and the header's sync chip's code with them (not once the
  // session and the database are in: one wave of requests, not three).
  void loadServices(shell);
  void loadI18n();
  if (window.location.pathname === '/') {
    CaseList.preload();
    void import('./SyncChip');
  }
  const lng = storedLanguage();
  // The shell's words in English are the app-wide English messages (a precached chunk).
  if (lng === 'en') setShellWords(lng, (await import('../ui/i18n/en')).en);
  document.documentElement.lang = lng;
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <Root shell={shell} />
    </StrictMode>,
  );
}

void start();
