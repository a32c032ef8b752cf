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
    // Three officers' phones and the rural station's.
    expect(all.devices).toHaveLength(4);
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

  it('answers the same device when a phone enrols its key again, even at once, and audits one enrolment', async () => {
    const key = await makeDeviceKey();
    const enrol = (label: string) =>
      w.call('officerA', {
        method: 'POST',
        url: '/api/devices',
        payload: { publicKeyJwk: key.publicKeyJwk, label },
      });

    const [a, b] = await Promise.all([enrol('signing in'), enrol('first send')]);
    const later = await enrol('again');

    const ids = [a, b, later].map((r) => EnrolDeviceResponse.parse(r.json()).deviceId);
    expect(new Set(ids).size).toBe(1);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(later.statusCode).toBe(200);
    const enrolled = await w.fx.db
      .selectFrom('audit_events')
      .select('subject')
      .where('action', '=', 'device.enrolled')
      .where('subject', '=', ids[0] ?? '')
      .execute();
    expect(enrolled).toHaveLength(1);
  });

  it('refuses to enrol again the key of a revoked device', async () => {
    const key = await makeDeviceKey();
    const enrol = () =>
      w.call('officerA', {
        method: 'POST',
        url: '/api/devices',
        payload: { publicKeyJwk: key.publicKeyJwk, label: 'lost phone' },
      });
    const { deviceId } = EnrolDeviceResponse.parse((await enrol()).json());
    await w.call('admin', { method: 'DELETE', url: `/api/devices/${deviceId}` });

    const again = await enrol();

    expect(again.statusCode).toBe(403);
    expect(ErrorBody.parse(again.json()).error.code).toBe('device_revoked');
    const list = DeviceList.parse((await w.call('officerA', { url: '/api/devices' })).json());
    expect(list.devices.filter((d) => d.revokedAt === null).map((d) => d.id)).toEqual([
      w.devices.officerA.id,
    ]);
  });
});
