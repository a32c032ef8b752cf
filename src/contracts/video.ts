/**
 * Roadside video units and footage requests (src/domain/video/footage.ts):
 * a brigade's units, kept by its admin and carried to its phones in the field
 * pack; the footage a case's officer or a reviewer of its brigade asks of a
 * unit for a window around the accident, tracked until the accident squad
 * retrieved it (with a file or reference) or found it unavailable.
 */
import * as z from 'zod/mini';
import { Facing, FootageState } from '../domain/video/footage';
import { line, paragraph } from '../domain/text';
import { Instant } from '../domain/ids';
import { IdParams, defineRoute } from './route';

const required = (max: number) => line(max).check(z.regex(/\S/, 'required'));

/** A brigade's own code for a unit, as painted on its pole (letters, digits, - and _). */
export const VideoUnitCode = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,24}$/, 'use 1 to 24 letters, digits, - or _'));

export const VideoUnitInput = z.object({
  code: VideoUnitCode,
  name: required(60),
  latitude: z
    .number('a number of degrees')
    .check(z.gte(-90, 'between -90 and 90'), z.lte(90, 'between -90 and 90')),
  longitude: z
    .number('a number of degrees')
    .check(z.gte(-180, 'between -180 and 180'), z.lte(180, 'between -180 and 180')),
  facing: Facing,
  retentionDays: z
    .number('a number of days')
    .check(z.int('whole days'), z.gte(1, 'at least 1 day'), z.lte(365, 'at most 365 days')),
});
export type VideoUnitInput = z.infer<typeof VideoUnitInput>;

/** A change to a unit: its fields, and `active: false` to take it out of use (kept for its requests). */
export const VideoUnitChange = z.object({ ...VideoUnitInput.shape, active: z.boolean() });
export type VideoUnitChange = z.infer<typeof VideoUnitChange>;

export const VideoUnit = z.object({
  id: z.uuid(),
  brigadeId: z.uuid(),
  ...VideoUnitChange.shape,
  updatedAt: Instant,
});
export type VideoUnit = z.infer<typeof VideoUnit>;

export const VideoUnitList = z.object({ videoUnits: z.array(VideoUnit) });
export type VideoUnitList = z.infer<typeof VideoUnitList>;

export const VideoUnitParams = z.object({ id: z.uuid(), unitId: z.uuid() });

export const FootageRequestInput = z.object({
  unitId: z.uuid('choose a video unit'),
  from: Instant,
  to: Instant,
  note: z.optional(paragraph(500)),
});
export type FootageRequestInput = z.infer<typeof FootageRequestInput>;

/** The accident squad's answer: retrieved with a file or reference, or unavailable with why. */
export const FootageResolution = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('retrieved'),
    reference: required(200),
    note: z.optional(paragraph(500)),
  }),
  z.object({
    status: z.literal('unavailable'),
    note: paragraph(500).check(z.regex(/\S/, 'say why')),
  }),
]);
export type FootageResolution = z.infer<typeof FootageResolution>;

export const FootageRequest = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  from: Instant,
  to: Instant,
  note: z.nullable(z.string()),
  /** Stored state; `standing` is what it reads as now (`expired` once the unit's retention passed unanswered). */
  status: FootageState,
  standing: z.enum(['requested', 'retrieved', 'unavailable', 'expired']),
  /** The accident time plus the unit's retention, when the request was made. */
  expiresAt: Instant,
  requestedBy: z.object({ id: z.uuid(), name: z.string() }),
  requestedAt: Instant,
  reference: z.nullable(z.string()),
  resolution: z.nullable(z.string()),
  resolvedBy: z.nullable(z.object({ id: z.uuid(), name: z.string() })),
  resolvedAt: z.nullable(Instant),
});
export type FootageRequest = z.infer<typeof FootageRequest>;

export const FootageRequestList = z.object({ requests: z.array(FootageRequest) });
export type FootageRequestList = z.infer<typeof FootageRequestList>;

export const FootageParams = z.object({ id: z.uuid(), requestId: z.uuid() });

const scopedAdmin = { access: ['admin'], scoped: true } as const;

export const videoRoutes = [
  defineRoute({
    id: 'admin.videoUnits.list',
    method: 'GET',
    path: '/api/admin/brigades/:id/video-units',
    summary: 'A brigade’s roadside video units, in use and out of use',
    ...scopedAdmin,
    params: IdParams,
    responses: { 200: { description: 'The units, by code', schema: VideoUnitList } },
  }),
  defineRoute({
    id: 'admin.videoUnits.create',
    method: 'POST',
    path: '/api/admin/brigades/:id/video-units',
    summary: 'Register a roadside video unit (audited)',
    ...scopedAdmin,
    params: IdParams,
    body: VideoUnitInput,
    responses: {
      201: { description: 'Registered', schema: VideoUnit },
      409: { description: '`code_taken`: the brigade already has a unit of that code' },
    },
  }),
  defineRoute({
    id: 'admin.videoUnits.update',
    method: 'PUT',
    path: '/api/admin/brigades/:id/video-units/:unitId',
    summary: 'Change a video unit, or take it out of use (`active: false`; audited)',
    ...scopedAdmin,
    params: VideoUnitParams,
    body: VideoUnitChange,
    responses: {
      200: { description: 'The unit as changed', schema: VideoUnit },
      409: { description: '`code_taken`' },
    },
  }),
  defineRoute({
    id: 'footage.list',
    method: 'GET',
    path: '/api/cases/:id/footage-requests',
    summary: 'A case’s footage requests with their standing now, newest first',
    access: ['officer', 'reviewer'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The requests', schema: FootageRequestList } },
  }),
  defineRoute({
    id: 'footage.create',
    method: 'POST',
    path: '/api/cases/:id/footage-requests',
    summary:
      'Ask a video unit of the case’s brigade for footage of a window (the case’s officer or a reviewer; audited)',
    access: ['officer', 'reviewer'],
    scoped: true,
    params: IdParams,
    body: FootageRequestInput,
    responses: {
      201: { description: 'Requested', schema: FootageRequest },
      403: { description: '`not_case_officer`: another officer’s case' },
      422: {
        description:
          '`retention_passed` (the unit no longer holds footage of the window: it keeps only its retention days), `window_order`, `window_too_long`, `unit_unavailable` (no unit of that id in use in the case’s brigade); each names its field',
      },
    },
  }),
  defineRoute({
    id: 'footage.resolve',
    method: 'POST',
    path: '/api/cases/:id/footage-requests/:requestId',
    summary:
      'The accident squad answers a request: retrieved (with reference) or unavailable (audited)',
    access: ['reviewer'],
    scoped: true,
    params: FootageParams,
    body: FootageResolution,
    responses: {
      200: { description: 'The request as answered', schema: FootageRequest },
      409: { description: '`already_resolved`' },
    },
  }),
] as const;
