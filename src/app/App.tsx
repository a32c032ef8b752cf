import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseList } from '../features/scene/CaseList';
import { Link, matchPath, usePath } from '../ui/router';
import { useOnline } from '../ui/useOnline';
import { ErrorBoundary } from './ErrorBoundary';
import { CASE_SCREENS, NewCase, OutboxScreen, Settings, SignInScreen } from './routes';
import { SyncChip } from './SyncChip';
import { UpdateBanner } from './UpdateBanner';

function Screen({ path }: { path: string }) {
  if (path === '/cases/new') return <NewCase />;
  if (path === '/settings') return <Settings />;
  if (path === '/signin') return <SignInScreen />;
  if (path === '/outbox') return <OutboxScreen />;
  for (const [suffix, CaseScreen] of CASE_SCREENS) {
    const match = matchPath(`/cases/:id${suffix}`, path);
    if (match?.id) return <CaseScreen id={match.id} />;
  }
  return <CaseList />;
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
          <SyncChip current={path === '/outbox'} />
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
            {/* A new path is a new screen: nothing of the last one (a form's state) carries over. */}
            <Screen key={path} path={path} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
