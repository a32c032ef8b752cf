import { lazy, Suspense, useEffect } from 'react';
import type { Role } from '../contracts/route';
import { useShell } from '../services/ServicesContext';
import { HANDOVERS_PATH, routeFor, viewerRole } from '../services/role-routes';
import { forgetNoCasesAtStart } from '../services/first-start';
import { useSession } from '../services/useSession';
import { matchPath, navigate, usePath } from '../ui/router';
import { useShellT } from '../ui/i18n/shell-words';
import { useOnline } from '../ui/useOnline';
import { WithData } from './data-gate';
import { ErrorBoundary } from './ErrorBoundary';
import { loadI18n } from './i18n-gate';
import { afterFirstPaint } from './later';
import { CONFIRM_PATH } from '../domain/case/confirm-path';
import {
  CASE_SCREENS,
  CaseList,
  ConfirmScreen,
  DashboardScreen,
  HandoverConfirmScreen,
  HandoversScreen,
  NewCase,
  OfficerOnly,
  OutboxScreen,
  ROLE_HOME_SCREENS,
  Settings,
  SignInScreen,
  STATION_CASE_SCREENS,
} from './routes';
import { RoleFrame, ScreenFrame, SyncChipSlot } from './RoleFrame';
import { VaultGate } from './VaultGate';

// It counts what waits in the database: it comes with the database's code (and i18next).
const SyncChip = lazy(async () => {
  await afterFirstPaint();
  const [chip] = await Promise.all([import('./SyncChip'), loadI18n()]);
  return { default: chip.SyncChip };
});

function OfficerScreen({ path, role }: { path: string; role: Role }) {
  if (path === '/cases/new') return <NewCase />;
  if (path === '/outbox') return <OutboxScreen />;
  if (path === HANDOVERS_PATH) return <HandoversScreen />;
  const handover = matchPath(`${HANDOVERS_PATH}/:id`, path);
  if (handover?.id) return <HandoverConfirmScreen id={handover.id} />;
  // A rural station hands the case over where an officer determines liability.
  for (const [suffix, CaseScreen] of role === 'station' ? STATION_CASE_SCREENS : CASE_SCREENS) {
    const match = matchPath(`/cases/:id${suffix}`, path);
    if (match?.id) return <CaseScreen id={match.id} />;
  }
  return <CaseList />;
}

/**
 * Goes where the route says, after checking the session once more: a sign-in
 * navigates before every screen has seen the new session, and must not be
 * sent back by the old one. Nor does it move a page that has gone elsewhere
 * meanwhile (a sign-out's way to `/signin` must not be taken back to `/`).
 */
function Redirect({ path }: { path: string }) {
  const { t } = useShellT();
  const { session } = useShell();
  useEffect(() => {
    let live = true;
    void session.state().then((state) => {
      const route = routeFor(path, viewerRole(state));
      const stillHere = window.location.pathname === path;
      if (live && stillHere && route.kind === 'redirect') navigate(route.to, { replace: true });
    });
    return () => {
      live = false;
    };
  }, [path, session]);
  return <p role="status">{t('app.loading')}</p>;
}

function Screen({ path, role }: { path: string; role: Role }) {
  if (path === '/settings') return <Settings />;
  if (path === '/signin') return <SignInScreen />;
  const route = routeFor(path, role);
  switch (route.kind) {
    case 'redirect':
      return <Redirect path={path} />;
    case 'officer-only':
      return <OfficerOnly role={route.role} />;
    case 'home': {
      const Home = ROLE_HOME_SCREENS[route.role];
      return <Home />;
    }
    case 'dashboard':
      return <DashboardScreen role={role} />;
    case 'handovers': {
      // The reviewer's way to the stations' cases: server reads only, no phone data.
      const id = matchPath(`${HANDOVERS_PATH}/:id`, path)?.id;
      return id ? <HandoverConfirmScreen id={id} /> : <HandoversScreen />;
    }
    case 'show':
      return (
        <VaultGate path={path}>
          <OfficerScreen path={path} role={role} />
        </VaultGate>
      );
  }
}

/**
 * A party's page (`/confirm`), on any phone: the app's name, no role's
 * navigation, and no session or database read — only what the link carries.
 */
function PublicPage() {
  const { t } = useShellT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <ConfirmScreen />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}

export function App({ updateReady }: { updateReady: (() => void) | null }) {
  const path = usePath();
  if (path === CONFIRM_PATH) return <PublicPage />;
  return <RoleApp path={path} updateReady={updateReady} />;
}

function RoleApp({ path, updateReady }: { path: string; updateReady: (() => void) | null }) {
  const { t } = useShellT();
  const online = useOnline();
  const session = useSession();
  // Until the session is read, no role's screens show (a reviewer never sees the officer's).
  const role = session && viewerRole(session);
  // The first start's empty list holds only until another path (where a case is made).
  useEffect(() => {
    if (path !== '/') forgetNoCasesAtStart();
  }, [path]);
  const syncChip = (
    <Suspense fallback={<SyncChipSlot />}>
      <WithData>
        <SyncChip current={path === '/outbox'} />
      </WithData>
    </Suspense>
  );
  return (
    <RoleFrame
      path={path}
      role={role}
      online={online}
      updateReady={updateReady}
      syncChip={syncChip}
    >
      <ErrorBoundary>
        <Suspense fallback={<ScreenFrame path={path} role={role} />}>
          {/* A new path is a new screen: nothing of the last one (a form's state) carries over. */}
          {role ? (
            <WithData>
              <Screen key={path} path={path} role={role} />
            </WithData>
          ) : (
            <p role="status">{t('app.loading')}</p>
          )}
        </Suspense>
      </ErrorBoundary>
    </RoleFrame>
  );
}
