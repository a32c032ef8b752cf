import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IssuedRecoveryCode, RevealedRecoveryCode } from '../../src/contracts/devices';
import { ErrorBody } from '../../src/contracts/errors';
import { checkRecoveryCode } from '../../src/domain/device/recovery-code';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const issue = (actor: Actor, deviceId: string, payload: object = {}) =>
  w.call(actor, { method: 'POST', url: `/api/devices/${deviceId}/recovery-code`, payload });

const reveal = (actor: Actor, deviceId: string, payload: object) =>
  w.call(actor, {
    method: 'POST',
    url: `/api/admin/devices/${deviceId}/recovery-code/reveal`,
    payload,
  });

const codes = () =>
  w.fx.db
    .selectFrom('recovery_codes')
    .select(['id', 'used_at', 'replaced_at'])
    .orderBy('issued_at')
    .orderBy('id')
    .execute();

describe('POST /api/devices/:id/recovery-code', () => {
  it('issues the officer’s phone a 16-digit code with a valid check digit, a new one replacing it, audited without the code', async () => {
    const res = await issue('officerA', w.devices.officerA.id);
    expect(res.statusCode).toBe(201);
    const first = IssuedRecoveryCode.parse(res.json());
    expect(checkRecoveryCode(first.code)).toEqual({ ok: true, value: first.code });

    const second = IssuedRecoveryCode.parse(
      (await issue('officerA', w.devices.officerA.id)).json(),
    );
    expect(second.code).not.toBe(first.code);
    expect(await codes()).toEqual(
      expect.arrayContaining([
        { id: first.codeId, used_at: null, replaced_at: w.clock.now.toISOString() },
        { id: second.codeId, used_at: null, replaced_at: null },
      ]),
    );

    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select(['actor', 'subject', 'details'])
      .where('action', '=', 'device.recovery_code_issued')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor: w.users.officerA.id, subject: w.devices.officerA.id });
    expect(JSON.stringify(audit)).not.toContain(first.code);
  });

  it('marks the code the phone spent as used when it asks for the next', async () => {
    const spent = IssuedRecoveryCode.parse((await issue('officerA', w.devices.officerA.id)).json());
    const next = await issue('officerA', w.devices.officerA.id, { spentCodeId: spent.codeId });
    expect(next.statusCode).toBe(201);
    const rows = await codes();
    expect(rows.find((r) => r.id === spent.codeId)?.used_at).toBe(w.clock.now.toISOString());
    // The spent code is no longer read out: the new one is.
    const shown = RevealedRecoveryCode.parse(
      (await reveal('admin', w.devices.officerA.id, { reason: 'PIN forgotten' })).json(),
    );
    expect(shown.codeId).toBe(IssuedRecoveryCode.parse(next.json()).codeId);
  });

  it('refuses another officer’s phone as not found, a revoked phone, a bad field by name, and other roles', async () => {
    expect((await issue('officerA', w.devices.officerB.id)).statusCode).toBe(404);
    const bad = await issue('officerA', w.devices.officerA.id, { spentCodeId: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(ErrorBody.parse(bad.json()).error.fields?.map((f) => f.path)).toEqual([
      'body.spentCodeId',
    ]);
    expect(JSON.stringify(bad.json())).not.toMatch(/at .*\.ts/);
    expect((await issue('reviewerA', w.devices.officerA.id)).statusCode).toBe(403);
    expect((await issue('admin', w.devices.officerA.id)).statusCode).toBe(403);

    await w.call('officerA', { method: 'DELETE', url: `/api/devices/${w.devices.officerA.id}` });
    const revoked = await issue('officerA', w.devices.officerA.id);
    expect(revoked.statusCode).toBe(403);
    expect(ErrorBody.parse(revoked.json()).error.code).toBe('device_revoked');
    expect(await codes()).toEqual([]);
  });
});

describe('POST /api/admin/devices/:id/recovery-code/reveal', () => {
  it('shows the admin the phone’s code in force and audits each reveal with its reason', async () => {
    const issued = IssuedRecoveryCode.parse(
      (await issue('officerA', w.devices.officerA.id)).json(),
    );
    for (const reason of ['忘记 PIN 码，在 G318 无信号', 'Officer injured, unsent cases']) {
      const res = await reveal('admin', w.devices.officerA.id, { reason });
      expect(res.statusCode).toBe(200);
      expect(RevealedRecoveryCode.parse(res.json())).toEqual({
        ...issued,
        deviceId: w.devices.officerA.id,
        userId: w.users.officerA.id,
      });
    }
    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select(['actor', 'subject', 'details'])
      .where('action', '=', 'device.recovery_code_revealed')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => ({ ...a, details: JSON.parse(a.details) as unknown }))).toEqual(
      ['忘记 PIN 码，在 G318 无信号', 'Officer injured, unsent cases'].map((reason) => ({
        actor: w.users.admin.id,
        subject: w.devices.officerA.id,
        details: { codeId: issued.codeId, officer: w.users.officerA.id, reason },
      })),
    );
  });

  it('asks for a reason, names the field, and says when the phone has no code', async () => {
    await issue('officerA', w.devices.officerA.id);
    for (const payload of [{}, { reason: '  ab ' }]) {
      const res = await reveal('admin', w.devices.officerA.id, payload);
      expect(res.statusCode).toBe(400);
      expect(ErrorBody.parse(res.json()).error.fields?.map((f) => f.path)).toEqual(['body.reason']);
    }
    const none = await reveal('admin', w.devices.officerB.id, { reason: 'PIN forgotten' });
    expect(none.statusCode).toBe(404);
    expect(ErrorBody.parse(none.json()).error.code).toBe('no_recovery_code');
    const unknown = await reveal('admin', '0190b3f0-0000-7000-8000-000000000000', {
      reason: 'PIN forgotten',
    });
    expect(ErrorBody.parse(unknown.json()).error.code).toBe('not_found');
    for (const actor of ['officerA', 'reviewerA', 'insurerX', 'stationA'] as const)
      expect(
        (await reveal(actor, w.devices.officerA.id, { reason: 'PIN forgotten' })).statusCode,
      ).toBe(403);
    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'device.recovery_code_revealed')
      .execute();
    expect(audit).toEqual([]);
  });
});
