import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/ServicesContext';
import { useSync, useSyncState, type SyncServices } from '../../services/SyncContext';
import { useSession } from '../../services/useSession';
import { useCaseList } from '../../services/useCase';
import { OtherOfficersNote } from '../../services/OtherOfficersNote';
import { reasonText } from '../../services/failure-reasons';
import { retryCase } from '../../storage';
import { readCaseStatuses, readOutboxTotals, signOut } from '../../sync';
import { formatBytes, formatTime } from '../../ui/format';
import { Link } from '../../ui/router';
import { useOnline } from '../../ui/useOnline';
import { ExportPanel } from './ExportPanel';
import { age, statusText } from './status-text';
import './outbox.css';

export function OutboxScreen() {
  const { t } = useTranslation();
  const sync = useSync();
  return sync ? <Outbox sync={sync} /> : <p role="status">{t('app.loading')}</p>;
}

function Outbox({ sync }: { sync: SyncServices }) {
  const { t, i18n } = useTranslation();
  const { db, platform } = useServices();
  const { runner, api, session } = sync;
  const state = useSyncState();
  const sessionState = useSession();
  const cases = useCaseList();
  const totals = useLiveQuery(() => readOutboxTotals(db, Date.now()), [db, state]);
  const online = useOnline();
  const statuses = useLiveQuery(() => readCaseStatuses(db, state, online), [db, state, online]);
  // Without a network nothing moves, whatever a drain started before says.
  const phase = state.phase === 'sending' && !online ? 'offline' : state.phase;
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const [signedOutKept, setSignedOutKept] = useState<number | null>(null);
  // The warning counts this officer's unsent cases, not other officers' on a shared phone.
  const ownUnsent = cases?.cases.filter((c) => statuses?.get(c.id)?.kind !== 'sent').length ?? 0;

  const doSignOut = async () => {
    const r = await signOut({ db, api, session });
    setConfirmSignOut(false);
    setSignedOutKept(r.unsentCases);
  };

  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('outbox.title')}</h1>
      <SessionPanel
        state={sessionState}
        lng={i18n.language}
        onSignOut={() => (ownUnsent > 0 ? setConfirmSignOut(true) : void doSignOut())}
      />
      {confirmSignOut && (
        <div className="notice warn" role="alertdialog" aria-labelledby="signout-warn">
          <p id="signout-warn">{t('auth.signOutWarn', { count: ownUnsent })}</p>
          <div className="row">
            <button type="button" className="button primary" onClick={() => void doSignOut()}>
              {t('auth.signOutConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmSignOut(false)}>
              {t('auth.cancel')}
            </button>
          </div>
        </div>
      )}
      {signedOutKept !== null && (
        <p className="notice" role="status">
          {t('auth.signedOutKept', { count: signedOutKept })}
        </p>
      )}
      <dl className="facts totals" data-testid="outbox-totals">
        <dt>{t('outbox.unsentCases')}</dt>
        <dd data-testid="unsent-cases">{totals?.unsentCases ?? 0}</dd>
        <dt>{t('outbox.unsentBytes')}</dt>
        <dd>{formatBytes(totals?.unsentBytes ?? 0)}</dd>
        <dt>{t('outbox.oldest')}</dt>
        <dd>
          {totals?.oldestUnsentAgeMs !== undefined
            ? age(t, totals.oldestUnsentAgeMs)
            : t('outbox.none')}
        </dd>
        <dt>{t('outbox.needsAttention')}</dt>
        <dd>{totals?.needsAttention ?? 0}</dd>
      </dl>
      {cases && <OtherOfficersNote others={cases.others} />}
      <p
        role="status"
        aria-live="polite"
        data-testid="sync-phase"
        className={`phase phase-${phase}`}
      >
        {t(`outbox.phase.${phase}`)}
        {state.lastError && (
          <span className="muted">
            {' '}
            {t('outbox.lastError', {
              reason: reasonText(t, state.lastError.reason),
              time: formatTime(state.lastError.at, i18n.language),
            })}
          </span>
        )}
        {state.nextWakeAt && phase !== 'sending' && (
          <span className="muted">
            {' '}
            {t('outbox.nextTry', { time: formatTime(state.nextWakeAt, i18n.language) })}
          </span>
        )}
      </p>
      <button
        type="button"
        className="button primary block"
        onClick={() => void runner.drainNow('send-now')}
        disabled={phase === 'sending'}
      >
        {phase === 'sending' ? t('outbox.sendingNow') : t('outbox.sendNow')}
      </button>
      <h2>{t('outbox.cases')}</h2>
      {cases && cases.cases.length === 0 && <p className="muted">{t('outbox.empty')}</p>}
      <ul className="outbox-list" data-testid="outbox-list">
        {cases?.cases.map((c) => {
          const s = statuses?.get(c.id);
          return (
            <li key={c.id} data-case={c.id} data-status={s?.kind ?? 'saved-on-phone'}>
              <Link href={`/cases/${c.id}`}>{c.caseNumber}</Link>
              <span className={`badge sync-${s?.kind ?? 'saved-on-phone'}`}>
                {s ? statusText(t, s, i18n.language) : t('outbox.status.saved-on-phone')}
              </span>
              {s?.kind === 'needs-attention' && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    void retryCase(db, c.id, platform.clock.now()).then(() =>
                      runner.drainNow('retry'),
                    )
                  }
                >
                  {t('outbox.retry')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <ExportPanel onImported={() => void runner.drainNow('import')} />
    </section>
  );
}

function SessionPanel(props: {
  state: ReturnType<typeof useSession>;
  lng: string;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  const { state } = props;
  if (!state) return null;
  if (state.kind === 'active') {
    return (
      <div className="notice ok session-panel" data-testid="session-panel">
        <p>{t('auth.signedInAs', { name: state.session.user.displayName })}</p>
        <p className="muted">
          {t('auth.shiftEnds', { time: formatTime(state.shiftEndsAt, props.lng) })}
        </p>
        <button type="button" className="button" onClick={props.onSignOut}>
          {t('auth.signOut')}
        </button>
      </div>
    );
  }
  return (
    <div className="notice warn session-panel" data-testid="session-panel">
      <p>{state.kind === 'expired' ? t(`auth.expired.${state.why}`) : t('auth.signedOut')}</p>
      <Link href="/signin" className="button primary">
        {t('outbox.signInToSend')}
      </Link>
    </div>
  );
}
