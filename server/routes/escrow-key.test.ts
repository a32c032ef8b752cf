import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EscrowKey } from '../../src/contracts/devices';
import { ErrorBody } from '../../src/contracts/errors';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const ask = (actor: 'officerA' | 'officerB' | 'reviewerA', deviceId: string) =>
  w.call(actor, { url: `/api/devices/${deviceId}/escrow-key` });

describe('GET /api/devices/:id/escrow-key', () => {
  it('gives the officer’s own phone 32 random bytes, the same each time, another officer other bytes, each hand-out audited', async () => {
    const first = await ask('officerA', w.devices.officerA.id);
    expect(first.statusCode).toBe(200);
    const a = EscrowKey.parse(first.json());
    expect(a.userId).toBe(w.users.officerA.id);
    expect(Buffer.from(a.key, 'base64url')).toHaveLength(32);

    const again = EscrowKey.parse((await ask('officerA', w.devices.officerA.id)).json());
    expect(again.key).toBe(a.key);
    const b = EscrowKey.parse((await ask('officerB', w.devices.officerB.id)).json());
    expect(b.key).not.toBe(a.key);

    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select(['actor', 'action', 'subject'])
      .where('action', '=', 'device.escrow_key_issued')
      .execute();
    expect(audit).toEqual([
      {
        actor: w.users.officerA.id,
        action: 'device.escrow_key_issued',
        subject: w.devices.officerA.id,
      },
      {
        actor: w.users.officerA.id,
        action: 'device.escrow_key_issued',
        subject: w.devices.officerA.id,
      },
      {
        actor: w.users.officerB.id,
        action: 'device.escrow_key_issued',
        subject: w.devices.officerB.id,
      },
    ]);
  });

  it('refuses another officer’s phone as not found and a revoked phone as revoked', async () => {
    const other = await ask('officerA', w.devices.officerB.id);
    expect(other.statusCode).toBe(404);
    expect(ErrorBody.parse(other.json()).error.code).toBe('not_found');

    const revoke = await w.call('officerA', {
      method: 'DELETE',
      url: `/api/devices/${w.devices.officerA.id}`,
    });
    expect(revoke.statusCode).toBe(200);
    const revoked = await ask('officerA', w.devices.officerA.id);
    expect(revoked.statusCode).toBe(403);
    expect(ErrorBody.parse(revoked.json()).error.code).toBe('device_revoked');
    expect(await w.fx.db.selectFrom('escrow_keys').selectAll().execute()).toEqual([]);
  });

  it('names the bad field, and refuses other roles', async () => {
    const bad = await w.call('officerA', { url: '/api/devices/phone-1/escrow-key' });
    expect(bad.statusCode).toBe(400);
    expect(ErrorBody.parse(bad.json()).error.fields?.map((f) => f.path)).toEqual(['params.id']);
    expect(JSON.stringify(bad.json())).not.toMatch(/at .*\.ts/);

    const reviewer = await ask('reviewerA', w.devices.officerA.id);
    expect(reviewer.statusCode).toBe(403);
  });
});
