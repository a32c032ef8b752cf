/**
 * A rural station's case and its officer (src/domain/case/station.ts). A
 * station account captures a minor case and hands it over without a
 * determination; the brigade's officers list the cases waiting for one
 * (`handedOverCases`), and an officer confirms the capture — or corrects it,
 * saying what — and determines liability (`confirmStationCase`). The case
 * becomes his (`cases.officer_id`, and his unit: his unit sees it from then
 * on, the station no longer); the confirmation is a `station_confirmations`
 * row (one per case: of two officers at once exactly one wins) and a
 * `case.station_confirmed` audit event.
 */
import type { Kysely } from 'kysely';
import type {
  BrigadeOfficer,
  HandedOverCase,
  StationConfirmRequest,
  StationConfirmation,
} from '../../src/contracts/station';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type {
  Basis,
  LiabilityByVehicle,
  OfficerDetermination,
} from '../../src/domain/case/liability-record.schema';
import { awaitsStationConfirmation } from '../../src/domain/case/station';
import type { ConfirmedDetermination } from '../../src/domain/case/station-determination';
import { namesExactly, vehicleLabels } from '../../src/domain/case/liability-compare';
import { appendAudit } from '../audit/audit-log';
import { notFound } from '../auth/policy';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';
import { heldByUnit, recordPhotoHolder } from './photo-holders';

type Db = Kysely<Database>;

const confirmerRole = (role: string): StationConfirmation['by']['role'] =>
  role === 'reviewer' ? 'reviewer' : 'officer';

/** The brigade's rural-station cases handed over and not yet confirmed, oldest hand-over first. */
export async function handedOverCases(db: Db, brigadeId: string): Promise<HandedOverCase[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .leftJoin('station_confirmations', 'station_confirmations.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.body',
      'cases.photos',
      'cases.manifest_version',
      'units.name as unitName',
    ])
    .where('units.brigade_id', '=', brigadeId)
    .where('units.kind', '=', 'rural-station')
    .where('station_confirmations.case_id', 'is', null)
    .limit(200)
    .execute();
  const officers = new Map((await brigadeOfficers(db, brigadeId)).map((o) => [o.id, o.name]));
  return rows
    .flatMap((row): HandedOverCase[] => {
      const record = JSON.parse(row.body) as CaseRecord;
      if (!record.handover || !awaitsStationConfirmation(record, false)) return [];
      const labelOf = new Map(record.vehicles.map((v) => [v.id, v.label]));
      return [
        {
          caseId: row.id,
          caseNumber: record.caseNumber,
          arrivedAt: record.arrivedAt,
          address: record.location.address,
          unitName: row.unitName,
          handover: record.handover,
          meantFor: meantFor(record.handover.to, officers),
          vehicles: record.vehicles.map((v) => ({ label: v.label, plate: v.plate })),
          parties: record.parties.map((p) => ({
            vehicleLabel: (p.vehicleId && labelOf.get(p.vehicleId)) || '',
            name: p.name,
          })),
          photos: (JSON.parse(row.photos) as unknown[]).length,
          manifestVersion: row.manifest_version,
        },
      ];
    })
    .sort((a, b) => a.handover.at.localeCompare(b.handover.at));
}

/** The officer a station named, when he is one of the brigade's active officers. */
function meantFor(
  to: string | null | undefined,
  officers: ReadonlyMap<string, string>,
): HandedOverCase['meantFor'] {
  const name = to ? officers.get(to) : undefined;
  return to && name !== undefined ? { id: to, name } : null;
}

/** The brigade's active officers, by unit and name (a station names one at hand-over). */
export async function brigadeOfficers(db: Db, brigadeId: string): Promise<BrigadeOfficer[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.display_name', 'units.name as unitName'])
    .where('units.brigade_id', '=', brigadeId)
    .where('users.role', '=', 'officer')
    .where('users.disabled_at', 'is', null)
    .orderBy('units.name')
    .orderBy('users.display_name')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, unitName: r.unitName }));
}

const notAwaiting = () =>
  new HttpError(
    409,
    'not_awaiting_officer',
    'This case was not handed over by a station, or an officer has confirmed it already.',
  );

function checkLiability(liability: LiabilityByVehicle, record: CaseRecord): void {
  const labels = vehicleLabels(record);
  if (namesExactly(liability, labels)) return;
  const vehicles = labels.join(', ');
  throw new HttpError(
    422,
    'invalid_determination',
    `The liability must name exactly the case’s vehicles (${vehicles}).`,
    [{ path: 'body.liability', message: `must name exactly the vehicles ${vehicles}` }],
    { vehicles: labels },
  );
}

/**
 * An officer of the case's brigade confirms (or corrects) a station's case
 * and determines its liability; 404 for a case outside his brigade.
 */
