import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoginResponse, MeResponse } from '../../src/contracts/auth';
import { ErrorBody } from '../../src/contracts/errors';
import { verifyAuditChain } from '../audit/audit-log';
import { disableUser } from '../auth/accounts';
import { openTestWorld, TEST_PASSWORD } from '../test-world';
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

  it('answers 429 with Retry-After after 5 failures for a username and address', async () => {
    for (let i = 0; i < 5; i++) expect((await login('officera', 'bad')).statusCode).toBe(401);

    const locked = await login('officera');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(ErrorBody.parse(locked.json()).error.code).toBe('rate_limited');
    expect((await login('officera', TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(200);

    w.clock.now = new Date(w.clock.now.getTime() + 15 * 60 * 1000);
    expect((await login('officera')).statusCode).toBe(200);
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
