/**
 * An endpoint's deliveries, newest first, filtered by state: each with its
 * event, case number and webhook-id, every attempt (when, the receiver's
 * status or the error, how long), the next attempt, and a button that sends
 * it again with the same webhook-id.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeliveryState, type WebhookDelivery } from '../../contracts/webhooks';
import {
  useDeliveries,
  useWebhookActions,
  type AdminFailure,
  type WebhookActions,
} from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { SelectField } from '../../ui/Field';
import { formatTime } from '../../ui/format';
import { ErrorNotice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { attemptResult, eventText } from './admin-format';
import { LoadFailure, Loading } from './shared';

type Attempt = WebhookDelivery['attempts'][number];

function useAttemptColumns(): Column<Attempt>[] {
  const { t, i18n } = useTranslation();
  return [
    { key: 'n', header: t('admin.deliveries.attempt'), rowHeader: true, cell: (a) => a.attempt },
    {
      key: 'time',
      header: t('admin.deliveries.time'),
      cell: (a) => formatTime(a.startedAt, i18n.language),
    },
    { key: 'result', header: t('admin.deliveries.result'), cell: (a) => attemptResult(t, a) },
    {
      key: 'duration',
      header: t('admin.deliveries.duration'),
      numeric: true,
      cell: (a) => t('admin.deliveries.ms', { ms: a.durationMs }),
    },
  ];
}

function Times({ delivery: d }: { delivery: WebhookDelivery }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, i18n.language);
  return (
    <dl className="facts admin-facts">
      <div>
        <dt>{t('admin.deliveries.webhookId')}</dt>
        <dd>
          <code>{d.messageId}</code>
        </dd>
      </div>
      <div>
        <dt>{t('admin.deliveries.created')}</dt>
        <dd>{time(d.createdAt)}</dd>
      </div>
      {d.deliveredAt && (
        <div>
          <dt>{t('admin.deliveries.deliveredAt')}</dt>
          <dd>{time(d.deliveredAt)}</dd>
        </div>
      )}
      {d.nextAttemptAt && (
        <div>
          <dt>{t('admin.deliveries.next')}</dt>
          <dd>{time(d.nextAttemptAt)}</dd>
        </div>
      )}
    </dl>
  );
}

interface DeliveryItemProps {
  delivery: WebhookDelivery;
  actions: WebhookActions;
  onReplayed(delivery: WebhookDelivery): void;
}

function DeliveryItem({ delivery: d, actions, onReplayed }: DeliveryItemProps) {
  const { t } = useTranslation();
  const columns = useAttemptColumns();
  const [outcome, setOutcome] = useState<'replayed' | AdminFailure>();
  const titleId = `delivery-${d.id}`;
  const replay = async () => {
    setOutcome(undefined);
    const r = await actions.replay(d.id);
    setOutcome(r.ok ? 'replayed' : r.failure);
    if (r.ok) onReplayed(r.value);
  };
  return (
    <li className="admin-card" data-testid="delivery">
      <article aria-labelledby={titleId}>
        <h3 id={titleId}>
          {t('admin.deliveries.heading', {
            event: eventText(t, d.eventType),
            caseNumber: d.caseNumber,
          })}{' '}
          <span className={`badge delivery-${d.state}`}>{t(`admin.deliveryState.${d.state}`)}</span>
        </h3>
        <Times delivery={d} />
        {d.attempts.length === 0 ? (
          <p className="muted">{t('admin.deliveries.noAttempts')}</p>
        ) : (
          <DataTable
            caption={t('admin.deliveries.caption', { count: d.attempts.length })}
            columns={columns}
            rows={d.attempts}
            rowKey={(a) => String(a.attempt)}
            empty={t('admin.deliveries.noAttempts')}
          />
        )}
        <Button
          disabled={actions.sending}
          onClick={() => void replay()}
          aria-label={t('admin.deliveries.replayFor', { caseNumber: d.caseNumber })}
        >
          {t('admin.deliveries.replay')}
        </Button>
        <p role="status">{outcome === 'replayed' && t('admin.deliveries.replayed')}</p>
        <ErrorNotice
          error={outcome && outcome !== 'replayed' ? t(`admin.failure.${outcome}`) : undefined}
        />
      </article>
    </li>
  );
}

export function Deliveries({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<DeliveryState | ''>('');
  const { deliveries, replace, reload } = useDeliveries(endpointId, state || undefined);
  const actions = useWebhookActions();
  const options = DeliveryState.options.map((s) => ({
    value: s,
    label: t(`admin.deliveryState.${s}`),
  }));
  return (
    <Section titleId="deliveries-title" title={t('admin.deliveries.title')}>
      <SelectField
        id="deliveries-state"
        label={t('admin.deliveries.filter')}
        value={state}
        none={t('admin.deliveries.all')}
        options={options}
        onValue={(v) => setState(v as DeliveryState | '')}
      />
      {deliveries.status === 'loading' && <Loading />}
      {deliveries.status === 'failed' && (
        <LoadFailure failure={deliveries.failure} onRetry={reload} />
      )}
      {deliveries.status === 'ready' && deliveries.value.length === 0 && (
        <p>{t('admin.deliveries.none')}</p>
      )}
      {deliveries.status === 'ready' && deliveries.value.length > 0 && (
        <ol className="admin-cards" aria-label={t('admin.deliveries.list')}>
          {deliveries.value.map((d) => (
            <DeliveryItem key={d.id} delivery={d} actions={actions} onReplayed={replace} />
          ))}
        </ol>
      )}
    </Section>
  );
}
