/**
 * One insurer endpoint (`/admin/insurers/:insurerId/endpoints/:endpointId`):
 * what it is and its state, rotating its secret (the new one shown this
 * once), disabling or enabling it, and its deliveries.
 */
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../contracts/webhooks';
import {
  useEndpoint,
  useWebhookActions,
  type AdminFailure,
  type EndpointOf,
} from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page, Section } from '../../ui/Page';
import { countsText, endpointStateText } from './admin-format';
import { Deliveries } from './Deliveries';
import { checkOverlap, DEFAULT_OVERLAP_HOURS } from './endpoint-form';
import { SecretOnce } from './SecretOnce';
import { LoadFailure, Loading } from './shared';
import './admin.css';

type Row = readonly [label: string, value: string, className?: string];

function summaryRows(t: TFunction, lng: string, { insurer, endpoint: e }: EndpointOf): Row[] {
  const rows: (Row | false)[] = [
    insurer !== undefined && [t('admin.endpoint.insurer'), insurer.name],
    [t('admin.endpoint.url'), e.url, 'admin-url'],
    [t('admin.endpoint.description'), e.description ?? t('admin.delivery.noDescription')],
    [t('admin.endpoint.state'), endpointStateText(t, lng, e)],
    [
      t('admin.endpoint.private'),
      t(e.allowPrivate ? 'admin.endpoint.privateYes' : 'admin.endpoint.privateNo'),
    ],
    [t('admin.endpoint.created'), formatTime(e.createdAt, lng)],
    [t('admin.endpoint.counts'), countsText(t, e)],
    e.previousSecretUntil !== undefined && [
      t('admin.endpoint.overlap'),
      formatTime(e.previousSecretUntil, lng),
    ],
  ];
  return rows.filter((r): r is Row => r !== false);
}

function Summary({ of }: { of: EndpointOf }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts admin-facts" data-testid="endpoint-summary">
      {summaryRows(t, i18n.language, of).map(([label, value, className]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={className}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface PartProps {
  endpoint: WebhookEndpoint;
  onEndpoint(endpoint: WebhookEndpoint): void;
}

function RotatePart({ endpoint, onEndpoint }: PartProps) {
  const { t } = useTranslation();
  const { rotateSecret, sending } = useWebhookActions();
  const [hours, setHours] = useState(String(DEFAULT_OVERLAP_HOURS));
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<AdminFailure>();
  const [secret, setSecret] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const overlap = checkOverlap(hours);
    setInvalid(overlap === null);
    setFailure(undefined);
    if (overlap === null) return;
    const r = await rotateSecret(endpoint.id, overlap);
    if (!r.ok) return setFailure(r.failure);
    setSecret(r.value.secret);
    onEndpoint(r.value.endpoint);
  };
  return (
    <Section titleId="rotate-title" title={t('admin.rotate.title')}>
      <p>{t('admin.rotate.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="admin-form">
        <TextField
          id="rotate-hours"
          label={t('admin.rotate.hours')}
          hint={t('admin.rotate.hoursHint')}
          inputMode="numeric"
          value={hours}
          onValue={setHours}
          errors={invalid ? t('admin.rotate.hoursError') : null}
          urgent
        />
        <ErrorNotice error={failure && t(`admin.failure.${failure}`)} />
        <Button type="submit" disabled={sending}>
          {sending ? t('admin.rotate.submitting') : t('admin.rotate.submit')}
        </Button>
      </form>
      {secret && (
        <>
          <Notice tone="ok" role="status">
            {t('admin.rotate.done')}
          </Notice>
          <SecretOnce secret={secret} id="rotated-secret" level={3} />
        </>
      )}
    </Section>
  );
}

function EnablePart({ endpoint, onEndpoint }: PartProps) {
  const { t } = useTranslation();
  const { setEnabled, sending } = useWebhookActions();
  const [failure, setFailure] = useState<AdminFailure>();
  const [done, setDone] = useState<'enabled' | 'disabled'>();
  const enabled = !endpoint.disabled;
  const toggle = async () => {
    setFailure(undefined);
    const r = await setEnabled(endpoint.id, !enabled);
    if (!r.ok) return setFailure(r.failure);
    setDone(r.value.disabled ? 'disabled' : 'enabled');
    onEndpoint(r.value);
  };
  return (
    <Section titleId="enable-title" title={t('admin.enable.title')}>
      <p>{t(enabled ? 'admin.enable.enabledNote' : 'admin.enable.disabledNote')}</p>
      <ErrorNotice error={failure && t(`admin.failure.${failure}`)} />
      <Button
        variant={enabled ? 'danger' : 'primary'}
        disabled={sending}
        onClick={() => void toggle()}
      >
        {t(enabled ? 'admin.enable.disable' : 'admin.enable.enable')}
      </Button>
      <p role="status">{done && t(`admin.enable.${done}`)}</p>
    </Section>
  );
}

export function EndpointScreen({
  insurerId,
  endpointId,
}: {
  insurerId: string;
  endpointId: string;
}) {
  const { t } = useTranslation();
  const { endpoint, replace, reload } = useEndpoint(insurerId, endpointId);
  return (
    <Page
      titleId="endpoint-title"
      title={t('admin.endpoint.title')}
      back={{ href: '/admin', label: t('admin.back') }}
      className="admin-wide"
    >
      {endpoint.status === 'loading' && <Loading />}
      {endpoint.status === 'failed' && <LoadFailure failure={endpoint.failure} onRetry={reload} />}
      {endpoint.status === 'ready' && (
        <>
          <Summary of={endpoint.value} />
          <div className="admin-columns">
            <RotatePart endpoint={endpoint.value.endpoint} onEndpoint={replace} />
            <EnablePart endpoint={endpoint.value.endpoint} onEndpoint={replace} />
          </div>
          <Deliveries endpointId={endpointId} />
        </>
      )}
    </Page>
  );
}
