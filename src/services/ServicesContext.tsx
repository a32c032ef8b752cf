/**
 * The services a screen needs (the device database, the officer's session on
 * this phone and the platform ports), provided once by the composition root so
 * tests can pass fakes.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Platform } from '../platform';
import type { KuaichuDb, SessionStore } from '../storage';

export interface Services {
  db: KuaichuDb;
  platform: Platform;
  /** Read by capture too (whose case it is), so it is not in the lazy sync chunk. */
  session: SessionStore;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
