/**
 * The services a screen needs (the device database, the officer's session on
 * this phone and the platform ports), provided by the composition root so
 * tests can pass fakes. The shell (header, the case list's frame) needs only
 * the session and the platform, provided at once; the database comes with its
 * own chunk a moment later (src/app/data-gate.tsx).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Platform } from '../platform';
import type { KuaichuDb } from '../storage';
import type { SessionStore } from '../storage/session';
import type { VaultSession } from './vault-session';

/** What the first paint needs: no database. */
export interface ShellServices {
  platform: Platform;
  /** Read by the header and by capture (whose case it is). */
  session: SessionStore;
}

export interface Services extends ShellServices {
  db: KuaichuDb;
  /** The phone's keys for encryption at rest (absent in tests that do not seal). */
  vault?: VaultSession;
}

const ShellContext = createContext<ShellServices | null>(null);
const ServicesContext = createContext<Services | null>(null);

export function ShellProvider({ shell, children }: { shell: ShellServices; children: ReactNode }) {
  return <ShellContext.Provider value={shell}>{children}</ShellContext.Provider>;
}

/** All services, the shell's included. */
export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return (
    <ShellContext.Provider value={services}>
      <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
    </ShellContext.Provider>
  );
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

/** The session and the platform, also before the database has loaded. */
export function useShell(): ShellServices {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell outside ShellProvider or ServicesProvider');
  return shell;
}
