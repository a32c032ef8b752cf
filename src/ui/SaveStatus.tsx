/**
 * Where a form's write-through stands: "saving…", "saved on this phone" (a
 * polite status the browser tests read as `save-status`), or the failure in
 * words as an alert.
 */
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './Notice';

/** Idle until the first edit; an error holds until the next write starts. */
export type SaveState = 'idle' | 'saving' | 'saved' | { error: string };

export function SaveStatus({ status, saved }: { status: SaveState; saved?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status" aria-live="polite" className="save-status" data-testid="save-status">
        {status === 'saving' && t('app.saving')}
        {status === 'saved' && (saved ?? t('app.saved'))}
      </p>
      <ErrorNotice error={typeof status === 'object' ? status.error : null} />
    </>
  );
}
