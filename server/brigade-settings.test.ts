/** An admin sets a brigade's call-back target and when its packets go out; bad values are refused by name. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BrigadeList, BrigadeSettings } from '../src/contracts/admin';
import { LoginResponse } from '../src/contracts/auth';
import { ChangesResponse } from '../src/contracts/changes';
import { ErrorBody } from '../src/contracts/errors';
import { STARTER_FIVE_FAST_TARGETS } from '../src/domain/metrics/targets';
import { openTestWorld, TEST_PASSWORD } from './test-world';
import type { TestWorld } from './test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

it('lists brigades with their settings and changes one, audited', async () => {
  const list = BrigadeList.parse((await w.call('admin', { url: '/api/admin/brigades' })).json());
  const a = list.brigades.find((b) => b.name === 'Brigade A')!;
  expect(a).toMatchObject({ callbackMinutes: 10, packetsOn: 'review' });
  const res = await w.call('admin', {
    method: 'PATCH',
    url: `/api/admin/brigades/${a.id}`,
    payload: { callbackMinutes: 15, packetsOn: 'signed' },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(BrigadeSettings.parse(res.json())).toMatchObject({
    callbackMinutes: 15,
    packetsOn: 'signed',
  });
  const audit = await w.fx.db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', 'brigade.settings')
    .executeTakeFirstOrThrow();
  expect(JSON.parse(audit.details)).toMatchObject({
    before: { callbackMinutes: 10 },
    after: { packetsOn: 'signed' },
  });
});

it('refuses a target of no minutes or an unknown mode, naming the field', async () => {
  const [a] = BrigadeList.parse(
    (await w.call('admin', { url: '/api/admin/brigades' })).json(),
  ).brigades;
  for (const [payload, field] of [
    [{ callbackMinutes: 0 }, 'callbackMinutes'],
    [{ callbackMinutes: 1441 }, 'callbackMinutes'],
    [{ callbackMinutes: 2.5 }, 'callbackMinutes'],
    [{ callbackMinutes: '10' }, 'callbackMinutes'],
    [{ packetsOn: 'never' }, 'packetsOn'],
  ] as const) {
    const res = await w.call('admin', {
      method: 'PATCH',
      url: `/api/admin/brigades/${a!.id}`,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(ErrorBody.parse(res.json()).error)).toContain(field);
  }
});

it('takes the bounds themselves: 1 and 1440 minutes', async () => {
  const [a] = BrigadeList.parse(
    (await w.call('admin', { url: '/api/admin/brigades' })).json(),
  ).brigades;
  for (const callbackMinutes of [1, 1440]) {
    const res = await w.call('admin', {
      method: 'PATCH',
      url: `/api/admin/brigades/${a!.id}`,
      payload: { callbackMinutes },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(BrigadeSettings.parse(res.json()).callbackMinutes).toBe(callbackMinutes);
  }
});

it('starts a brigade on the starter five-fast targets and changes some of them, audited', async () => {
  const [a] = BrigadeList.parse(
    (await w.call('admin', { url: '/api/admin/brigades' })).json(),
  ).brigades;
  expect(a!.targets).toEqual(STARTER_FIVE_FAST_TARGETS);
  const res = await w.call('admin', {
    method: 'PATCH',
    url: `/api/admin/brigades/${a!.id}`,
    payload: { targets: { evidence: 12, payout: 129600 } },
  });
  expect(res.statusCode, res.body).toBe(200);
  const after = { ...STARTER_FIVE_FAST_TARGETS, evidence: 12, payout: 129600 };
  expect(BrigadeSettings.parse(res.json())).toMatchObject({ callbackMinutes: 10, targets: after });
  const audit = await w.fx.db
    .selectFrom('audit_events')
    .select(['details', 'subject'])
    .where('action', '=', 'brigade.settings')
    .executeTakeFirstOrThrow();
  expect(audit.subject).toBe(a!.id);
  expect(JSON.parse(audit.details)).toMatchObject({
    before: { targets: STARTER_FIVE_FAST_TARGETS },
    after: { targets: after },
  });
});

it('refuses a target that is not whole minutes within its fast’s bounds, naming the field', async () => {
  const [a] = BrigadeList.parse(
    (await w.call('admin', { url: '/api/admin/brigades' })).json(),
  ).brigades;
  for (const [targets, field] of [
    [{ evidence: 0 }, 'body.targets.evidence'],
    [{ clearance: 1441 }, 'body.targets.clearance'],
    [{ liability: 2.5 }, 'body.targets.liability'],
    [{ assessment: '60' }, 'body.targets.assessment'],
    [{ payout: 129601 }, 'body.targets.payout'],
    [{ payout: -1 }, 'body.targets.payout'],
  ] as const) {
    const res = await w.call('admin', {
      method: 'PATCH',
      url: `/api/admin/brigades/${a!.id}`,
      payload: { targets },
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.fields?.map((f) => f.path)).toEqual([field]);
  }
  const unchanged = BrigadeList.parse(
    (await w.call('admin', { url: '/api/admin/brigades' })).json(),
  ).brigades.find((b) => b.id === a!.id)!;
  expect(unchanged.targets).toEqual(STARTER_FIVE_FAST_TARGETS);
});

it("sets the phones' lock (idle minutes, offline hours, PIN required), audited; its officers' sign-in and pulls give it", async () => {
  const list = BrigadeList.parse((await w.call('admin', { url: '/api/admin/brigades' })).json());
  const a = list.brigades.find((b) => b.name === 'Brigade A')!;
  // Every brigade starts requiring a PIN, locking after 5 idle minutes, refusing new cases after 72 h.
  expect(a.phoneLock).toEqual({ idleMinutes: 5, offlineLimitHours: 72, pinRequired: true });
  const res = await w.call('admin', {
    method: 'PATCH',
    url: `/api/admin/brigades/${a.id}`,
    payload: { phoneLock: { idleMinutes: 2, pinRequired: false } },
  });
  expect(res.statusCode, res.body).toBe(200);
  const lock = { idleMinutes: 2, offlineLimitHours: 72, pinRequired: false };
  expect(BrigadeSettings.parse(res.json()).phoneLock).toEqual(lock);
  const audit = await w.fx.db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', 'brigade.settings')
    .executeTakeFirstOrThrow();
  expect(JSON.parse(audit.details)).toMatchObject({
    before: { phoneLock: { idleMinutes: 5, pinRequired: true } },
    after: { phoneLock: lock },
  });
  const login = (username: string) =>
    w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
  expect(LoginResponse.parse((await login('officera')).json()).phoneLock).toEqual(lock);
  // A phone signed in before the change learns it at its next pull, asking about itself.
  const pull = await w.call('officerA', {
    url: `/api/changes?device=${w.devices.officerA.id}`,
  });
  expect(ChangesResponse.parse(pull.json()).phoneLock).toEqual(lock);
  const plain = await w.call('officerA', { url: '/api/changes' });
  expect(ChangesResponse.parse(plain.json()).phoneLock).toBeUndefined();
  // An admin belongs to no brigade: no phone lock is given.
  expect(LoginResponse.parse((await login('admin')).json()).phoneLock).toBeUndefined();
});

it('refuses a phone lock out of bounds or of the wrong kind, naming the field; nothing changes', async () => {
  const [a] = BrigadeList.parse(
    (await w.call('admin', { url: '/api/admin/brigades' })).json(),
  ).brigades;
  for (const [phoneLock, field] of [
    [{ idleMinutes: 0 }, 'body.phoneLock.idleMinutes'],
    [{ idleMinutes: 61 }, 'body.phoneLock.idleMinutes'],
    [{ idleMinutes: 1.5 }, 'body.phoneLock.idleMinutes'],
    [{ offlineLimitHours: 7 }, 'body.phoneLock.offlineLimitHours'],
    [{ offlineLimitHours: 721 }, 'body.phoneLock.offlineLimitHours'],
    [{ pinRequired: 'no' }, 'body.phoneLock.pinRequired'],
  ] as const) {
    const res = await w.call('admin', {
      method: 'PATCH',
      url: `/api/admin/brigades/${a!.id}`,
      payload: { phoneLock },
    });
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.fields?.map((f) => f.path)).toEqual([field]);
  }
  const unchanged = BrigadeList.parse(
    (await w.call('admin', { url: '/api/admin/brigades' })).json(),
  ).brigades.find((b) => b.id === a!.id)!;
  expect(unchanged.phoneLock).toEqual({ idleMinutes: 5, offlineLimitHours: 72, pinRequired: true });
});