export async function confirmStationCase(
  db: Db,
  session: Session,
  caseId: string,
  request: StationConfirmRequest,
  at: Date,
): Promise<StationConfirmation> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .innerJoin('units', 'units.id', 'cases.unit_id')
      .select([
        'cases.body',
        'cases.officer_id',
        'cases.manifest_version',
        'cases.state',
        'units.brigade_id',
      ])
      .where('cases.id', '=', caseId)
      .executeTakeFirst();
    if (!row || !session.brigadeId || row.brigade_id !== session.brigadeId || !session.unitId) {
      throw notFound();
    }
    const record = JSON.parse(row.body) as CaseRecord;
    const confirmed = await trx
      .selectFrom('station_confirmations')
      .select('case_id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!awaitsStationConfirmation(record, confirmed !== undefined)) throw notAwaiting();
    checkLiability(request.liability, record);
    const now = at.toISOString();
    const inserted = await trx
      .insertInto('station_confirmations')
      .values({
        case_id: caseId,
        station_user_id: row.officer_id,
        officer_id: session.userId,
        decision: request.decision,
        note: request.note.trim(),
        liability: JSON.stringify(request.liability),
        reason: request.reason.trim(),
        basis: JSON.stringify(request.basis),
        based_on_version: row.manifest_version,
        at: now,
      })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw notAwaiting();
    const me = await trx
      .selectFrom('users')
      .select(['id', 'display_name', 'role'])
      .where('id', '=', session.userId)
      .executeTakeFirstOrThrow();
    const confirmation: StationConfirmation = {
      caseId,
      by: { id: me.id, name: me.display_name, role: confirmerRole(me.role) },
      decision: request.decision,
      note: request.note.trim(),
      liability: request.liability,
      reason: request.reason.trim(),
      basis: request.basis,
      manifestVersion: row.manifest_version,
      at: now,
    };
    await trx
      .insertInto('changes')
      .values({
        case_id: caseId,
        kind: 'station-confirmed',
        state: row.state,
        actor_id: session.userId,
        actor_role: session.role,
        note: null,
        at: now,
        manifest_version: row.manifest_version,
        determination: JSON.stringify(determinationOf(confirmation)),
      })
      .execute();
    await appendAudit(trx, at, {
      actor: session.userId,
      action: 'case.station_confirmed',
      subject: caseId,
      details: {
        decision: request.decision,
        station: row.officer_id,
        manifestVersion: row.manifest_version,
        liability: request.liability,
      },
    });
    return confirmation;
  });
}

/** The officer's confirmation of a station's case, if there is one (the timeline, the case). */
export async function stationConfirmationOf(
  db: Db,
  caseId: string,
): Promise<StationConfirmation | undefined> {
  const row = await db
    .selectFrom('station_confirmations')
    .innerJoin('users', 'users.id', 'station_confirmations.officer_id')
    .selectAll('station_confirmations')
    .select(['users.display_name', 'users.role'])
    .where('station_confirmations.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    caseId,
    by: { id: row.officer_id, name: row.display_name, role: confirmerRole(row.role) },
    decision: row.decision as StationConfirmation['decision'],
    note: row.note,
    liability: JSON.parse(row.liability) as LiabilityByVehicle,
    reason: row.reason,
    basis: row.basis === null ? [] : (JSON.parse(row.basis) as Basis[]),
    manifestVersion: row.based_on_version,
    at: row.at,
  };
}

/** The officer's determination as the station's phone receives it (the feed's `determination`). */
function determinationOf(c: StationConfirmation): OfficerDetermination {
  return {
    by: { id: c.by.id, name: c.by.name },
    at: c.at,
    liability: c.liability,
    reason: c.reason,
    basis: c.basis,
    decision: c.decision,
    note: c.note,
  };
}

/**
 * A station sent the signed version of a case an officer confirmed: the case
 * becomes his — his id and his unit, which sees it from then on (and holds
 * the photos the station uploaded); the station's unit no longer does. Run in
 * the version's transaction.
 */
export async function signedStationCase(
  trx: Db,
  caseId: string,
  confirmed: ConfirmedStationCase,
  from: { unitId: string | null; photos: readonly string[] },
  at: Date,
): Promise<void> {
  const officer = await trx
    .selectFrom('users')
    .select(['unit_id'])
    .where('id', '=', confirmed.officerId)
    .executeTakeFirst();
  if (!officer?.unit_id) return;
  // The station uploaded the photos: his unit holds them from now on too, so
  // the receipts, his screens and the insurers' packets find every one.
  for (const sha256 of await heldByUnit(trx, from.unitId, from.photos)) {
    await recordPhotoHolder(
      trx,
      { userId: confirmed.stationUserId, unitId: officer.unit_id },
      sha256,
      at,
    );
  }
  await trx
    .updateTable('cases')
    .set({ officer_id: confirmed.officerId, unit_id: officer.unit_id })
    .where('id', '=', caseId)
    .execute();
  await appendAudit(trx, at, {
    actor: confirmed.officerId,
    action: 'case.station_signed',
    subject: caseId,
    details: { station: confirmed.stationUserId, unit: officer.unit_id },
  });
}

export interface ConfirmedStationCase extends ConfirmedDetermination {
  stationUserId: string;
}

/** The officer's confirmation the server holds for a case, as the ingest checks it. */
export async function confirmedDetermination(
  db: Db,
  caseId: string,
): Promise<ConfirmedStationCase | undefined> {
  const row = await db
    .selectFrom('station_confirmations')
    .select(['officer_id', 'station_user_id', 'liability'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row
    ? {
        officerId: row.officer_id,
        stationUserId: row.station_user_id,
        liability: JSON.parse(row.liability) as LiabilityByVehicle,
      }
    : undefined;
}
