/**
 * The officer's remote determination of a rural station's case, at the
 * station (站点移交 → 民警远程认定 → 站点告知签字). The parties wait at the
 * station; once an officer has confirmed the capture and determined liability
 * (server/cases/station-confirm.ts), the station's phone hears of it on its
 * next pull and shows it read-only. The station's helper adopts it
 * (`adoptOfficerDetermination`): it becomes the case's proposal, marked as the
 * officer's (`LiabilityRecord.remote`), and the case is `liability-proposed`
 * for the notices and the parties' signatures with the usual screens. The
 * server takes a station's version with a determination only when it is
 * exactly the officer's (`stationDeterminationRefusal`). Pure.
 */
import type { Instant } from '../ids';
import { refuse, type Result } from '../result';
import { transitionCase } from './case';
import type { CaseRecord } from './case.schema';
import type { CaseState } from './case-state';
import { effectiveLiability } from './determination';
import { namesExactly, sameLiability, vehicleLabels } from './liability-compare';
import {
  LIABILITY_RECORD_SCHEMA_VERSION,
  type Basis,
  type LiabilityByVehicle,
  type OfficerDetermination,
} from './liability-record.schema';

/**
 * The article a determination of liability rests on in general (责任按过错
 *确定): what the officer's form offers first; he cites the article of the
 * violation where there is one.
 */
export const GENERAL_LIABILITY_BASIS: Basis = {
  law: '《中华人民共和国道路交通安全法实施条例》',
  article: '第九十一条',
};

/** The reason the transition to `liability-proposed` records. */
export const OFFICER_DETERMINATION_TRANSITION = 'station-officer-determination';

export type AdoptRefusal = 'not-handed-over' | 'determined' | 'bad-liability' | 'not-allowed';

/** The officer's determination adopted on the case, if it was. */
export const officerDeterminationOf = (c: CaseRecord): OfficerDetermination | undefined =>
  c.liability?.remote;

/**
 * The station adopts the officer's determination: the proposal is his
 * liability, the record names him, and the case awaits the notices and the
 * signatures. Refused on a case not handed over by a station, one that
 * already carries a determination, or a liability that does not name exactly
 * the case's vehicles.
 */
export function adoptOfficerDetermination(
  c: CaseRecord,
  determination: OfficerDetermination,
  at: Instant,
): Result<CaseRecord, AdoptRefusal> {
  if (!c.handover) return refuse('not-handed-over');
  if (c.liability) return refuse('determined');
  const labels = vehicleLabels(c);
  if (!namesExactly(determination.liability, labels)) {
    return refuse('bad-liability', labels.join(','));
  }
  const next: CaseRecord = {
    ...c,
    liability: {
      schemaVersion: LIABILITY_RECORD_SCHEMA_VERSION,
      proposal: { ...determination.liability },
      proposedAt: at,
      remote: determination,
      signatures: [],
    },
    updatedAt: at,
  };
  const moved = transitionCase(next, 'liability-proposed', at, OFFICER_DETERMINATION_TRANSITION);
  return moved.ok ? moved : refuse('not-allowed', moved.detail);
}

/** States that carry a determination. */
const DETERMINED: readonly CaseState[] = ['liability-proposed', 'signed'];

/** What the server holds of the officer's confirmation of the case, if any. */
export interface ConfirmedDetermination {
  officerId: string;
  liability: LiabilityByVehicle;
}

export type StationSendRefusal = 'station_cannot_determine';

/**
 * What the server answers a version a station account sends. Without a
 * determination (a capture handed over) it is taken. With one — a liability
 * record or a determined state — only when an officer has confirmed the case
 * and the version's determination is exactly his: his liability in force, his
 * name on it, no override and no amendment by the station.
 */
export function stationDeterminationRefusal(
  record: CaseRecord,
  confirmed: ConfirmedDetermination | undefined,
): StationSendRefusal | undefined {
  const liability = record.liability;
  if (liability === undefined && !DETERMINED.includes(record.state)) return undefined;
  const remote = liability?.remote;
  const exact =
    confirmed !== undefined &&
    remote !== undefined &&
    remote.by.id === confirmed.officerId &&
    liability?.override === undefined &&
    (liability?.amendments ?? []).length === 0 &&
    sameLiability(remote.liability, confirmed.liability) &&
    sameLiability(effectiveLiability(record), confirmed.liability);
  return exact ? undefined : 'station_cannot_determine';
}
