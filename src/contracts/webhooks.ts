/**
 * Delivery of claim packets to insurers by Standard Webhooks
 * (https://www.standardwebhooks.com): the events and their bodies, and the
 * admin's routes for an insurer's endpoints, their secrets and deliveries.
 *
 * Every delivery is a POST of one {@link WebhookEvent} with the headers
 * `webhook-id` (stable across retries and replays: the receiver dedups by
 * it), `webhook-timestamp` and `webhook-signature` (`v1,<base64>`; two
 * signatures during a secret rotation's overlap), signed with the
 * `standardwebhooks` library. docs/insurers.md tells an insurer how to verify.
 */
import * as z from 'zod/mini';
import { Instant } from '../domain/ids';
import { line } from '../domain/text';
import { ClaimPacket } from './packets';
import { IdParams, defineRoute } from './route';

export const WEBHOOK_EVENT_TYPES = ['packet.created', 'packet.updated', 'case.returned'] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** `packet.created` / `packet.updated` (a later packet replaces `supersedes`): the whole packet. */
export const PacketEvent = z.object({
  type: z.enum(['packet.created', 'packet.updated']),
  timestamp: Instant,
  data: ClaimPacket,
});
export type PacketEvent = z.infer<typeof PacketEvent>;

/** `case.returned`: the case went back to the police (reopened after payment, or amended); the packet no longer holds. */
export const CaseReturnedEvent = z.object({
  type: z.literal('case.returned'),
  timestamp: Instant,
  data: z.object({
    packetId: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    manifestVersion: z.number(),
    /** The reviewer's reason, as the insurer may read it. */
    reason: z.optional(z.string()),
  }),
});
export type CaseReturnedEvent = z.infer<typeof CaseReturnedEvent>;

export const WebhookEvent = z.union([PacketEvent, CaseReturnedEvent]);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** An insurer's receiver, as the admin sees it (never the secret, once created). */
export const WebhookEndpoint = z.object({
  id: z.uuid(),
  insurerId: z.uuid(),
  url: z.string(),
  description: z.optional(z.string()),
  /** The brigade allows a loopback or private address for this endpoint. */
  allowPrivate: z.boolean(),
  /** Until then deliveries are signed with the previous secret too. */
  previousSecretUntil: z.optional(Instant),
  disabled: z.optional(z.object({ at: Instant, reason: z.enum(['gone', 'admin']) })),
  createdAt: Instant,
  /** Deliveries by state. */
  counts: z.object({
    pending: z.number(),
    delivered: z.number(),
    failed: z.number(),
  }),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** A URL an insurer's receiver listens on: https, or http only where the brigade allows a private address. */
export const EndpointUrl = line(2000).check(
  z.refine(
    (s) => /^https?:\/\/[^\s/]+/i.test(s),
    'must be an http(s) URL, e.g. https://claims.example.com/kuaichu',
  ),
);

export const CreateEndpointRequest = z.object({
  url: EndpointUrl,
  description: z.optional(line(200)),
  allowPrivate: z.optional(z.boolean()),
});
export type CreateEndpointRequest = z.infer<typeof CreateEndpointRequest>;

/** The endpoint and its secret (`whsec_…`): shown this once, on creation or rotation. */
export const EndpointWithSecret = z.object({ endpoint: WebhookEndpoint, secret: z.string() });
export type EndpointWithSecret = z.infer<typeof EndpointWithSecret>;

export const RotateSecretRequest = z.object({
  /** How long the previous secret still signs (default 24 h, at most 7 days). */
  overlapHours: z.optional(z.number().check(z.gte(0), z.lte(168))),
});
export type RotateSecretRequest = z.infer<typeof RotateSecretRequest>;

export const SetEndpointEnabledRequest = z.object({ enabled: z.boolean() });

export const DeliveryState = z.enum(['pending', 'delivered', 'failed', 'disabled']);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const WebhookAttempt = z.object({
  attempt: z.number(),
  startedAt: Instant,
  durationMs: z.number(),
  /** The receiver's HTTP status; absent when no answer came (timeout, refused, SSRF guard). */
  status: z.optional(z.number()),
  error: z.optional(z.string()),
});

export const WebhookDelivery = z.object({
  id: z.number(),
  /** The `webhook-id` header. */
  messageId: z.string(),
  endpointId: z.uuid(),
  eventType: WebhookEventType,
  caseId: z.uuid(),
  caseNumber: z.string(),
  state: DeliveryState,
  attempts: z.array(WebhookAttempt),
  nextAttemptAt: z.optional(Instant),
  deliveredAt: z.optional(Instant),
  createdAt: Instant,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const EndpointList = z.object({ endpoints: z.array(WebhookEndpoint) });
export const DeliveryList = z.object({ deliveries: z.array(WebhookDelivery) });
export const DeliveryQuery = z.object({ state: z.optional(DeliveryState) });
export const DeliveryParams = z.object({ id: z.string().check(z.regex(/^\d{1,15}$/)) });

export const webhookRoutes = [
  defineRoute({
    id: 'webhooks.endpoints.list',
    method: 'GET',
    path: '/api/admin/insurers/:id/endpoints',
    summary: 'An insurer’s webhook endpoints, with their deliveries counted by state',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'Endpoints', schema: EndpointList } },
  }),
  defineRoute({
    id: 'webhooks.endpoints.create',
    method: 'POST',
    path: '/api/admin/insurers/:id/endpoints',
    summary: 'Register an endpoint; its secret is answered this once',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: CreateEndpointRequest,
    responses: {
      201: { description: 'Created', schema: EndpointWithSecret },
      400: {
        description:
          '`endpoint_refused`: the address resolves to loopback, private or link-local ranges and the brigade did not allow it, or does not resolve',
      },
    },
  }),
  defineRoute({
    id: 'webhooks.endpoints.rotate',
    method: 'POST',
    path: '/api/admin/endpoints/:id/rotate',
    summary: 'A new secret; the previous one still signs until the overlap ends',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: RotateSecretRequest,
    responses: { 200: { description: 'Rotated', schema: EndpointWithSecret } },
  }),
  defineRoute({
    id: 'webhooks.endpoints.enabled',
    method: 'POST',
    path: '/api/admin/endpoints/:id/enabled',
    summary:
      'Disable an endpoint, or enable it again (its failed deliveries are not resent by this)',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: SetEndpointEnabledRequest,
    responses: { 200: { description: 'The endpoint', schema: WebhookEndpoint } },
  }),
  defineRoute({
    id: 'webhooks.deliveries.list',
    method: 'GET',
    path: '/api/admin/endpoints/:id/deliveries',
    summary: 'An endpoint’s deliveries, newest first, each with every attempt',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    query: DeliveryQuery,
    responses: { 200: { description: 'Deliveries', schema: DeliveryList } },
  }),
  defineRoute({
    id: 'webhooks.deliveries.replay',
    method: 'POST',
    path: '/api/admin/deliveries/:id/replay',
    summary: 'Send a delivery again now, with the same webhook-id (the receiver dedups)',
    access: ['admin'],
    scoped: true,
    params: DeliveryParams,
    responses: {
      200: { description: 'Queued again', schema: WebhookDelivery },
      409: { description: '`endpoint_disabled`: enable the endpoint first' },
    },
  }),
] as const;
