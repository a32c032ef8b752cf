import { useState } from 'react';
import { useShellT } from '../ui/i18n/shell-words';

/** A new version waits: the officer decides when to switch (never mid-case). */
export function UpdateBanner({ onAccept }: { onAccept: () => void }) {
  const { t } = useShellT();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <div
      className="update-banner"
      role="region"
      aria-label={t('app.updateReady')}
      data-testid="update-banner"
    >
      <p>{t('app.updateReady')}</p>
      <div className="row">
        <button type="button" className="button primary" onClick={onAccept}>
          {t('app.updateNow')}
        </button>
        <button type="button" className="button" onClick={() => setDismissed(true)}>
          {t('app.updateLater')}
        </button>
      </div>
    </div>
  );
}
