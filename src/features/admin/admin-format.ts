/** Words for what the webhook contracts say in codes: an endpoint's state, an event, an attempt. */
import type { TFunction } from 'i18next';
import type { WebhookDelivery, WebhookEndpoint, WebhookEventType } from '../../contracts/webhooks';
import { formatTime } from '../../ui/format';

type WebhookAttempt = WebhookDelivery['attempts'][number];

const EVENT_KEYS: Record<WebhookEventType, string> = {
  'packet.created': 'packetCreated',
  'packet.updated': 'packetUpdated',
  'case.returned': 'caseReturned',
};

export const eventText = (t: TFunction, type: WebhookEventType) =>
  t(`admin.event.${EVENT_KEYS[type]}`);

/** Enabled, or disabled with its reason ("gone": the receiver answered 410) and since when. */
export function endpointStateText(t: TFunction, lng: string, e: WebhookEndpoint): string {
  if (!e.disabled) return t('admin.state.enabled');
  return `${t(`admin.state.${e.disabled.reason}`)}${t('admin.state.since', { time: formatTime(e.disabled.at, lng) })}`;
}

export const countsText = (t: TFunction, e: WebhookEndpoint) =>
  t('admin.delivery.counts', e.counts);

/** An attempt's outcome: the receiver's HTTP status, else the error, else "no answer". */
export function attemptResult(t: TFunction, a: WebhookAttempt): string {
  if (a.status !== undefined) {
    const status = t('admin.deliveries.status', { status: a.status });
    return a.error ? `${status} · ${a.error}` : status;
  }
  return a.error ?? t('admin.deliveries.noAnswer');
}

/** The address of an endpoint's screen (its deliveries, secret and state). */
export const endpointHref = (e: Pick<WebhookEndpoint, 'id' | 'insurerId'>) =>
  `/admin/insurers/${e.insurerId}/endpoints/${e.id}`;

export const newEndpointHref = (insurerId: string) => `/admin/insurers/${insurerId}/endpoints/new`;
