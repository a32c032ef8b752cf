/**
 * One case's life on one line of time: what happened on scene (each step of
 * the case and each photo, from the case as last received), each version the
 * server received, each review action and hand-over, and each packet's
 * delivery, call-back, assessment and payout — oldest first, each with who
 * did it and where. Assembled from the stored rows; the case's officer's unit
 * and the brigade's reviewers.
 */
import * as z from 'zod/mini';
import { Actor } from './review';
import { defineRoute, IdParams } from './route';

export const TIMELINE_KINDS = [
  /** A step of the case on scene (`detail`: the state entered). */
  'step',
  /** A photo taken (`detail`: its slot). */
  'photo',
  /** A version received by the server (`detail`: the version). */
  'received',
  /** A review action or hand-over (`detail`: its kind, e.g. `returned`). */
  'review',
  /** A packet delivered to an insurer (`where`: the insurer). */
  'packet-delivered',
  /** The insurer's webhook endpoint answered the delivery (`where`: the insurer). */
  'webhook-delivered',
  'acknowledged',
  'assessed',
  'paid',
  /** A party confirmed the determination on their own phone (`detail`: the vehicle's label). */
  'party-confirmed',
] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEvent = z.object({
  at: z.iso.datetime(),
  kind: TimelineKind,
  /** What the kind needs to be read: a state, a slot, a version, an action. */
  detail: z.optional(z.string()),
  /** Who did it, when known. */
  by: z.optional(z.object({ name: z.string(), role: z.optional(Actor.shape.role) })),
  /** Where: the place on scene, the phone that sent it, the insurer. */
  where: z.optional(z.string()),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const CaseTimeline = z.object({
  caseId: z.uuid(),
  /** Oldest first; at the same instant in the order the case lived them. */
  events: z.array(TimelineEvent),
});
export type CaseTimeline = z.infer<typeof CaseTimeline>;

export const timelineRoutes = [
  defineRoute({
    id: 'cases.timeline',
    method: 'GET',
    path: '/api/cases/:id/timeline',
    summary:
      'Every event of a case on one line of time (scene steps, photos, versions received, review actions, packets, call-back, assessment, payout), with who and where',
    access: ['officer', 'reviewer'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The timeline', schema: CaseTimeline } },
  }),
] as const;
