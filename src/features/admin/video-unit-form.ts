/**
 * The video unit form: six fields as typed, checked with the contract's
 * schema before anything is sent; a problem names its field and says what
 * is wrong. The brigade's search radius is checked the same way.
 */
import { BrigadeSettingsRequest } from '../../contracts/admin';
import { VideoUnitInput, type VideoUnit } from '../../contracts/video';
import type { Facing } from '../../domain/video/footage';

export const VIDEO_FIELDS = [
  'code',
  'name',
  'latitude',
  'longitude',
  'facing',
  'retentionDays',
] as const;
export type VideoField = (typeof VIDEO_FIELDS)[number];
export type VideoDraft = Record<Exclude<VideoField, 'facing'>, string> & { facing: Facing };

/** `required` when blank, else what the field needs (its own words per field). */
export type VideoProblem = 'required' | 'invalid';
export type VideoProblems = Partial<Record<VideoField, VideoProblem>>;

export const EMPTY_VIDEO_DRAFT: VideoDraft = {
  code: '',
  name: '',
  latitude: '',
  longitude: '',
  facing: 'N',
  retentionDays: '30',
};

export const videoDraftOf = (u: VideoUnit): VideoDraft => ({
  code: u.code,
  name: u.name,
  latitude: String(u.latitude),
  longitude: String(u.longitude),
  facing: u.facing,
  retentionDays: String(u.retentionDays),
});

/** A number as typed ('' and words are not numbers). */
const numberOf = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()));

export function checkVideoDraft(
  draft: VideoDraft,
): { ok: true; value: VideoUnitInput } | { ok: false; problems: VideoProblems } {
  const parsed = VideoUnitInput.safeParse({
    code: draft.code.trim(),
    name: draft.name.trim(),
    latitude: numberOf(draft.latitude),
    longitude: numberOf(draft.longitude),
    facing: draft.facing,
    retentionDays: numberOf(draft.retentionDays),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: VideoProblems = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as VideoField;
    problems[field] ??= String(draft[field]).trim() === '' ? 'required' : 'invalid';
  }
  return { ok: false, problems };
}

/** The radius in whole metres, 100 to 20,000, or undefined when it is not. */
export function checkRadius(typed: string): number | undefined {
  const parsed = BrigadeSettingsRequest.safeParse({ videoRadiusM: numberOf(typed) });
  return parsed.success ? parsed.data.videoRadiusM : undefined;
}
