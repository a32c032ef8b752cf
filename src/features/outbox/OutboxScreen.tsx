/**
 * Sending (`/outbox`): who is signed in and until when, what waits to be
 * sent, where sending stands, "Send now", each case's status (with "try
 * again" where it needs attention), and the export/import escape hatch.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../services/failure-reasons';
import { useSendNow, useSignOut } from '../../services/useAccount';
import { useWhenReady } from '../../services/useWhenReady';
import { useCaseList } from '../../services/useCase';
import { useSession } from '../../services/useSession';
import { useSync, useSyncState } from '../../services/SyncContext';
import {
  useCaseStatuses,
  useOutboxTotals,
  useRetryCase,
  useRevocation,
  type CaseSyncStatus,
} from '../../services/useSyncStatus';
import { Button, ButtonLink } from '../../ui/Button';
import { formatBytes, formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { OtherOfficersNote } from '../../ui/OtherOfficersNote';
import { Page } from '../../ui/Page';
import { Link } from '../../ui/router';
import { useOnline } from '../../ui/useOnline';
import { ExportPanel } from './ExportPanel';
import { age, statusText } from './status-text';
import './outbox.css';

export function OutboxScreen() {
  const { t } = useTranslation();
  const sync = useSync();
  return sync ? <Outbox /> : <p role="status">{t('app.loading')}</p>;
}

function Outbox() {
  const { t } = useTranslation();
  const cases = useCaseList();
  const statuses = useCaseStatuses();
  const sendNow = useSendNow();
  // The warning counts this officer's unsent cases, not other officers' on a shared phone;
  // unknown (and sign-out not offered) until both the cases and their statuses are read,
  // so a sign-out is never asked about, or let through, on half-read numbers.
  const ownUnsent =
    cases && statuses
      ? cases.cases.filter((c) => statuses.get(c.id)?.kind !== 'sent').length
      : undefined;

  return (
    <Page titleId="outbox-title" title={t('outbox.title')}>
      <SessionControl ownUnsent={ownUnsent} />
      <RevokedNotice />
      <Totals />
      {cases && <OtherOfficersNote others={cases.others} />}
      <SyncPhase />
      <h2>{t('outbox.cases')}</h2>
      {cases && cases.cases.length === 0 && <p className="muted">{t('outbox.empty')}</p>}
      <ul className="outbox-list" data-testid="outbox-list">
        {cases?.cases.map((c) => (
          <CaseRow key={c.id} id={c.id} caseNumber={c.caseNumber} status={statuses?.get(c.id)} />
        ))}
      </ul>
      <ExportPanel onImported={() => sendNow('import')} />
    </Page>
  );
}

/** After an admin revoked the phone: what was sent and wiped, what stays to export. */
function RevokedNotice() {
  const { t, i18n } = useTranslation();
  const state = useSession();
  const revoked = useRevocation(
    state && state.kind !== 'signed-out' ? state.session.user.id : undefined,
  );
  if (!revoked) return null;
  return (
    <Notice as="div" tone="warn" role="status" data-testid="revoked-notice">
      <p>
        {t('outbox.revoked', {
          time: formatTime(revoked.at, i18n.language),
          wiped: revoked.wiped,
        })}
      </p>
      {revoked.kept > 0 && <p>{t('outbox.revokedKept', { kept: revoked.kept })}</p>}
    </Notice>
  );
}

/** The session panel, and signing out (asking first while own cases are unsent). */
function SessionControl({ ownUnsent }: { ownUnsent: number | undefined }) {
  const { t, i18n } = useTranslation();
  const sessionState = useSession();
  // Null while the sync code loads: a tap then waits for it rather than doing nothing.
  const whenReady = useWhenReady(useSignOut());
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const [signedOutKept, setSignedOutKept] = useState<number | null>(null);

  const doSignOut = () =>
    whenReady(async (signOut) => {
      const r = await signOut();
      setConfirmSignOut(false);
      setSignedOutKept(r.unsentCases);
    });
  return (
    <>
      <SessionPanel
        state={sessionState}
        lng={i18n.language}
        onSignOut={
          ownUnsent === undefined
            ? undefined
            : () => (ownUnsent > 0 ? setConfirmSignOut(true) : doSignOut())
        }
      />
      {confirmSignOut && (
        <Notice as="div" tone="warn" role="alertdialog" aria-labelledby="signout-warn">
          <p id="signout-warn">{t('auth.signOutWarn', { count: ownUnsent ?? 0 })}</p>
          <div className="row">
            <Button variant="primary" onClick={() => doSignOut()}>
              {t('auth.signOutConfirm')}
            </Button>
            <Button onClick={() => setConfirmSignOut(false)}>{t('auth.cancel')}</Button>
          </div>
        </Notice>
      )}
      {signedOutKept !== null && (
        <Notice role="status">{t('auth.signedOutKept', { count: signedOutKept })}</Notice>
      )}
    </>
  );
}

function Totals() {
  const { t } = useTranslation();
  const totals = useOutboxTotals();
  return (
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
  );
}

/** Where sending stands (its last failure, its next try) and "Send now". */
function SyncPhase() {
  const { t, i18n } = useTranslation();
  const state = useSyncState();
  const online = useOnline();
  const sendNow = useSendNow();
  // Without a network nothing moves, whatever a drain started before says.
  const phase = state.phase === 'sending' && !online ? 'offline' : state.phase;
  return (
    <>
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
      <Button
        variant="primary"
        block
        onClick={() => sendNow('send-now')}
        disabled={phase === 'sending'}
      >
        {phase === 'sending' ? t('outbox.sendingNow') : t('outbox.sendNow')}
      </Button>
    </>
  );
}

function CaseRow({
  id,
  caseNumber,
  status,
}: {
  id: string;
  caseNumber: string;
  status: CaseSyncStatus | undefined;
}) {
  const { t, i18n } = useTranslation();
  const retry = useRetryCase();
  return (
    <li data-case={id} data-status={status?.kind ?? 'saved-on-phone'}>
      <Link href={`/cases/${id}`}>{caseNumber}</Link>
      <span className={`badge sync-${status?.kind ?? 'saved-on-phone'}`}>
        {status ? statusText(t, status, i18n.language) : t('outbox.status.saved-on-phone')}
      </span>
      {status?.kind === 'needs-attention' && (
        <Button onClick={() => void retry(id)}>{t('outbox.retry')}</Button>
      )}
    </li>
  );
}

function SessionPanel(props: {
  state: ReturnType<typeof useSession>;
  lng: string;
  /** Absent while the unsent count is still being read: the button waits. */
  onSignOut: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const { state } = props;
  if (!state) return null;
  if (state.kind === 'active') {
    return (
      <Notice as="div" tone="ok" className="session-panel" data-testid="session-panel">
        <p>{t('auth.signedInAs', { name: state.session.user.displayName })}</p>
        <p className="muted">
          {t('auth.shiftEnds', { time: formatTime(state.shiftEndsAt, props.lng) })}
        </p>
        <Button onClick={props.onSignOut} disabled={props.onSignOut === undefined}>
          {t('auth.signOut')}
        </Button>
      </Notice>
    );
  }
  return (
    <Notice as="div" tone="warn" className="session-panel" data-testid="session-panel">
      <p>{state.kind === 'expired' ? t(`auth.expired.${state.why}`) : t('auth.signedOut')}</p>
      <ButtonLink href="/signin" variant="primary">
        {t('outbox.signInToSend')}
      </ButtonLink>
    </Notice>
  );
}
