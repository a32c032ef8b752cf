/** Messages between the page and the service worker: names and payloads. */
export const SW_MESSAGES = {
  /** Page → worker: the officer accepted the update; take over now. */
  skipWaiting: 'SKIP_WAITING',
  /** Worker → page: a background `sync` event asked the outbox to drain. */
  drainOutbox: 'DRAIN_OUTBOX',
} as const;

export type SwMessageType = (typeof SW_MESSAGES)[keyof typeof SW_MESSAGES];

/** The Background Sync tag the page registers after saving; the worker wakes the outbox for it. */
export const OUTBOX_SYNC_TAG = 'kuaichu-outbox';
