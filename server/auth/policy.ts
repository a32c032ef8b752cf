/**
 * The one policy module. A {@link Scope} is derived from the session only —
 * never from a body, query or header — and every query helper that reads
 * cases, devices, uploads or changes filters by it:
 *
 * | role     | scope                                                     |
 * | -------- | --------------------------------------------------------- |
 * | officer  | cases of his unit; his own devices and uploads            |
 * | station  | as an officer: the cases of its rural station             |
 * | reviewer | cases of every unit of his brigade                        |
 * | insurer  | cases it holds a claim on (a reviewer approved them); in  |
 * |          | the changes feed, only its own claims' steps              |
 * | admin    | configuration (users, units, insurers, every device); no cases |
 * |          | (the overdue list alone names cases: number, insurer, plates;  |
 * |          | packets/overdue.ts; the five-fast dashboard of his unit's |
 * |          | brigade: figures, and case ids and numbers behind them)   |
 *
 * An object outside the scope is answered exactly like one that does not
 * exist (404), so ids cannot be probed.
 */
import { sql } from 'kysely';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Role } from '../../src/contracts/route';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';
import type { Session } from './sessions';
import { capitalise, withArticle } from '../english';

export type Scope =
  | { kind: 'unit'; unitId: string; userId: string }
  | { kind: 'brigade'; brigadeId: string; userId: string }
  | { kind: 'insurer'; insurerId: string; userId: string }
  | { kind: 'config'; userId: string }
  | { kind: 'nothing'; userId: string };

export function scopeFor(session: Session): Scope {
  const userId = session.userId;
  switch (session.role) {
    case 'officer':
    case 'station':
      return session.unitId
        ? { kind: 'unit', unitId: session.unitId, userId }
        : { kind: 'nothing', userId };
    case 'reviewer':
      return session.brigadeId
        ? { kind: 'brigade', brigadeId: session.brigadeId, userId }
        : { kind: 'nothing', userId };
    case 'insurer':
      return session.insurerId
        ? { kind: 'insurer', insurerId: session.insurerId, userId }
        : { kind: 'nothing', userId };
    case 'admin':
      return { kind: 'config', userId };
  }
}

/** The same answer as for an id that does not exist. */
export const notFound = (what = 'case'): HttpError =>
  new HttpError(404, 'not_found', `No such ${what}.`);

export function requireRole(session: Session, roles: readonly Role[]): void {
  if (!roles.includes(session.role)) {
    throw new HttpError(
      403,
      'forbidden_role',
      `${capitalise(withArticle(session.role))} may not do this.`,
    );
  }
}

type Db = Kysely<Database>;
/**
 * Restricts a query that includes the `cases` table (alone or joined) to the
 * scope. The casts only widen the table list Kysely tracks; the filter itself
 * is always on `cases`.
 */
export function whereCaseInScope<TB extends keyof Database, O>(
  db: Db,
  scope: Scope,
  query: SelectQueryBuilder<Database, TB, O>,
): SelectQueryBuilder<Database, TB, O> {
  const q = query as unknown as SelectQueryBuilder<Database, 'cases', O>;
  const filtered = ((): SelectQueryBuilder<Database, 'cases', O> => {
    switch (scope.kind) {
      case 'unit':
        return q.where('cases.unit_id', '=', scope.unitId);
      case 'brigade':
        return q.where(
          'cases.unit_id',
          'in',
          db.selectFrom('units').select('units.id').where('units.brigade_id', '=', scope.brigadeId),
        );
      case 'insurer':
        return q.where(
          'cases.id',
          'in',
          db
            .selectFrom('claims')
            .select('claims.case_id')
            .where('claims.insurer_id', '=', scope.insurerId),
        );
      case 'config':
      case 'nothing':
        return q.where(sql<boolean>`1 = 0`);
    }
  })();
  return filtered as unknown as SelectQueryBuilder<Database, TB, O>;
}

/** Every case in scope, newest first. */
export function casesInScope(db: Db, scope: Scope) {
  return whereCaseInScope(db, scope, db.selectFrom('cases').selectAll('cases')).orderBy(
    'cases.updated_at',
    'desc',
  );
}

/** One case, or a 404 when absent or out of scope. */
export async function caseInScopeOr404(db: Db, scope: Scope, caseId: string) {
  const row = await whereCaseInScope(db, scope, db.selectFrom('cases').selectAll('cases'))
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * Entries of the changes feed the session may see: every entry of the cases
 * in scope, except that an insurer sees only the steps of its own claims.
 */
export function changesInScope(db: Db, scope: Scope) {
  const query = whereCaseInScope(
    db,
    scope,
    db.selectFrom('changes').innerJoin('cases', 'cases.id', 'changes.case_id').selectAll('changes'),
  );
  return scope.kind === 'insurer' ? query.where('changes.insurer_id', '=', scope.insurerId) : query;
}

/** Devices the session may see: an officer his own, an admin all. */
export function devicesInScope(db: Db, scope: Scope) {
  const query = db.selectFrom('devices').selectAll();
  if (scope.kind === 'config') return query;
  return query.where('devices.user_id', '=', scope.userId);
}

/** An upload belongs to its uploader only (an officer's photo, an insurer's assessment photo). */
export const canTouchUpload = (scope: Scope, uploaderId: string | null | undefined): boolean =>
  (scope.kind === 'unit' || scope.kind === 'insurer') && uploaderId === scope.userId;
