/** What the admin's screens show while the server is asked, and when it could not answer. */
import { useTranslation } from 'react-i18next';
import type { AdminFailure } from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import { ErrorNotice, Notice } from '../../ui/Notice';

export function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('admin.loading')}</p>;
}

export function LoadFailure({ failure, onRetry }: { failure: AdminFailure; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <Notice as="div" tone="warn" role="alert">
      <p>{t(`admin.failure.${failure}`)}</p>
      <Button onClick={onRetry}>{t('admin.retry')}</Button>
    </Notice>
  );
}

export interface SaveEndProps {
  /** Why the server did not save, or nothing. */
  failure: AdminFailure | undefined;
  /** What the polite status says once saved (empty before). */
  saved: string | false | undefined;
  savedTestId: string;
  saving: boolean;
  /** The button's visible words, and while saving. */
  save: string;
  savingText: string;
  /** The button's accessible name (it starts with its visible words). */
  label: string;
}

/** The end of a settings form: the server's refusal, the saved status, the save button. */
export function SaveEnd(p: SaveEndProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorNotice error={p.failure ? t(`admin.failure.${p.failure}`) : null} />
      <p role="status" data-testid={p.savedTestId}>
        {p.saved}
      </p>
      <Button type="submit" variant="primary" block disabled={p.saving} aria-label={p.label}>
        {p.saving ? p.savingText : p.save}
      </Button>
    </>
  );
}
