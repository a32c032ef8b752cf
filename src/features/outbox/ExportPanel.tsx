/**
 * The escape hatch (RELIABILITY.md rule 8): unsent cases with their photos
 * out to a file the officer can hand over, and such a file in, on another
 * phone or at the station, where it is queued for sending like a local case.
 * Both work offline: the file is made in the page and saved by `<a download>`.
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ExportRefusal } from '../../domain';
import { isQuotaError, useSaveErrorText } from '../../services/save-error';
import {
  isSealedRefusal,
  useCaseExchange,
  type ImportReport,
} from '../../services/useCaseExchange';
import { Button } from '../../ui/Button';
import { Check } from '../../ui/Field';
import { formatBytes } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { saveFile } from '../../ui/save-file';
import { SealedImportForm, type PendingFile } from './SealedImportForm';

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

/** Export and import, each reporting what it did in a note. */
function useExchange(onImported: () => void) {
  const { t } = useTranslation();
  const exchange = useCaseExchange();
  const saveErrorText = useSaveErrorText();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [note, setNote] = useState<Note>(null);

  const doExport = async (includeSent: boolean) => {
    setBusy('export');
    setNote(null);
    try {
      const { bundle, photoBytes, leftOut, file } = await exchange.exportCases(
        includeSent ? 'all' : 'unsent',
      );
      const lines: string[] = [];
      if (!file) {
        lines.push(
          t(includeSent ? 'outbox.exchange.nothingAtAll' : 'outbox.exchange.nothingToExport'),
        );
      } else {
        saveFile(file.blob, file.name);
        lines.push(
          t('outbox.exchange.exported', {
            count: bundle.cases.length,
            photos: bundle.cases.reduce((n, c) => n + c.photos.length, 0),
            size: formatBytes(file.blob.size),
            photoSize: formatBytes(photoBytes),
            file: file.name,
          }),
        );
        if (file.sealed) lines.push(t('outbox.exchange.exportedSealed'));
      }
      if (leftOut.length > 0) lines.push(t('outbox.exchange.leftOut', { count: leftOut.length }));
      setNote({ tone: leftOut.length > 0 ? 'warn' : 'ok', lines });
    } catch (err) {
      setNote({ tone: 'error', lines: [t('outbox.exchange.failed', { reason: message(err) })] });
    } finally {
      setBusy(null);
    }
  };

  const [pending, setPending] = useState<PendingFile | null>(null);

  /** Imports a file's text; a sealed one that needs the PIN waits for it in `pending`. */
  const doImport = async (file: PendingFile, pin?: string) => {
    setBusy('import');
    setNote(null);
    try {
      const result = await exchange.importFile(file.text, pin);
      if (isSealedRefusal(result)) {
        setPending(file);
        if (result.reason === 'wrong-pin') {
          setNote({ tone: 'error', lines: [t('outbox.exchange.sealed.wrongPin')] });
        }
        return;
      }
      setPending(null);
      if (result.ok) {
        const warn = result.value.skipped.length > 0 || result.value.unverified.length > 0;
        setNote({ tone: warn ? 'warn' : 'ok', lines: reportLines(t, result.value) });
        if (result.value.imported.length > 0) onImported();
      } else {
        const reason = refusalText(t, result);
        setNote({
          tone: 'error',
          lines: [t('outbox.exchange.refused', { file: file.name, reason })],
        });
      }
    } catch (err) {
      setPending(null);
      // A full phone says so in the words every other save uses (and blocks new cases).
      const reason = isQuotaError(err) ? await saveErrorText(err) : message(err);
      setNote({ tone: 'error', lines: [t('outbox.exchange.failed', { reason })] });
    } finally {
      setBusy(null);
    }
  };
  const doImportFile = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setNote({ tone: 'error', lines: [t('outbox.exchange.failed', { reason: message(err) })] });
      return;
    }
    await doImport({ name: file.name, text });
  };
  return { busy, note, pending, setPending, doExport, doImport, doImportFile };
}

export function ExportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [includeSent, setIncludeSent] = useState(false);
  const { busy, note, pending, setPending, doExport, doImport, doImportFile } =
    useExchange(onImported);

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    void doImportFile(file).finally(() => {
      input.value = '';
    });
  };

  return (
    <Section
      titleId="exchange-title"
      title={t('outbox.exchange.title')}
      className="exchange"
      data-testid="exchange"
    >
      <p className="muted">{t('outbox.exchange.hint')}</p>
      <Check
        className="radio"
        label={t('outbox.exchange.includeSent')}
        checked={includeSent}
        onCheck={setIncludeSent}
      />
      <Button block onClick={() => void doExport(includeSent)} disabled={busy !== null}>
        {busy === 'export' ? t('outbox.exchange.exporting') : t('outbox.exchange.export')}
      </Button>
      <label className="button block file-button">
        {busy === 'import' ? t('outbox.exchange.importing') : t('outbox.exchange.import')}
        <input
          type="file"
          accept=".json,application/json"
          onChange={pick}
          disabled={busy !== null}
          data-testid="import-file"
        />
      </label>
      {pending && (
        <SealedImportForm
          file={pending}
          busy={busy !== null}
          onPin={(pin) => void doImport(pending, pin)}
          onCancel={() => setPending(null)}
        />
      )}
      {note && (
        <Notice
          as="div"
          tone={note.tone}
          role={note.tone === 'error' ? 'alert' : 'status'}
          data-testid="exchange-result"
        >
          {note.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Notice>
      )}
    </Section>
  );
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
