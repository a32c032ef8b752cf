/**
 * `GET /api/cases/:id/timeline`: a case's events on one line of time,
 * assembled from the rows already kept — the case as last received (its
 * arrival, each step and each photo, at the place it records, by its
 * officer), each version received (`case_versions`, with the phone's label),
 * each review action and hand-over (`caseHistory`, the reviewers' entries),
 * each current or superseded packet (`claims`: delivered, acknowledged with
 * who, assessed, paid) and each webhook delivery the insurer's endpoint took
 * (`webhook_deliveries`), each party's confirmation of the determination
 * from their own phone (`party_confirmations`, the vehicle's label as its
 * detail), and for a rural station's case its hand-over (by the station) and
 * the officer's confirmation or correction with his determination
 * (`station_confirmations`). Oldest first; at the same instant in that order.
 */
import type { Kysely } from 'kysely';
import type { TimelineEvent, CaseTimeline } from '../../src/contracts/timeline';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { PhotoMeta } from '../../src/domain/case/photo.schema';
import type { Database } from '../db/schema';
import { caseHistory } from './history';
import { stationConfirmationOf } from './station-confirm';
import type { Role } from '../../src/contracts/route';

type Db = Kysely<Database>;

/** The role of whoever captured the case: a rural station's account when it handed the case over. */
const captorRole = (record: CaseRecord) => (record.handover ? 'station' : 'officer') as Role;

/** Arrival, each step and each photo, from the case as last received. */
function sceneEvents(record: CaseRecord, photos: readonly PhotoMeta[]): TimelineEvent[] {
  const role = captorRole(record);
  const by = record.officer ? { by: { name: record.officer.name, role } } : {};
  const where = record.location.address ? { where: record.location.address } : {};
  const handover = record.handover;
  return [
    ...(handover
      ? [
          {
            at: handover.at,
            kind: 'step',
            detail: 'station-handover',
            by: { name: handover.by.name, role: 'station' },
            ...where,
          } satisfies TimelineEvent,
        ]
      : []),
    { at: record.arrivedAt, kind: 'step', detail: 'arrived', ...by, ...where },
    ...record.transitions.map((t): TimelineEvent => ({
      at: t.at,
      kind: 'step',
      detail: t.to,
      ...by,
      ...where,
    })),
    ...photos.map((p): TimelineEvent => ({ at: p.takenAt, kind: 'photo', detail: p.slot, ...by })),
  ];
}

async function deviceLabels(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'label'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** The packets' steps, with the insurer as the place and the call-back's taker by name. */
async function claimEvents(db: Db, caseId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('claims')
    .innerJoin('insurers', 'insurers.id', 'claims.insurer_id')
    .leftJoin('users', 'users.id', 'claims.acknowledged_by')
    .select([
      'claims.manifest_version',
      'claims.delivered_at',
      'claims.acknowledged_at',
      'claims.assessed_at',
      'claims.paid_at',
      'insurers.name as insurer',
      'users.display_name as acknowledgedBy',
    ])
    .where('claims.case_id', '=', caseId)
    .orderBy('claims.delivered_at')
    .orderBy('insurers.name')
    .execute();
  return rows.flatMap((r) => {
    const where = r.insurer;
    const insurer = { name: r.insurer, role: 'insurer' as const };
    const events: TimelineEvent[] = [
      { at: r.delivered_at, kind: 'packet-delivered', detail: String(r.manifest_version), where },
    ];
    if (r.acknowledged_at) {
      const by = r.acknowledgedBy ? { name: r.acknowledgedBy, role: 'insurer' as const } : insurer;
      events.push({ at: r.acknowledged_at, kind: 'acknowledged', by, where });
    }
    if (r.assessed_at) events.push({ at: r.assessed_at, kind: 'assessed', by: insurer, where });
    if (r.paid_at) events.push({ at: r.paid_at, kind: 'paid', by: insurer, where });
    return events;
  });
}

/** Each webhook delivery an insurer's endpoint took (`detail`: the event, e.g. packet.created). */
async function webhookEvents(db: Db, caseId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_messages', 'webhook_messages.id', 'webhook_deliveries.message_id')
    .innerJoin('insurers', 'insurers.id', 'webhook_messages.insurer_id')
    .select(['webhook_deliveries.delivered_at', 'webhook_messages.event_type', 'insurers.name'])
    .where('webhook_messages.case_id', '=', caseId)
    .where('webhook_deliveries.delivered_at', 'is not', null)
    .execute();
  return rows.map((r) => ({
    at: r.delivered_at!,
    kind: 'webhook-delivered',
    detail: r.event_type,
    where: r.name,
  }));
}

/** Each party's own confirmation of the determination (`detail`: the vehicle, A, B …). */
async function partyEvents(db: Db, caseId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('party_confirmations')
    .select(['vehicle', 'confirmed_at'])
    .where('case_id', '=', caseId)
    .orderBy('confirmed_at')
    .execute();
  return rows.map((r) => ({ at: r.confirmed_at, kind: 'party-confirmed', detail: r.vehicle }));
}

/** The timeline of a case the caller has already found in scope. */
export async function caseTimeline(db: Db, caseId: string): Promise<CaseTimeline> {
  const row = await db
    .selectFrom('cases')
    .select(['body', 'photos'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const history = await caseHistory(db, caseId);
  const record = JSON.parse(row.body) as CaseRecord;
  const confirmation = await stationConfirmationOf(db, caseId);
  const labels = await deviceLabels(db, [...new Set(history.versions.map((v) => v.deviceId))]);
  const events: TimelineEvent[] = [
    ...sceneEvents(record, JSON.parse(row.photos) as PhotoMeta[]),
    ...history.versions.map((v): TimelineEvent => ({
      at: v.receivedAt,
      kind: 'received',
      detail: String(v.version),
      by: {
        name: v.officer.name,
        role: v.officer.id === record.handover?.by.id ? 'station' : 'officer',
      },
      ...(labels.has(v.deviceId) && { where: labels.get(v.deviceId) }),
    })),
    // The insurers' steps come from their packets, with the insurer named.
    ...history.actions
      .filter((a) => a.by.role !== 'insurer')
      .map((a): TimelineEvent => ({ at: a.at, kind: 'review', detail: a.kind, by: a.by })),
    // An officer (or a reviewer) confirmed (or corrected) a station's case and determined liability.
    ...(confirmation
      ? [
          {
            at: confirmation.at,
            kind: 'review',
            detail: `station-${confirmation.decision}`,
            by: { name: confirmation.by.name, role: confirmation.by.role },
          } satisfies TimelineEvent,
        ]
      : []),
    ...(await claimEvents(db, caseId)),
    ...(await webhookEvents(db, caseId)),
    ...(await partyEvents(db, caseId)),
  ];
  const ms = (e: TimelineEvent) => Date.parse(e.at);
  return { caseId, events: events.sort((a, b) => ms(a) - ms(b)) };
}
