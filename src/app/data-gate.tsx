/**
 * The case database (Dexie, the repositories and their schemas) is not in the
 * first chunk: the shell and the case list's frame paint first, and whatever
 * reads the phone's data waits here for its code to load and the database to
 * be made. The load starts once, once the first screen has painted (main.tsx,
 * later.ts), and is shared by every gate; a gate shows its Suspense
 * boundary's fallback until then.
 */
import { use, type ReactNode } from 'react';
import {
  ServicesProvider,
  useShell,
  type Services,
  type ShellServices,
} from '../services/ServicesContext';
import { afterFirstPaint, nextTask } from './later';

let loading: Promise<Services> | undefined;

/** Every service, once the database's code has loaded (loaded once). */
export function loadServices(shell: ShellServices): Promise<Services> {
  loading ??= afterFirstPaint()
    .then(() =>
      Promise.all([
        // Asked for with the rest, each library's module evaluates in a task
        // of its own as soon as it has come, instead of inside one long task
        // with the whole database chunk once its last module has.
        import('zod/mini'),
        import('dexie'),
        import('../storage/db'),
        import('../storage/sealed-tables'),
        import('../storage/photo-seal'),
        import('../services/vault-session'),
      ]),
    )
    .then(async ([, , db0, sealing, { attachPhotoKeys }, { createVaultSession }]) => {
      const { createDb } = db0;
      const { sealedTables, PHONE_SEALED_TABLES } = sealing;
      await nextTask();
      // Whether the phone seals is read before the database opens (encryption at rest).
      const vault = createVaultSession();
      await vault.init();
      const db = createDb();
      db.use(sealedTables(PHONE_SEALED_TABLES, vault));
      attachPhotoKeys(db, vault);
      return { ...shell, db, vault };
    });
  return loading;
}

/** Its children, with the database; suspends until it has loaded. */
export function WithData({ children }: { children: ReactNode }) {
  const services = use(loadServices(useShell()));
  return <ServicesProvider services={services}>{children}</ServicesProvider>;
}
