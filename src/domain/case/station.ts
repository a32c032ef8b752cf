/**
 * The rural station's part of a case (站点移交). A station account — a
 * persuasion station's helper, or an insurer's agent stationed there — opens
 * a minor case, photographs the shot list and records the parties and
 * vehicles with the officer's screens, offline alike; it may not determine
 * liability. Once the scene is cleared it hands the case over to an officer
 * of the brigade (`handOverToOfficer`): the handover is recorded on the case
 * and the case is sent without a determination. The officer confirms the
 * capture (or corrects it, saying what) and determines liability remotely;
 * the server keeps that (server/cases/station-confirm.ts) and the station's
 * phone reads it to the parties (station-determination.ts). Pure.
 */
import type { Id, Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import { TEXT_LIMITS } from '../text';
import type { CaseRecord } from './case.schema';
import {
  stationDeterminationRefusal,
  type ConfirmedDetermination,
  type StationSendRefusal,
} from './station-determination';

export type { StationSendRefusal } from './station-determination';

// Which roles capture cases and may determine liability: station-role.ts,
// which the first route reads without this module's imports.
export { capturesCases, mayDetermineLiability, STATION_ROLE } from './station-role';

export type HandoverRefusal =
  'not-cleared' | 'determined' | 'already-handed-over' | 'note-too-long';

export interface HandoverInput {
  by: { id: Id; name: string };
  at: Instant;
  note: string;
  /** The officer it is meant for; null or absent: any officer of the brigade. */
  to?: Id | null;
}

/**
 * Hands a station's cleared case over to an officer: the handover is kept on
 * the case and the case is `submitted` (sent at once), without a determination.
 */
export function handOverToOfficer(
  c: CaseRecord,
  input: HandoverInput,
): Result<CaseRecord, HandoverRefusal> {
  if (c.handover) return refuse('already-handed-over');
  if (c.liability) return refuse('determined');
  if (c.state !== 'scene-cleared') return refuse('not-cleared', c.state);
  const note = input.note.trim();
  if (note.length > TEXT_LIMITS.text) return refuse('note-too-long');
  return ok({
    ...c,
    handover: { by: input.by, at: input.at, to: input.to ?? null, note },
    state: 'submitted',
    transitions: [...c.transitions, { from: c.state, to: 'submitted', at: input.at }],
    updatedAt: input.at,
  });
}

/**
 * What the server answers a version a station account sends: refused when it
 * carries a liability record or a determined state — a station hands over,
 * an officer determines — unless it is exactly the determination the officer
 * confirmed (`confirmed`), which the station reads to the parties
 * (station-determination.ts).
 */
export function stationSendRefusal(
  record: CaseRecord,
  confirmed?: ConfirmedDetermination,
): StationSendRefusal | undefined {
  return stationDeterminationRefusal(record, confirmed);
}

/** Whether the case was handed over by a station and still waits for an officer. */
export const awaitsStationConfirmation = (
  record: Pick<CaseRecord, 'handover'>,
  confirmed: boolean,
): boolean => record.handover !== undefined && !confirmed;

/** A hand-over as the officers' list reads it: whom the station named, if anyone. */
export interface NamedHandover {
  handover: { to: Id | null; at: Instant };
}

/** Whether the station named this viewer at hand-over. */
export const isMeantFor = (item: NamedHandover, viewerId: Id | undefined): boolean =>
  viewerId !== undefined && item.handover.to === viewerId;

/**
 * The officers' list of handed-over cases for one viewer: the cases the
 * station named him for first, then the rest, each group oldest hand-over first.
 */
export function handoversForViewer<T extends NamedHandover>(
  items: readonly T[],
  viewerId: Id | undefined,
): T[] {
  const rank = (item: T) => (isMeantFor(item, viewerId) ? 0 : 1);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.handover.at.localeCompare(b.handover.at));
}
