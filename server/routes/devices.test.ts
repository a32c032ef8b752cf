import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Device, DeviceList, EnrolDeviceResponse } from '../../src/contracts/devices';
import { ErrorBody } from '../../src/contracts/errors';
import { makeDeviceKey } from '../test-device';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

describe('device enrolment', () => {
  it('registers a WebCrypto P-256 public key for the officer and lists it', async () => {
    const key = await makeDeviceKey();

    const res = await w.call('officerA', {
      method: 'POST',
      url: '/api/devices',
      payload: { publicKeyJwk: key.publicKeyJwk, label: 'Patrol car 3 phone' },
    });

    expect(res.statusCode).toBe(201);
    const { deviceId, device } = EnrolDeviceResponse.parse(res.json());
    expect(device).toMatchObject({ id: deviceId, userId: w.users.officerA.id, revokedAt: null });
    const list = DeviceList.parse((await w.call('officerA', { url: '/api/devices' })).json());
    expect(list.devices.map((d) => d.id)).toEqual([w.devices.officerA.id, deviceId]);
    const audit = await w.fx.db.selectFrom('audit_events').select(['action', 'subject']).execute();
    expect(audit).toContainEqual({ action: 'device.enrolled', subject: deviceId });
  });

  it('refuses a JWK carrying a private key, naming the field', async () => {
    const res = await w.call('officerA', {
      method: 'POST',
      url: '/api/devices',
      payload: {
        publicKeyJwk: { ...(await makeDeviceKey()).publicKeyJwk, d: 'A'.repeat(43) },
        label: 'x',
      },
    });

    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.fields?.map((f) => f.path)).toEqual([
      'body.publicKeyJwk.d',
    ]);
  });

  it('refuses coordinates that are not a point on P-256', async () => {
    const jwk = { ...(await makeDeviceKey()).publicKeyJwk, y: 'A'.repeat(43) };
    const res = await w.call('officerA', {
      method: 'POST',
      url: '/api/devices',
      payload: { publicKeyJwk: jwk, label: 'x' },
    });

    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.fields).toEqual([
      { path: 'body.publicKeyJwk', message: 'not a point on P-256' },
    ]);
  });

  it('shows an officer only his devices and an admin all of them', async () => {
    const own = DeviceList.parse((await w.call('officerB', { url: '/api/devices' })).json());
    const all = DeviceList.parse((await w.call('admin', { url: '/api/devices' })).json());

    expect(own.devices.map((d) => d.id)).toEqual([w.devices.officerB.id]);
    expect(all.devices).toHaveLength(3);
  });

  it('revokes an own device (idempotently); another officer’s device is 404', async () => {
    const url = `/api/devices/${w.devices.officerA.id}`;

    const other = await w.call('officerB', { method: 'DELETE', url });
    const first = await w.call('officerA', { method: 'DELETE', url });
    const again = await w.call('officerA', { method: 'DELETE', url });

    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ error: { code: 'not_found', message: 'No such device.' } });
    expect(first.statusCode).toBe(200);
    expect(Device.parse(first.json()).revokedAt).toBe(w.clock.now.toISOString());
    expect(again.json()).toEqual(first.json());
  });
});
