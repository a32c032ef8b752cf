/**
 * The escape hatch (RELIABILITY.md rule 8), for screens: the officer's cases
 * out to a file (the unsent ones, or all), and such a file in, queued for
 * sending like a local case. Both work offline.
 *
 * On a phone that seals (issue 18) with the officer's key open, the file is
 * sealed with it (export-seal.ts): it opens with his escrow key when he is
 * signed in online on the importing phone, or else with his PIN, typed. A
 * phone that seals but is locked (nobody signed in) exports in clear only
 * what it holds in clear: a sealed row does not read, and is left out. A
 * clear file, from a phone that does not seal, imports as before.
 */
import {
  bundleJsonParts,
  exportFileName,
  looksSealed,
  parseExportText,
  type ExportRefusal,
} from '../domain';
import {
  exportUnsent,
  importExportFile,
  type ExportOutcome,
  type ImportReport,
  type ImportResult,
} from '../storage';
import { openExport, sealedFileOfficer, sealExport } from './export-seal';
import { useServices } from './ServicesContext';
import { officerOf } from './officer-view';
import { useEscrowKeyOf } from './useVault';

export type { ImportReport };

/** The file to save: its bytes, its name, and whether it is sealed. */
export type ExportFile = { blob: Blob; name: string; sealed: boolean };

/**
 * A sealed file that did not open: `needs-pin` — nothing could open it
 * without the exporting officer's PIN; `wrong-pin` — the PIN typed is not his.
 */
export type SealedRefusal = { ok: false; reason: 'needs-pin' | 'wrong-pin' };

export type ExchangeImportResult = ImportResult | SealedRefusal;

export function isSealedRefusal(r: ExchangeImportResult): r is SealedRefusal {
  return !r.ok && (r.reason === 'needs-pin' || r.reason === 'wrong-pin');
}

export function useCaseExchange() {
  const { db, platform, session, vault } = useServices();
  const escrowKeyOf = useEscrowKeyOf();
  return {
    /** This officer's cases (and unclaimed ones) with their photos, and the file of them. */
    exportCases: async (
      scope: 'all' | 'unsent',
    ): Promise<ExportOutcome & { file: ExportFile | null }> => {
      const outcome = await exportUnsent(db, {
        at: platform.clock.now(),
        appVersion: __APP_VERSION__,
        scope,
        onlyFor: { officerId: officerOf(await session.state())?.id },
      });
      const { bundle } = outcome;
      if (bundle.cases.length === 0) return { ...outcome, file: null };
      const key = vault?.sealing() ? vault.exportKey() : null;
      const blob = key
        ? new Blob([JSON.stringify(await sealExport(key, bundle))], { type: 'application/json' })
        : new Blob(bundleJsonParts(bundle), { type: 'application/json' });
      return { ...outcome, file: { blob, name: exportFileName(bundle), sealed: key !== null } };
    },
    /**
     * Imports an export file's text: a report, or the file's refusal. A
     * sealed file is opened with `pin` when given, else with the escrow key
     * of its officer when he is the one signed in and online.
     */
    importFile: async (text: string, pin?: string): Promise<ExchangeImportResult> => {
      const at = platform.clock.now();
      const parsed = parseExportText(text);
      if (!parsed.ok || !looksSealed(parsed.value)) return importExportFile(db, text, at);
      let opened;
      if (pin !== undefined) {
        opened = await openExport(parsed.value, { pin });
        if (!opened.ok && opened.reason === 'wrong-key') return { ok: false, reason: 'wrong-pin' };
      } else {
        const officerId = sealedFileOfficer(parsed.value);
        const escrowRaw = officerId === null ? null : await escrowKeyOf(officerId);
        // Not a well-formed sealed file: openExport says why, before any key is tried.
        if (officerId !== null && escrowRaw === null) return { ok: false, reason: 'needs-pin' };
        opened = await openExport(parsed.value, escrowRaw ? { escrowRaw } : { pin: '' });
        if (!opened.ok && opened.reason === 'wrong-key') return { ok: false, reason: 'needs-pin' };
      }
      if (!opened.ok) {
        const refusal: ExportRefusal = {
          ok: false,
          reason: opened.reason as 'invalid' | 'newer-version',
        };
        return opened.detail === undefined ? refusal : { ...refusal, detail: opened.detail };
      }
      return importExportFile(db, opened.text, at);
    },
  };
}
