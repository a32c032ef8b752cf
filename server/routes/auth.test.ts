import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoginResponse, MeResponse } from '../../src/contracts/auth';
import { ErrorBody } from '../../src/contracts/errors';
import { verifyAuditChain } from '../audit/audit-log';
import { disableUser } from '../auth/accounts';
import { ACTORS, openTestWorld, TEST_PASSWORD } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const login = (username: string, password = TEST_PASSWORD, remoteAddress = '10.0.0.1') =>
  w.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });

const me = (token: string) =>
  w.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

const auditActions = async () =>
  (await w.fx.db.selectFrom('audit_events').select('action').orderBy('id').execute()).map(
    (r) => r.action,
  );

describe('login, me, logout', () => {
  it('signs in, answers who it is, and logs out', async () => {
    const res = await login('officera');

    expect(res.statusCode).toBe(200);
    const body = LoginResponse.parse(res.json());
    expect(body.user).toMatchObject({
      username: 'officera',
      role: 'officer',
      unit: { id: w.units.patrolA.id },
      insurer: null,
    });
    expect(body.expiresAt).toBe('2026-11-27T21:30:00.000Z');
    const stored = await w.fx.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(body.token);

    const who = await me(body.token);
    expect(who.statusCode).toBe(200);
    expect(MeResponse.parse(who.json()).user.id).toBe(w.users.officerA.id);

    const out = await w.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(out.statusCode).toBe(204);
    const after = await me(body.token);
    expect(after.statusCode).toBe(401);
    expect(ErrorBody.parse(after.json()).error.code).toBe('unauthenticated');
    expect(await auditActions()).toEqual(expect.arrayContaining(['auth.login', 'auth.logout']));
  });

  it('refuses a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await login('officera', 'nope');
    const unknown = await login('nobody', 'nope');

    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: {
          code: 'bad_credentials',
          message: 'Wrong username or password, or the account is disabled.',
        },
      });
    }
    expect((await auditActions()).filter((a) => a === 'auth.login_failed')).toHaveLength(2);
  });

  it('stops one address trying a password on many accounts (per-address limit)', async () => {
    const usernames = [...Object.values(w.users).map((u) => u.username), 'nobody', 'root'];
    const statuses: number[] = [];
    for (let i = 0; i < 48; i++) {
      statuses.push((await login(usernames[i % usernames.length]!, 'Password123')).statusCode);
    }

    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    const locked = await login('officera');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(ErrorBody.parse(locked.json()).error.code).toBe('rate_limited');
    expect((await login('officera', TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(200);
  });

  it('slows guessing one account from many addresses, but never locks its owner out', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      let res = await login('officera', 'bad', `10.1.0.${i}`);
      if (res.statusCode === 429) {
        waits.push(Number(res.headers['retry-after']));
        w.clock.now = new Date(w.clock.now.getTime() + waits.at(-1)! * 1000);
        res = await login('officera', 'bad', `10.1.0.${i}`);
      }
      expect(res.statusCode).toBe(401);
    }
    expect(waits.length).toBeGreaterThan(20);
    expect(Math.max(...waits)).toBe(300);

    const owner = await login('officera', TEST_PASSWORD, '10.2.0.1');
    expect(owner.statusCode).toBe(429);
    w.clock.now = new Date(w.clock.now.getTime() + Number(owner.headers['retry-after']) * 1000);
    expect((await login('officera', TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    expect((await login('officera', TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('ends a session at its expiry', async () => {
    const { token } = LoginResponse.parse((await login('reviewera')).json());
    w.clock.now = new Date(w.clock.now.getTime() + 12 * 60 * 60 * 1000);

    const res = await me(token);

    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('a disabled account loses its sessions and cannot sign in', async () => {
    await disableUser(w.fx.db, 'officerb', 'test', w.clock.now);

    expect((await me(w.users.officerB.token)).statusCode).toBe(401);
    expect((await login('officerb')).statusCode).toBe(401);
  });

  it.each(['', 'Bearer', 'Bearer x', 'Basic abc', `Bearer ${'A'.repeat(43)}`])(
    'answers 401 for Authorization %j',
    async (authorization) => {
      const res = await w.app.inject({ url: '/api/auth/me', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toMatch(/stack|at .*\.ts/);
    },
  );

  it('lists the fields at fault for a bad login body', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '' },
    });

    expect(res.statusCode).toBe(400);
    const fields = ErrorBody.parse(res.json()).error.fields?.map((f) => f.path);
    expect(fields).toEqual(['body.username', 'body.password']);
  });
});

describe('ill-formed text', () => {
  it('refuses a lone UTF-16 surrogate in the username with 400 naming the field, and the audit chain stays intact', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"\\ud800","password":"x"}',
    });

    expect(res.statusCode).toBe(400);
    const error = ErrorBody.parse(res.json()).error;
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((f) => f.path)).toEqual(['body.username']);
    expect(await verifyAuditChain(w.fx.db)).toMatchObject({ ok: true });
  });
});

describe('behind a reverse proxy', () => {
  const via = (world: TestWorld, client: string, username: string, password = TEST_PASSWORD) =>
    world.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': client },
    });
  // Known usernames (cheap to check in tests), none tried often enough to slow its account.
  const sprayed = (i: number) => ACTORS[i % ACTORS.length]!.toLowerCase();
  const failedFrom = async (world: TestWorld) =>
    (
      await world.fx.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'auth.login_failed')
        .execute()
    ).map((r) => (JSON.parse(r.details) as { ip?: string }).ip);

  it('with TRUST_PROXY, counts each client apart: one client cannot shut the others out', async () => {
    const proxied = await openTestWorld({}, { trustProxy: ['127.0.0.1'] });
    try {
      for (let i = 0; i < 25; i++) await via(proxied, '203.0.113.7', sprayed(i), 'bad');

      expect((await via(proxied, '203.0.113.7', 'officera')).statusCode).toBe(429);
      expect((await via(proxied, '198.51.100.9', 'officera')).statusCode).toBe(200);
      expect(new Set(await failedFrom(proxied))).toEqual(new Set(['203.0.113.7']));
    } finally {
      await proxied.close();
    }
  });

  it('without TRUST_PROXY, X-Forwarded-For is not believed', async () => {
    for (let i = 0; i < 25; i++) await via(w, `203.0.113.${i}`, sprayed(i), 'bad');

    expect((await via(w, '198.51.100.9', 'officera')).statusCode).toBe(429);
    expect(new Set(await failedFrom(w))).toEqual(new Set(['127.0.0.1']));
  });
});
