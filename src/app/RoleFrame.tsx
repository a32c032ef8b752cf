/**
 * The page around every role's screen — the skip link, the header with the
 * role's navigation, the update and offline lines, `<main>` — and what
 * `<main>` shows while a screen loads. Pure: the hooks' values come in as
 * props, so the build renders the same first screen into index.html
 * (src/app/first-screen.tsx) that React's first commit draws at `/`.
 */
import type { ReactNode } from 'react';
import type { Role } from '../contracts/route';
import { capturesCases } from '../domain/case/station-role';
import { CaseListFrame } from '../features/scene/CaseListFrame';
import { DASHBOARD_PATH, ROLE_HOMES, seesDashboard } from '../services/role-routes';
import { useShellT } from '../ui/i18n/shell-words';
import { Link } from '../ui/router';
import { UpdateBanner } from './UpdateBanner';

/** The sync chip's place in the header while its code and the database load. */
export function SyncChipSlot() {
  return <span className="sync-chip" aria-hidden="true" />;
}

/** What shows while a screen (and the database) loads: the case list's frame at `/`. */
export function ScreenFrame({ path, role }: { path: string; role: Role | undefined }) {
  const { t } = useShellT();
  if (path === '/' && role !== undefined && capturesCases(role)) return <CaseListFrame />;
  return <p role="status">{t('app.loading')}</p>;
}

export interface RoleFrameProps {
  path: string;
  /** Undefined until the session is read: no role's navigation shows. */
  role: Role | undefined;
  online: boolean;
  updateReady: (() => void) | null;
  /** The header's sync chip (for a role that captures cases). */
  syncChip: ReactNode;
  /** `<main>`'s content. */
  children: ReactNode;
}

export function RoleFrame({ path, role, online, updateReady, syncChip, children }: RoleFrameProps) {
  const { t } = useShellT();
  const home = role ? ROLE_HOMES[role] : '/';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link href={home} className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.name')}>
          {role !== undefined && capturesCases(role) && (
            <>
              <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
                {t('app.nav.cases')}
              </Link>
              {syncChip}
            </>
          )}
          {role && !capturesCases(role) && (
            <Link href={home} aria-current={path === home ? 'page' : undefined}>
              {t('app.nav.home')}
            </Link>
          )}
          {seesDashboard(role) && (
            <Link href={DASHBOARD_PATH} aria-current={path === DASHBOARD_PATH ? 'page' : undefined}>
              {t('app.nav.dashboard')}
            </Link>
          )}
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
        {children}
      </main>
    </>
  );
}
