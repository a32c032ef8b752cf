/** The composition root: real services, i18n, the service worker, render. */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { webPlatform } from '../platform/web';
import { ServicesProvider, type Services } from '../services/ServicesContext';
import { createDb } from '../storage';
import { setupI18n } from '../ui/i18n/setup';
import '../ui/styles.css';
import { App } from './App';

function Root({ services }: { services: Services }) {
  const [updateReady, setUpdateReady] = useState<(() => void) | null>(null);
  useEffect(() => {
    void services.platform.serviceWorker.register((activate) => setUpdateReady(() => activate));
    void services.platform.storage.ensurePersisted();
  }, [services]);
  return (
    <ServicesProvider services={services}>
      <App updateReady={updateReady} />
    </ServicesProvider>
  );
}

async function start() {
  await setupI18n();
  const services: Services = { db: createDb(), platform: webPlatform };
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <Root services={services} />
    </StrictMode>,
  );
}

void start();
