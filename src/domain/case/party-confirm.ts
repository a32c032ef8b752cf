/**
 * A party's own confirmation of the determination, on their own phone: the
 * officer's phone shows a QR code of a link to the app's public page
 * `/confirm`, with a short summary of the determination and its SHA-256 in
 * the link's fragment (`#k1.…`). A fragment never leaves the phone when the
 * page is fetched, so nothing about the accident reaches the server until the
 * party presses "confirm"; the page, served by the service worker, then
 * works offline once the app has been loaded.
 *
 * The summary: case number and id, the accident's time (to the minute, UTC),
 * the place (shortened), each vehicle's label, plate and liability, and the
 * hash of `determinationBytes` — the same hash the PDF prints and every
 * signature is bound to. It is JSON (an array, to stay short), UTF-8,
 * base64url: about 300 characters for two vehicles, a QR code a phone
 * camera reads at arm's length.
 *
 * Pure: the hash is the caller's.
 */
import * as z from 'zod/mini';
import { decodeBase64Url, encodeBase64Url } from '../base64';
import { utf8Bytes } from '../manifest/canonical-json';
import { ok, refuse, type Result } from '../result';
import type { CaseRecord } from './case.schema';
import { CONFIRM_PATH } from './confirm-path';
import { effectiveLiability } from './determination';

export { CONFIRM_PATH };

/** What the fragment starts with: the format's version. */
const PREFIX = 'k1.';
/** The place is shortened to this many characters (the QR code stays small). */
export const CONFIRM_PLACE_CHARS = 24;

const LEVELS = { full: 'f', primary: 'p', equal: 'e', secondary: 's', none: 'n' } as const;
export type ConfirmLevel = keyof typeof LEVELS;
const LEVEL_OF: Readonly<Record<string, ConfirmLevel>> = Object.fromEntries(
  Object.entries(LEVELS).map(([level, code]) => [code, level as ConfirmLevel]),
);

export interface ConfirmVehicle {
  /** A, B … */
  label: string;
  plate: string;
  /** Absent when no liability stands yet. */
  liability?: ConfirmLevel;
}

export interface ConfirmSummary {
  caseId: string;
  caseNumber: string;
  /** The accident time (else the arrival) to the minute, UTC (`2026-11-27T02:00Z`). */
  occurredAt: string;
  place: string;
  vehicles: ConfirmVehicle[];
  /** SHA-256 (hex) of the determination's content: what the PDF prints. */
  sha256: string;
}

const Minute = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;
const Hex64 = /^[0-9a-f]{64}$/;
const Uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const Short = z.string().check(z.minLength(1), z.maxLength(64));

/** The fragment's JSON: [format, case number, case id, minute, place, vehicles, hash]. */
const Wire = z.tuple([
  z.literal(1),
  Short,
  z.string().check(z.regex(Uuid)),
  z.string().check(z.regex(Minute)),
  z.string().check(z.maxLength(CONFIRM_PLACE_CHARS)),
  z
    .array(z.tuple([Short, z.string().check(z.maxLength(64)), z.string().check(z.maxLength(1))]))
    .check(z.minLength(1), z.maxLength(12)),
  z.string().check(z.regex(Hex64)),
]);

/** What the party's page shows, from the case and the hash of its determination. */
export function confirmSummary(c: CaseRecord, determinationSha256: string): ConfirmSummary {
  const liability = effectiveLiability(c) ?? {};
  return {
    caseId: c.id,
    caseNumber: c.caseNumber,
    occurredAt: `${(c.occurredAt ?? c.arrivedAt).slice(0, 16)}Z`,
    place: [...(c.location.address ?? '').trim()].slice(0, CONFIRM_PLACE_CHARS).join(''),
    vehicles: c.vehicles.map((v) => ({
      label: v.label,
      plate: v.plate,
      ...(liability[v.label] && { liability: liability[v.label] }),
    })),
    sha256: determinationSha256,
  };
}

/** UTF-8 bytes as text; undefined when they are not UTF-8. */
function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return decodeURIComponent(
      [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
    );
  } catch {
    return undefined;
  }
}

/** The link's fragment (without `#`). */
export function encodeConfirmFragment(s: ConfirmSummary): string {
  const wire: z.infer<typeof Wire> = [
    1,
    s.caseNumber,
    s.caseId,
    s.occurredAt,
    s.place,
    s.vehicles.map((v) => [v.label, v.plate, v.liability ? LEVELS[v.liability] : '']),
    s.sha256,
  ];
  return PREFIX + encodeBase64Url(utf8Bytes(JSON.stringify(wire)));
}

/** The whole link the QR code carries. */
export function confirmUrl(origin: string, s: ConfirmSummary): string {
  return `${origin}${CONFIRM_PATH}#${encodeConfirmFragment(s)}`;
}

/**
 * Why a fragment was not read: `missing` (the link has none: the page was
 * opened without the QR's link), `not-ours` (another format or a version
 * this app does not know), `damaged` (cut short or altered; `detail` says
 * which part).
 */
export type ConfirmFragmentRefusal = 'missing' | 'not-ours' | 'damaged';

/** The summary in a fragment (with or without its leading `#`). */
export function decodeConfirmFragment(
  fragment: string,
): Result<ConfirmSummary, ConfirmFragmentRefusal> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text === '') return refuse('missing');
  if (!text.startsWith(PREFIX)) return refuse('not-ours', 'prefix');
  const bytes = decodeBase64Url(text.slice(PREFIX.length));
  const json = bytes ? utf8Text(bytes) : undefined;
  if (json === undefined) return refuse('damaged', 'encoding');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return refuse('damaged', 'json');
  }
  if (Array.isArray(value) && value[0] !== 1) return refuse('not-ours', 'version');
  const parsed = Wire.safeParse(value);
  if (!parsed.success) return refuse('damaged', wirePart(parsed.error.issues[0]?.path[0]));
  const [, caseNumber, caseId, occurredAt, place, vehicles, sha256] = parsed.data;
  const levels = vehicles.map(([, , code]) => (code === '' ? null : LEVEL_OF[code]));
  if (levels.includes(undefined)) return refuse('damaged', 'vehicles');
  return ok({
    caseId,
    caseNumber,
    occurredAt,
    place,
    vehicles: vehicles.map(([label, plate], i) => ({
      label,
      plate,
      ...(levels[i] && { liability: levels[i] }),
    })),
    sha256,
  });
}

const PARTS = ['format', 'caseNumber', 'caseId', 'occurredAt', 'place', 'vehicles', 'sha256'];

/** The name of the wire's part at an index (the first that failed). */
function wirePart(index: PropertyKey | undefined): string {
  return typeof index === 'number' ? (PARTS[index] ?? 'summary') : 'summary';
}
