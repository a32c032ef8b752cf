/**
 * `GET /api/cases/:id/history`: every manifest version of a case as the
 * server received it (with the officer who sent it), every review action on
 * it (the changes feed's returns, approvals, take-overs, reopens and the
 * squad's amendments with their determination, not the insurers' claim
 * steps) and every hand-over, oldest first, each with who did it by name;
 * and the take-over, when the squad took the case over.
 */
import type { Kysely } from 'kysely';
import type {
  CaseHistory,
  CaseVersion,
  MissingItem,
  ReviewEntry,
} from '../../src/contracts/review';
import type { Role } from '../../src/contracts/route';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { CaseState } from '../../src/domain/case/case-state';
import type { PhotoMeta } from '../../src/domain/case/photo.schema';
import type { SquadDetermination } from '../../src/domain/review/squad-amendment';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

async function versionsOf(db: Db, caseId: string): Promise<CaseVersion[]> {
  const rows = await db
    .selectFrom('case_versions')
    .innerJoin('users', 'users.id', 'case_versions.officer_id')
    .select([
      'case_versions.version',
      'case_versions.received_at',
      'case_versions.manifest_hash',
      'case_versions.flags',
      'case_versions.officer_id',
      'users.display_name',
      'case_versions.device_id',
      'case_versions.body',
      'case_versions.photos',
    ])
    .where('case_versions.case_id', '=', caseId)
    .orderBy('case_versions.version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    receivedAt: r.received_at,
    manifestHash: r.manifest_hash,
    flags: JSON.parse(r.flags) as string[],
    officer: { id: r.officer_id, name: r.display_name },
    deviceId: r.device_id,
    case: JSON.parse(r.body) as CaseRecord,
    photos: JSON.parse(r.photos) as PhotoMeta[],
  }));
}

interface Timed {
  at: string;
  entry: ReviewEntry;
}

/**
 * The review actions of the changes feed, and the insurers' steps
 * (acknowledged, assessed, paid). A reopen is stored as a return
 * followed, in the same instant, by the reopened claims' own entries: that
 * is how it is told apart.
 */
async function actionsOf(db: Db, caseId: string): Promise<Timed[]> {
  const rows = await db
    .selectFrom('changes')
    .innerJoin('users', 'users.id', 'changes.actor_id')
    .select([
      'changes.id',
      'changes.kind',
      'changes.state',
      'changes.at',
      'changes.actor_id',
      'changes.actor_role',
      'changes.note',
      'changes.missing',
      'changes.manifest_version',
      'changes.insurer_id',
      'changes.amendment',
      'users.display_name',
    ])
    .where('changes.case_id', '=', caseId)
    .where('changes.actor_role', 'in', ['reviewer', 'insurer'])
    .orderBy('changes.id')
    .execute();
  const reopenedAt = new Set(
    rows.filter((r) => r.insurer_id !== null && r.kind === 'returned').map((r) => r.at),
  );
  // The reviewer's own entries, and each insurer's steps (the approval's
  // per-insurer deliveries and a reopen's per-claim entries are not steps).
  return rows
    .filter((r) => r.insurer_id === null || r.actor_role === 'insurer')
    .map((r) => ({
      at: r.at,
      entry: {
        cursor: String(r.id),
        kind: r.kind === 'returned' && reopenedAt.has(r.at) ? 'reopened' : r.kind,
        state: r.state as CaseState,
        at: r.at,
        by: { id: r.actor_id, name: r.display_name, role: r.actor_role as Role },
        ...(r.note !== null && { note: r.note }),
        ...(r.missing !== null && { missing: JSON.parse(r.missing) as MissingItem[] }),
        ...(r.amendment !== null && {
          amendment: JSON.parse(r.amendment) as SquadDetermination,
        }),
        ...(r.manifest_version !== null && { manifestVersion: r.manifest_version }),
      },
    }));
}

/** Hand-overs, each with the case's state as the feed last gave it before. */
async function handoversOf(db: Db, caseId: string): Promise<Timed[]> {
  const rows = await db
    .selectFrom('case_handovers')
    .innerJoin('users', 'users.id', 'case_handovers.by_user_id')
    .select([
      'case_handovers.id',
      'case_handovers.at',
      'case_handovers.by_user_id',
      'case_handovers.by_role',
      'case_handovers.reason',
      'case_handovers.manifest_version',
      'users.display_name',
    ])
    .where('case_handovers.case_id', '=', caseId)
    .orderBy('case_handovers.id')
    .execute();
  const timeline = await db
    .selectFrom('changes')
    .select(['at', 'state'])
    .where('case_id', '=', caseId)
    .where('insurer_id', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    entry: {
      cursor: `handover-${r.id}`,
      kind: 'handed-over',
      state: (timeline.filter((c) => c.at <= r.at).at(-1)?.state ?? 'synced') as CaseState,
      at: r.at,
      by: { id: r.by_user_id, name: r.display_name, role: r.by_role as Role },
      note: r.reason,
      manifestVersion: r.manifest_version,
    },
  }));
}

/** The history of a case the caller has already found in scope. */
export async function caseHistory(db: Db, caseId: string): Promise<CaseHistory> {
  const taken = await db
    .selectFrom('cases')
    .leftJoin('users', 'users.id', 'cases.taken_over_by')
    .select([
      'cases.taken_over_by',
      'cases.taken_over_at',
      'cases.taken_over_reason',
      'users.display_name',
      'users.role',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const timed = [...(await actionsOf(db, caseId)), ...(await handoversOf(db, caseId))];
  // Stable: at the same instant, feed entries before hand-overs, each in its own order.
  timed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    caseId,
    versions: await versionsOf(db, caseId),
    actions: timed.map((t) => t.entry),
    ...(taken.taken_over_by !== null &&
      taken.taken_over_at !== null && {
        takenOver: {
          by: {
            id: taken.taken_over_by,
            name: taken.display_name ?? '',
            role: (taken.role ?? 'reviewer') as Role,
          },
          at: taken.taken_over_at,
          reason: taken.taken_over_reason ?? '',
        },
      }),
  };
}
