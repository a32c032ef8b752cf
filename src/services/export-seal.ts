/**
 * The export file sealed on a phone that seals (issue 18), and opened again
 * on import. Why the officer's own data key, wrapped by his PIN and his
 * escrow key, and what stays clear: src/domain/export/sealed-file.ts.
 *
 * The sealed value is the clear export file's text, whole: its manifest hash
 * and every photo's SHA-256 are over the plain bytes, as before, and are
 * checked on import once the file is open.
 */
import {
  bundleJsonParts,
  readSealedExport,
  sealedExportFile,
  sealedExportPlace,
  type ExportBundle,
  type SealedExportFile,
  type SealedExportParts,
} from '../domain';
import { open, seal, SealError } from '../platform/vault/crypto';
import {
  unlockWithEscrow,
  unlockWithPin,
  type Keyring,
  type Unlocked,
} from '../platform/vault/keyring';

type Bytes = Uint8Array<ArrayBuffer>;

/** The open officer's key as sealing needs it: his keyring (wrapped copies) and the data key. */
export type ExportKey = Pick<Unlocked, 'keyring' | 'dataKey'>;

/** The clear export file sealed whole with the officer's data key. */
export async function sealExport(key: ExportKey, bundle: ExportBundle): Promise<SealedExportFile> {
  const plain = new Uint8Array(await new Blob(bundleJsonParts(bundle)).arrayBuffer());
  const { keyring } = key;
  const place = sealedExportPlace(keyring.officerId, bundle.exportedAt);
  return sealedExportFile({
    exportedAt: bundle.exportedAt,
    officerId: keyring.officerId,
    salt: keyring.salt,
    iterations: keyring.iterations,
    byPin: keyring.byPin,
    byEscrow: keyring.byEscrow,
    sealed: await seal(key.dataKey, plain, place),
  });
}

/** How the receiving side opens a sealed file: the exporting officer's PIN, or his escrow key. */
export type ExportOpener = { pin: string } | { escrowRaw: Bytes };

export type OpenedExport =
  | { ok: true; text: string }
  /** `wrong-key`: the PIN (or escrow key) is not the one the file was sealed under. */
  | { ok: false; reason: 'wrong-key' | 'invalid' | 'newer-version'; detail?: string };

function keyringOf(parts: SealedExportParts): Keyring {
  return {
    schemaVersion: 1,
    officerId: parts.officerId,
    salt: parts.salt,
    iterations: parts.iterations,
    byPin: parts.byPin,
    byEscrow: parts.byEscrow,
  };
}

/** The clear file's text of a parsed sealed file, or why it does not open. */
export async function openExport(input: unknown, opener: ExportOpener): Promise<OpenedExport> {
  const read = readSealedExport(input);
  if (!read.ok) return read;
  const parts = read.value;
  const keyring = keyringOf(parts);
  const unlocked =
    'pin' in opener
      ? await unlockWithPin(keyring, opener.pin)
      : await unlockWithEscrow(keyring, opener.escrowRaw);
  if (!unlocked) return { ok: false, reason: 'wrong-key' };
  unlocked.raw.fill(0);
  try {
    const plain = await open(
      unlocked.dataKey,
      parts.sealed,
      sealedExportPlace(parts.officerId, parts.exportedAt),
    );
    return { ok: true, text: new TextDecoder().decode(plain) };
  } catch (err) {
    // The key opened but the value does not: changed, cut short, or its header edited.
    if (err instanceof SealError) return { ok: false, reason: 'invalid', detail: err.reason };
    throw err;
  }
}

/** The officer a sealed file belongs to (to try his escrow key when he is the one signed in). */
export function sealedFileOfficer(input: unknown): string | null {
  const read = readSealedExport(input);
  return read.ok ? read.value.officerId : null;
}
