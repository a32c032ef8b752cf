/**
 * The brigade's own words and lists an officer's phone needs on scene,
 * offline (the field pack): fetched whenever the phone is online and signed
 * in, kept on the phone, used when there is no signal. Now the courteous
 * script's words (三告知、两敬礼: the greeting, the request to sign, the
 * thanks), the brigade's to edit; the project ships a starter. And the
 * list of minor violations for which an out-of-town driver gets a warning
 * instead of a fine (首违警告), with the brigade's region
 * (src/domain/lenient; the starter list is version 0).
 */
import * as z from 'zod/mini';
import { LenientList, LenientListBody } from '../domain/lenient/lenient-list.schema';
import { IdParams, defineRoute } from './route';
import { BrigadeTileSource } from './tile-source';
import { VideoUnit } from './video';

const Words = (max: number) =>
  z
    .string()
    .check(z.regex(/\S/, 'must not be empty'), z.maxLength(max, `at most ${max} characters`));

/** The same words in Chinese (read out) and English (for a party who reads it). */
export const BilingualWords = z.object({ zh: Words(400), en: Words(800) });
export type BilingualWords = z.infer<typeof BilingualWords>;

/** The brigade's words around the three notices, which the app composes from the case. */
export const CourtesyScriptText = z.object({
  greeting: BilingualWords,
  signRequest: BilingualWords,
  thanks: BilingualWords,
});
export type CourtesyScriptText = z.infer<typeof CourtesyScriptText>;

export const CourtesyScript = z.object({
  /** 0: the project's starter, never edited; each save adds one. */
  version: z.number(),
  updatedAt: z.nullable(z.string()),
  text: CourtesyScriptText,
});
export type CourtesyScript = z.infer<typeof CourtesyScript>;

/** How far from a case the brigade looks for roadside video units, unless it set its own. */
export const DEFAULT_VIDEO_RADIUS_M = 2000;

export const FieldPack = z.object({
  brigadeId: z.uuid(),
  courtesyScript: CourtesyScript,
  /** Absent in a pack a phone kept before the list existed: the starter then. */
  lenientList: z.optional(LenientList),
  /** The brigade's map tile source (absent in packs kept before it was sent). */
  tileSource: z.optional(BrigadeTileSource),
  /** The brigade's roadside video units in use (absent from a pack kept before they came). */
  videoUnits: z.optional(z.array(VideoUnit)),
  /** How far from a case the phone lists video units, in metres. */
  videoRadiusM: z.optional(z.number()),
});
export type FieldPack = z.infer<typeof FieldPack>;

/** The project's starter script, version 0 of every brigade's. */
export const STARTER_COURTESY_SCRIPT: CourtesyScriptText = {
  greeting: {
    zh: '您好！我是交警大队民警，现就本起事故向您告知以下事项，请您仔细听。',
    en: 'Hello. I am an officer of the traffic police brigade. Please listen carefully to the following about this accident.',
  },
  signRequest: {
    zh: '请确认您已听清以上内容，并在下方签名。如不同意，请说明理由：拒绝签名的，民警在认定书上注明情况（《道路交通事故处理程序规定》第二十四条第三款），认定书照常送达，案件将交事故中队复核。',
    en: 'Please confirm that you have heard the above and sign below. If you disagree, tell us why: if you refuse to sign, the officer notes it on the determination (Road Traffic Accident Handling Procedures, Article 24(3)), which is served all the same, and the accident squad will review the case.',
  },
  thanks: { zh: '谢谢您的配合！', en: 'Thank you for your cooperation.' },
};

export const STARTER_SCRIPT: CourtesyScript = {
  version: 0,
  updatedAt: null,
  text: STARTER_COURTESY_SCRIPT,
};

export const fieldPackRoutes = [
  defineRoute({
    id: 'field-pack.get',
    method: 'GET',
    path: '/api/field-pack',
    summary:
      'The brigade’s words and lists the phone keeps for offline use (the courteous script, the roadside video units and their search radius)',
    access: ['officer', 'station', 'reviewer'],
    scoped: false,
    responses: {
      200: { description: 'The field pack of the caller’s brigade', schema: FieldPack },
    },
  }),
  defineRoute({
    id: 'admin.brigades.script.get',
    method: 'GET',
    path: '/api/admin/brigades/:id/courtesy-script',
    summary: 'A brigade’s courteous script (三告知、两敬礼 words)',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The script in force', schema: CourtesyScript } },
  }),
  defineRoute({
    id: 'admin.brigades.script.set',
    method: 'PUT',
    path: '/api/admin/brigades/:id/courtesy-script',
    summary: 'Replace a brigade’s courteous script; the version goes up by one (audited)',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: CourtesyScriptText,
    responses: { 200: { description: 'The new script', schema: CourtesyScript } },
  }),
  defineRoute({
    id: 'admin.brigades.lenient.get',
    method: 'GET',
    path: '/api/admin/brigades/:id/lenient-list',
    summary: 'A brigade’s warning-instead-of-a-fine list (首违警告) and its region',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'The list in force', schema: LenientList } },
  }),
  defineRoute({
    id: 'admin.brigades.lenient.set',
    method: 'PUT',
    path: '/api/admin/brigades/:id/lenient-list',
    summary: 'Replace a brigade’s warning list and region; the version goes up by one (audited)',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: LenientListBody,
    responses: { 200: { description: 'The new list', schema: LenientList } },
  }),
] as const;
