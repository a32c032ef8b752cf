/** What the admin's screens show while the server is asked, and when it could not answer. */
import { useTranslation } from 'react-i18next';
import type { AdminFailure } from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

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
