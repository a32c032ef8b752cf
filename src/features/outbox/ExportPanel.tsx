/**
 * The escape hatch (RELIABILITY.md rule 8): unsent cases with their photos
 * out to a file the officer can hand over, and such a file in, on another
 * phone or at the station, where it is queued for sending like a local case.
 * Both work offline: the file is made in the page and saved by `<a download>`.
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { bundleJsonParts, exportFileName, type ExportRefusal } from '../../domain';
import { useServices } from '../../services/ServicesContext';
import { exportUnsent, importExportFile, type ImportReport } from '../../storage';
import { officerOf } from '../../services/useSession';
import { describeSaveError, isQuotaError } from '../../services/save-error';
import { formatBytes } from '../../ui/format';

type Note = { tone: 'ok' | 'warn' | 'error'; lines: string[] } | null;

export function refusalText(t: TFunction, r: ExportRefusal): string {
  return t(`outbox.exchange.refusals.${r.reason}`, {
    detail: r.detail ?? '',
    number: r.photo?.number ?? 0,
    caseNumber: r.photo?.caseNumber ?? '',
  });
}

function reportLines(t: TFunction, r: ImportReport): string[] {
  const lines: string[] = [];
  if (r.imported.length > 0) {
    lines.push(t('outbox.exchange.imported', { count: r.imported.length, photos: r.photos }));
  }
  for (const s of r.skipped) {
    lines.push(
      t('outbox.exchange.skipped', {
        caseNumber: s.caseNumber,
        reason: t(`outbox.exchange.skipReasons.${s.reason}`),
      }),
    );
  }
  if (r.unverified.length > 0) {
    lines.push(t('outbox.exchange.unverified', { count: r.unverified.length }));
  }
  if (lines.length === 0) lines.push(t('outbox.exchange.importedNothing'));
  return lines;
}

export function ExportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { db, session, platform } = useServices();
  const [includeSent, setIncludeSent] = useState(false);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [note, setNote] = useState<Note>(null);

  const doExport = async () => {
    setBusy('export');
    setNote(null);
    try {
      const { bundle, photoBytes, leftOut } = await exportUnsent(db, {
        at: platform.clock.now(),
        appVersion: __APP_VERSION__,
        scope: includeSent ? 'all' : 'unsent',
        onlyFor: { officerId: officerOf(await session.state())?.id },
      });
      const lines: string[] = [];
      if (bundle.cases.length === 0) {
        lines.push(
          t(includeSent ? 'outbox.exchange.nothingAtAll' : 'outbox.exchange.nothingToExport'),
        );
      } else {
        const blob = new Blob(bundleJsonParts(bundle), { type: 'application/json' });
        const file = exportFileName(bundle);
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = file;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        lines.push(
          t('outbox.exchange.exported', {
            count: bundle.cases.length,
            photos: bundle.cases.reduce((n, c) => n + c.photos.length, 0),
            size: formatBytes(blob.size),
            photoSize: formatBytes(photoBytes),
            file,
          }),
        );
      }
      if (leftOut.length > 0) lines.push(t('outbox.exchange.leftOut', { count: leftOut.length }));
      setNote({ tone: leftOut.length > 0 ? 'warn' : 'ok', lines });
    } catch (err) {
      setNote({ tone: 'error', lines: [t('outbox.exchange.failed', { reason: message(err) })] });
    } finally {
      setBusy(null);
    }
  };

  const doImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy('import');
    setNote(null);
    try {
      const result = await importExportFile(db, await file.text(), platform.clock.now());
      if (result.ok) {
        const warn = result.value.skipped.length > 0 || result.value.unverified.length > 0;
        setNote({ tone: warn ? 'warn' : 'ok', lines: reportLines(t, result.value) });
        if (result.value.imported.length > 0) onImported();
      } else {
        setNote({
          tone: 'error',
          lines: [
            t('outbox.exchange.refused', { file: file.name, reason: refusalText(t, result) }),
          ],
        });
      }
    } catch (err) {
      // A full phone says so in the words every other save uses (and blocks new cases).
      const reason = isQuotaError(err) ? await describeSaveError(err, db, t) : message(err);
      setNote({ tone: 'error', lines: [t('outbox.exchange.failed', { reason })] });
    } finally {
      input.value = '';
      setBusy(null);
    }
  };

  return (
    <section className="exchange" aria-labelledby="exchange-title" data-testid="exchange">
      <h2 id="exchange-title">{t('outbox.exchange.title')}</h2>
      <p className="muted">{t('outbox.exchange.hint')}</p>
      <label className="radio">
        <input
          type="checkbox"
          checked={includeSent}
          onChange={(e) => setIncludeSent(e.currentTarget.checked)}
        />
        {t('outbox.exchange.includeSent')}
      </label>
      <button
        type="button"
        className="button block"
        onClick={() => void doExport()}
        disabled={busy !== null}
      >
        {busy === 'export' ? t('outbox.exchange.exporting') : t('outbox.exchange.export')}
      </button>
      <label className="button block file-button">
        {busy === 'import' ? t('outbox.exchange.importing') : t('outbox.exchange.import')}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void doImport(e)}
          disabled={busy !== null}
          data-testid="import-file"
        />
      </label>
      {note && (
        <div
          className={`notice ${note.tone}`}
          role={note.tone === 'error' ? 'alert' : 'status'}
          data-testid="exchange-result"
        >
          {note.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </section>
  );
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
