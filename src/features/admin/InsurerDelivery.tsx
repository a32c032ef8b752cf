/**
 * The admin home's "Insurer delivery": every insurer with its endpoints —
 * address, description, enabled or disabled and why, deliveries counted by
 * state, the end of a secret rotation's overlap — the way to each
 * endpoint's screen and to register another, and the way to add an insurer.
 */
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../contracts/webhooks';
import { useInsurerEndpoints, type InsurerEndpoints } from '../../services/useWebhooks';
import { ButtonLink } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { Link } from '../../ui/router';
import { countsText, endpointHref, endpointStateText, newEndpointHref } from './admin-format';
import { LoadFailure, Loading } from './shared';

function EndpointCard({ endpoint: e }: { endpoint: WebhookEndpoint }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="admin-card" data-testid="endpoint-card">
      <Link href={endpointHref(e)} className="admin-url">
        {e.url}
      </Link>
      <p className="muted">{e.description ?? t('admin.delivery.noDescription')}</p>
      <p>
        <span className={e.disabled ? 'badge missing' : 'badge ok'}>
          {endpointStateText(t, i18n.language, e)}
        </span>
      </p>
      <p>{countsText(t, e)}</p>
      {e.previousSecretUntil && (
        <p className="muted">
          {t('admin.delivery.overlapUntil', {
            time: formatTime(e.previousSecretUntil, i18n.language),
          })}
        </p>
      )}
    </li>
  );
}

function Endpoints({ item }: { item: InsurerEndpoints }) {
  const { t } = useTranslation();
  const { endpoints, insurer } = item;
  if (endpoints.status === 'loading') return null;
  if (endpoints.status === 'failed') {
    const reason = t(`admin.failure.${endpoints.failure}`);
    return <Notice tone="warn">{t('admin.delivery.endpointsFailed', { reason })}</Notice>;
  }
  if (endpoints.value.length === 0) return <p>{t('admin.delivery.noEndpoints')}</p>;
  return (
    <ul
      className="admin-cards"
      aria-label={t('admin.delivery.endpoints', { insurer: insurer.name })}
    >
      {endpoints.value.map((e) => (
        <EndpointCard key={e.id} endpoint={e} />
      ))}
    </ul>
  );
}

function InsurerPart({ item }: { item: InsurerEndpoints }) {
  const { t } = useTranslation();
  const { insurer } = item;
  const titleId = `insurer-${insurer.id}`;
  return (
    <section aria-labelledby={titleId} className="admin-insurer" data-testid="insurer">
      <h3 id={titleId}>
        {insurer.name}{' '}
        <span className="muted">{t('admin.delivery.insurerCode', { code: insurer.code })}</span>
      </h3>
      <Endpoints item={item} />
      <ButtonLink
        href={newEndpointHref(insurer.id)}
        aria-label={t('admin.delivery.registerFor', { insurer: insurer.name })}
      >
        {t('admin.delivery.register')}
      </ButtonLink>
    </section>
  );
}

export function InsurerDelivery() {
  const { t } = useTranslation();
  const { insurers, reload } = useInsurerEndpoints();
  return (
    <Section titleId="insurer-delivery-title" title={t('admin.delivery.title')}>
      <p>{t('admin.delivery.intro')}</p>
      {insurers.status === 'loading' && <Loading />}
      {insurers.status === 'failed' && <LoadFailure failure={insurers.failure} onRetry={reload} />}
      {insurers.status === 'ready' && insurers.value.length === 0 && (
        <p>{t('admin.delivery.none')}</p>
      )}
      {insurers.value?.map((item) => (
        <InsurerPart key={item.insurer.id} item={item} />
      ))}
      <ButtonLink href="/admin/insurers/new" block>
        {t('admin.insurerForm.open')}
      </ButtonLink>
    </Section>
  );
}
