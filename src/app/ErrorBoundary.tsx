import { Component, type ReactNode } from 'react';
import { shellText as t } from '../ui/i18n/shell-words';

/** Catches a screen's crash: the data on the phone is untouched, so say so. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice error" role="alert">
        <p>{t('errors.unexpected')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    );
  }
}
