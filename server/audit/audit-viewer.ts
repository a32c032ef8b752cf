/**
 * The admin's read of the audit chain: a page of events newest first,
 * filtered by subject, actor (id or username), action (exact, or a family
 * ending in a dot) and CST days, read by id over the primary key; each
 * event's details reduced to what an admin may read (ids, hashes, codes,
 * numbers, flags — never an officer's free text, a plate or a name typed on
 * scene — but the words a supervisor typed for the audit itself: why he
 * revealed a phone's recovery code). The chain's verdict is
 * verifyAuditChain's, cut to its first breaks.
 */
import { sql, type Kysely } from 'kysely';
import type {
  AuditEvent,
  AuditPage,
  AuditQuery,
  AuditVerification,
} from '../../src/contracts/audit';
import { cstDayStart } from '../cst-day';
import type { Database } from '../db/schema';
import { HttpError } from '../errors';
import { verifyAuditChain } from './audit-log';

type Db = Kysely<Database>;

export const DEFAULT_AUDIT_PAGE = 50;
const MAX_AUDIT_PAGE = 100;
const MAX_BREAKS = 20;

/** A token an admin may read: an id, hash, code, slug, username or timestamp. */
const TOKEN = /^[\w.:@+-]{1,160}$/;

type Shown = AuditEvent['details'][string];

function shown(value: unknown): Shown | undefined {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return TOKEN.test(value) ? value : undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && TOKEN.test(v))) {
    return value as string[];
  }
  return undefined;
}

/**
 * Free text an admin reads, by action: words typed for the audit by a
 * supervisor or admin (a recovery code's reveal says why; 200 characters at
 * most, RevealRecoveryCodeRequest), never an officer's words on scene.
 */
const AUDIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  'device.recovery_code_revealed': ['reason'],
};

/** The details an admin may read, and the keys of those he may not. */
export function adminDetails(json: string, action: string): Pick<AuditEvent, 'details' | 'hidden'> {
  const words = AUDIT_WORDS[action] ?? [];
  const parsed: unknown = JSON.parse(json);
  const details: AuditEvent['details'] = {};
  const hidden: string[] = [];
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [key, value] of Object.entries(parsed)) {
      const v = words.includes(key) && typeof value === 'string' ? value : shown(value);
      if (v === undefined) hidden.push(key);
      else details[key] = v;
    }
  }
  return { details, hidden };
}

function pageSize(limit: string | undefined): number {
  const n = limit === undefined ? DEFAULT_AUDIT_PAGE : Number(limit);
  if (n < 1 || n > MAX_AUDIT_PAGE) {
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', [
      { path: 'querystring.limit', message: `must be 1–${MAX_AUDIT_PAGE}` },
    ]);
  }
  return n;
}

/** The actor as stored: a username is read as its user's id. */
async function actorId(db: Db, actor: string): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', actor)
    .executeTakeFirst();
  return user?.id ?? actor;
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const limit = pageSize(query.limit);
  let q = db
    .selectFrom('audit_events')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (query.subject) q = q.where('subject', '=', query.subject);
  if (query.actor) q = q.where('actor', '=', await actorId(db, query.actor));
  // A family by its prefix, compared as text: LIKE would read `_` as a wildcard.
  const family = query.action;
  if (family?.endsWith('.'))
    q = q.where(sql<string>`substr(action, 1, ${family.length})`, '=', family);
  else if (query.action) q = q.where('action', '=', query.action);
  if (query.from) q = q.where('at', '>=', cstDayStart(query.from, 'from'));
  if (query.to) q = q.where('at', '<', cstDayStart(query.to, 'to', 1));
  if (query.before) q = q.where('id', '<', Number(query.before));
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const ids = [...new Set(page.map((r) => r.actor))];
  const users = ids.length
    ? await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const names = new Map(users.map((u) => [u.id, `${u.display_name}（${u.username}）`]));
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorName: names.get(r.actor) ?? null,
      action: r.action,
      subject: r.subject,
      ...adminDetails(r.details, r.action),
    })),
    next: rows.length > limit ? String(page.at(-1)?.id) : null,
  };
}

export async function auditVerification(db: Db): Promise<AuditVerification> {
  const verdict = await verifyAuditChain(db);
  return {
    ok: verdict.ok,
    count: verdict.count,
    headHash: verdict.headHash,
    breaks: verdict.ok ? [] : verdict.breaks.slice(0, MAX_BREAKS),
  };
}
