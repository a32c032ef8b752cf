/**
 * The officer's session on this phone (idb-keyval, beside the case database).
 * Signing in needs the network; after that the officer stays signed in
 * offline for a shift (12 hours by default). When the shift is over, or the
 * server refused the token (401), capture goes on but sending waits until the
 * officer signs in again. Signing out forgets the token only: every unsent
 * case stays on the phone, and the count is returned so the UI can warn.
 */
import { createStore, del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import type { LoginResponse, PhoneLock, UserProfile } from '../contracts/auth';
import type { KuaichuDb } from './db';

export const DEFAULT_SHIFT_MS = 12 * 60 * 60 * 1000;
const KEY = 'session';

export interface StoredSession {
  token: string;
  user: UserProfile;
  /** The server's expiry of the token. */
  expiresAt: string;
  /** Device time of sign-in: the shift counts from here. */
  signedInAt: string;
  /** Set when the server answered 401 to this token. */
  rejectedAt?: string;
  /**
   * The brigade's lock settings for this phone, as the sign-in gave them or a
   * later pull renewed them (`updatePhoneLock`; absent: the defaults).
   */
  phoneLock?: PhoneLock;
}

export type SessionState =
  | { kind: 'signed-out' }
  | { kind: 'active'; session: StoredSession; shiftEndsAt: string }
  | {
      kind: 'expired';
      session: StoredSession;
      why: 'shift-over' | 'token-expired' | 'rejected';
    };

export interface SessionStoreOptions {
  /** Epoch ms; tests pass a fake clock. */
  now: () => number;
  /** How long the officer stays signed in; default 12 h. */
  shiftMs?: number;
  /** Default: database `kuaichu-session`, store `kv`. */
  store?: UseStore;
}

export interface SessionStore {
  readonly shiftMs: number;
  state(): Promise<SessionState>;
  /**
   * The state last read, without waiting (undefined before the first read and
   * after every sign-in, sign-out, rejection or changed lock): the shell's first render.
   */
  peek?(): SessionState | undefined;
  /** The session when it may send now, else undefined. */
  active(): Promise<StoredSession | undefined>;
  signIn(login: LoginResponse): Promise<StoredSession>;
  /** The server refused `token` (401); a newer session is left alone. */
  reject(token: string): Promise<void>;
  /**
   * The brigade's lock settings changed since `token`'s sign-in: kept with
   * that session (a newer one is left alone); listeners are told only when
   * they differ from those kept.
   */
  updatePhoneLock(token: string, phoneLock: PhoneLock): Promise<void>;
  /** Forgets the token, keeps every case; answers how many cases were unsent. */
  signOut(db: KuaichuDb): Promise<{ unsentCases: number }>;
  /** Called after every sign-in, sign-out, rejection and changed phone lock. */
  subscribe(listener: () => void): () => void;
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const shiftMs = options.shiftMs ?? DEFAULT_SHIFT_MS;
  let kv = options.store;
  const db = () => (kv ??= createStore('kuaichu-session', 'kv'));
  const listeners = new Set<() => void>();
  let known: SessionState | undefined;
  // A read that began before a change does not bring back the state it replaced.
  let changes = 0;
  const notify = () => {
    known = undefined;
    changes++;
    for (const l of [...listeners]) l();
  };
  const read = () => get<StoredSession>(KEY, db());
  /**
   * Reads the session and writes back what `edit` makes of it, in one
   * transaction (a sign-out in between is not undone); answers whether it wrote.
   */
  const change = (edit: (session: StoredSession) => StoredSession | undefined) =>
    db()(
      'readwrite',
      (kv) =>
        new Promise<boolean>((resolve, reject) => {
          const request = kv.get(KEY);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const session = request.result as StoredSession | undefined;
            const edited = session && edit(session);
            if (edited) kv.put(edited, KEY);
            resolve(promisifyRequest(kv.transaction).then(() => edited !== undefined));
          };
        }),
    );

  const state = async (): Promise<SessionState> => {
    const at = changes;
    const current = stateOf(await read());
    if (at === changes) known = current;
    return current;
  };
  const stateOf = (session: StoredSession | undefined): SessionState => {
    if (!session) return { kind: 'signed-out' };
    if (session.rejectedAt) return { kind: 'expired', session, why: 'rejected' };
    const now = options.now();
    const shiftEnds = Date.parse(session.signedInAt) + shiftMs;
    if (now >= Date.parse(session.expiresAt))
      return { kind: 'expired', session, why: 'token-expired' };
    if (now >= shiftEnds) return { kind: 'expired', session, why: 'shift-over' };
    return { kind: 'active', session, shiftEndsAt: new Date(shiftEnds).toISOString() };
  };

  return {
    shiftMs,
    state,
    peek: () => known,
    async active() {
      const s = await state();
      return s.kind === 'active' ? s.session : undefined;
    },
    async signIn(login) {
      const session: StoredSession = {
        token: login.token,
        user: login.user,
        expiresAt: login.expiresAt,
        signedInAt: new Date(options.now()).toISOString(),
        ...(login.phoneLock && { phoneLock: login.phoneLock }),
      };
      await set(KEY, session, db());
      notify();
      return session;
    },
    async reject(token) {
      const rejectedAt = new Date(options.now()).toISOString();
      // Read and write in one transaction: a sign-out in between must not be
      // undone by writing the session back (a 401 often answers a request
      // the sign-out's own logout overtook).
      const rejected = await change((session) =>
        session.token === token && !session.rejectedAt ? { ...session, rejectedAt } : undefined,
      );
      if (rejected) notify();
    },
    async updatePhoneLock(token, phoneLock) {
      const changed = await change((session) =>
        session.token === token && !samePhoneLock(session.phoneLock, phoneLock)
          ? { ...session, phoneLock }
          : undefined,
      );
      if (changed) notify();
    },
    async signOut(caseDb) {
      // Loaded here, not at the top: the session is read before the case database's code loads.
      const { countUnsent } = await import('./cases-repo');
      const unsent = await countUnsent(caseDb);
      await del(KEY, db());
      notify();
      return { unsentCases: unsent.cases };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const samePhoneLock = (a: PhoneLock | undefined, b: PhoneLock): boolean =>
  a?.idleMinutes === b.idleMinutes &&
  a.offlineLimitHours === b.offlineLimitHours &&
  a.pinRequired === b.pinRequired;
