/**
 * The party's own page (`/confirm#k1.…`), opened from the officer's QR code
 * with any phone's camera: the determination's summary and its check code
 * (the SHA-256 the PDF prints) read from the link's fragment, so it shows
 * offline once the app has been loaded, with no sign-in and nothing read
 * from or written to the phone's database. Online, the party says which
 * vehicle they are with and confirms; the server records it against the
 * case's current determination.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeConfirmFragment, type ConfirmSummary } from '../../domain/case/party-confirm';
import { usePartyConfirm, type PartyConfirmState } from '../../services/usePartyConfirm';
import { Button } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { LanguageChoice } from '../../ui/LanguageChoice';
import { Notice } from '../../ui/Notice';
import { Page, Section } from '../../ui/Page';
import { useOnline } from '../../ui/useOnline';
import './confirm.css';

/** The address's fragment, followed as it changes (a second scan in the same tab). */
function useFragment(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return hash;
}

export function ConfirmScreen() {
  const { t } = useTranslation();
  const fragment = useFragment();
  const read = useMemo(() => decodeConfirmFragment(fragment), [fragment]);
  return (
    <Page titleId="confirm-title" title={t('confirm.title')} className="confirm-page">
      {read.ok ? (
        <Summary key={fragment} s={read.value} />
      ) : (
        <Notice tone="error" role="alert" data-testid="confirm-bad-link">
          {t(`confirm.bad.${read.reason}`, { part: read.detail ?? '' })}
        </Notice>
      )}
      <LanguageChoice />
    </Page>
  );
}

function Summary({ s }: { s: ConfirmSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p>{t('confirm.intro')}</p>
      <dl className="confirm-facts">
        <dt>{t('confirm.caseNumber')}</dt>
        <dd>{s.caseNumber}</dd>
        <dt>{t('confirm.occurredAt')}</dt>
        <dd>{formatTime(s.occurredAt, i18n.language)}</dd>
        {s.place && (
          <>
            <dt>{t('confirm.place')}</dt>
            <dd>{s.place}</dd>
          </>
        )}
      </dl>
      <Section titleId="confirm-vehicles" title={t('confirm.vehicles')}>
        <ul className="confirm-vehicles" data-testid="confirm-vehicles">
          {s.vehicles.map((v) => (
            <li key={v.label}>{vehicleLine(t, v)}</li>
          ))}
        </ul>
      </Section>
      <CheckCode sha256={s.sha256} />
      <ConfirmForm s={s} />
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function vehicleLine(t: T, v: ConfirmSummary['vehicles'][number]): string {
  const liability = v.liability ? t(`confirm.level.${v.liability}`) : t('confirm.noLiability');
  return t('confirm.vehicle', { label: v.label, plate: v.plate, liability });
}

/** The hash to keep: shown whole, and copied on a tap where the browser allows it. */
function CheckCode({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sha256);
      setCopied('copied');
    } catch {
      setCopied('copyFailed');
    }
  };
  return (
    <Section titleId="confirm-hash-title" title={t('confirm.hash')}>
      <p className="muted" id="confirm-hash-hint">
        {t('confirm.hashHint')}
      </p>
      <code className="confirm-hash" data-testid="confirm-hash">
        {sha256}
      </code>
      <Button onClick={() => void copy()}>{t('confirm.copy')}</Button>
      <p role="status" className="muted">
        {copied && t(`confirm.${copied}`)}
      </p>
    </Section>
  );
}

function ConfirmForm({ s }: { s: ConfirmSummary }) {
  const { t } = useTranslation();
  const online = useOnline();
  const [vehicle, setVehicle] = useState<string | null>(null);
  const { state, confirm } = usePartyConfirm();
  const send = () => {
    if (vehicle) void confirm({ caseId: s.caseId, sha256: s.sha256, vehicle });
  };
  return (
    <form
      className="confirm-form"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <fieldset className="field" disabled={state.kind === 'sending' || state.kind === 'done'}>
        <legend>{t('confirm.whoAmI')}</legend>
        {s.vehicles.map((v) => (
          <label key={v.label} className="radio">
            <input
              type="radio"
              name="confirm-vehicle"
              checked={vehicle === v.label}
              onChange={() => setVehicle(v.label)}
            />
            {`${v.label} ${v.plate}`}
          </label>
        ))}
      </fieldset>
      {!online && <p className="muted">{t('confirm.offlineHint')}</p>}
      <Button
        type="submit"
        variant="primary"
        block
        disabled={!vehicle || state.kind === 'sending' || state.kind === 'done'}
      >
        {state.kind === 'sending' ? t('confirm.sending') : t('confirm.send')}
      </Button>
      <Outcome state={state} />
    </form>
  );
}

function Outcome({ state }: { state: PartyConfirmState }) {
  const { t, i18n } = useTranslation();
  if (state.kind === 'failed') {
    return (
      <Notice tone="error" role="alert" data-testid="confirm-outcome">
        {t(`confirm.failed.${state.failure}`)}
      </Notice>
    );
  }
  const text =
    state.kind === 'done'
      ? t(state.value.already ? 'confirm.already' : 'confirm.done', {
          label: state.value.vehicle,
          time: formatTime(state.value.confirmedAt, i18n.language),
        })
      : '';
  return (
    <p role="status" data-testid="confirm-outcome" className={text ? 'notice ok' : undefined}>
      {text}
    </p>
  );
}
