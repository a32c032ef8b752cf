/** The composition root: real services, i18n, the service worker, the outbox runner, render. */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { webPlatform } from '../platform/web';
import { ServicesProvider, type Services } from '../services/ServicesContext';
import { SyncProvider, type SyncServices } from '../services/SyncContext';
import { createDb, createSessionStore } from '../storage';
import { setupI18n } from '../ui/i18n/setup';
import '../ui/styles.css';
import { App } from './App';

function Root({ services }: { services: Services }) {
  const [updateReady, setUpdateReady] = useState<(() => void) | null>(null);
  const [sync, setSync] = useState<SyncServices | null>(null);
  useEffect(() => {
    void services.platform.serviceWorker.register((activate) => setUpdateReady(() => activate));
    void services.platform.storage.ensurePersisted();
    // A nearly full phone is guarded before its first write (storage-pressure.ts).
    void import('../services/storage-pressure').then((m) => m.checkHeadroomAtStart(services.db));
    let live = true;
    void import('./sync-setup').then((m) => live && setSync(m.startSync(services)));
    return () => {
      live = false;
    };
  }, [services]);
  return (
    <ServicesProvider services={services}>
      <SyncProvider sync={sync}>
        <App updateReady={updateReady} />
      </SyncProvider>
    </ServicesProvider>
  );
}

async function start() {
  await setupI18n();
  const services: Services = {
    db: createDb(),
    platform: webPlatform,
    session: createSessionStore({ now: () => Date.now() }),
  };
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <Root services={services} />
    </StrictMode>,
  );
}

void start();
