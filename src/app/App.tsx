import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseList } from '../features/scene/CaseList';
import { Link, matchPath, usePath } from '../ui/router';
import { ErrorBoundary } from './ErrorBoundary';
import { UpdateBanner } from './UpdateBanner';

// Only the case list is in the first chunk; every other screen loads on demand
// (and is precached by the service worker, so it still opens offline).
const NewCase = lazy(() =>
  import('../features/scene/NewCase').then((m) => ({ default: m.NewCase })),
);
const CaseDetail = lazy(() =>
  import('../features/scene/CaseDetail').then((m) => ({ default: m.CaseDetail })),
);
const TriageScreen = lazy(() =>
  import('../features/triage/TriageScreen').then((m) => ({ default: m.TriageScreen })),
);
const EvidenceScreen = lazy(() =>
  import('../features/evidence/EvidenceScreen').then((m) => ({ default: m.EvidenceScreen })),
);
const PartiesScreen = lazy(() =>
  import('../features/scene/PartiesScreen').then((m) => ({ default: m.PartiesScreen })),
);
const CaseLocationScreen = lazy(() =>
  import('../features/map/CaseLocationScreen').then((m) => ({ default: m.CaseLocationScreen })),
);
const LiabilityScreen = lazy(() =>
  import('../features/liability/LiabilityScreen').then((m) => ({ default: m.LiabilityScreen })),
);
const NoticesScreen = lazy(() =>
  import('../features/liability/NoticesScreen').then((m) => ({ default: m.NoticesScreen })),
);
const DeterminationDocument = lazy(() =>
  import('../features/liability/DeterminationDocument').then((m) => ({
    default: m.DeterminationDocument,
  })),
);
const Settings = lazy(() =>
  import('../features/settings/Settings').then((m) => ({ default: m.Settings })),
);

function Screen({ path }: { path: string }) {
  if (path === '/' || path === '/cases') return <CaseList />;
  if (path === '/cases/new') return <NewCase />;
  if (path === '/settings') return <Settings />;
  const triage = matchPath('/cases/:id/triage', path);
  if (triage?.id) return <TriageScreen id={triage.id} />;
  const evidence = matchPath('/cases/:id/evidence', path);
  if (evidence?.id) return <EvidenceScreen id={evidence.id} />;
  const parties = matchPath('/cases/:id/parties', path);
  if (parties?.id) return <PartiesScreen id={parties.id} />;
  const location = matchPath('/cases/:id/location', path);
  if (location?.id) return <CaseLocationScreen id={location.id} />;
  const liability = matchPath('/cases/:id/liability', path);
  if (liability?.id) return <LiabilityScreen id={liability.id} />;
  const notices = matchPath('/cases/:id/notices', path);
  if (notices?.id) return <NoticesScreen id={notices.id} />;
  const determination = matchPath('/cases/:id/document', path);
  if (determination?.id) return <DeterminationDocument id={determination.id} />;
  const detail = matchPath('/cases/:id', path);
  if (detail?.id) return <CaseDetail id={detail.id} />;
  return <CaseList />;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function App({ updateReady }: { updateReady: (() => void) | null }) {
  const { t } = useTranslation();
  const path = usePath();
  const online = useOnline();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.name')}>
          <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
            {t('app.nav.cases')}
          </Link>
          <Link href="/settings" aria-current={path === '/settings' ? 'page' : undefined}>
            {t('app.nav.settings')}
          </Link>
        </nav>
      </header>
      {updateReady && <UpdateBanner onAccept={updateReady} />}
      {!online && (
        <p className="offline-bar" role="status" data-testid="offline-bar">
          {t('app.offline')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <Screen path={path} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
