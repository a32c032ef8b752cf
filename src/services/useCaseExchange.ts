/**
 * The escape hatch (RELIABILITY.md rule 8), for screens: the officer's cases
 * out to a file (the unsent ones, or all), and such a file in, queued for
 * sending like a local case. Both work offline.
 */
import { exportUnsent, importExportFile, type ImportReport } from '../storage';
import { useServices } from './ServicesContext';
import { officerOf } from './officer-view';

export type { ImportReport };

export function useCaseExchange() {
  const { db, platform, session } = useServices();
  return {
    /** The bundle of this officer's cases (and unclaimed ones) with their photos. */
    exportCases: async (scope: 'all' | 'unsent') =>
      exportUnsent(db, {
        at: platform.clock.now(),
        appVersion: __APP_VERSION__,
        scope,
        onlyFor: { officerId: officerOf(await session.state())?.id },
      }),
    /** Imports an export file's text: a report, or the file's refusal. */
    importFile: (text: string) => importExportFile(db, text, platform.clock.now()),
  };
}
