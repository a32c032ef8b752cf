/**
 * The generated access test: every route of the contract table, called with
 * every role's session (and another unit's / insurer's), and without one.
 * The expected answer comes from the contract itself:
 *  - no session: 401 (public routes: their success status);
 *  - a role not in `access`: 403;
 *  - a scoped route, object of tenant A, caller outside A's scope: 404;
 *  - a caller in scope the route refuses by its own rule (`refused`): that answer;
 *  - otherwise the route's success status.
 * Each call gets a fresh session and fresh objects, so calls do not
 * disturb each other. A route without a fixture here fails the test.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../src/contracts/routes';
import type { RouteSpec } from '../src/contracts/route';
import type { CaseRecord } from '../src/domain/case/case.schema';
import { determinationBytes } from '../src/domain/case/determination';
import { enrolDevice } from './auth/devices';
import { createSession } from './auth/sessions';
import { insuredCase } from './case-fixtures';
import { sha256Hex } from './hash';
import { makeDeviceKey, makePhoto, signedCaseBody } from './test-device';
import { uploadPhoto } from './test-photos';
import { adminFixtures } from './route-matrix-admin';
import { videoFixtures } from './route-matrix-video';
import { stationFixtures } from './route-matrix-station';
import { assessmentUploadOfX, insurerFixtures, type Fixture } from './route-matrix-insurers';
import { ACTORS, ROLE_OF, TEST_PASSWORD, openTestWorld } from './test-world';
import type { Actor, TestWorld } from './test-world';

let w: TestWorld;
let counter = 0;

beforeAll(async () => {
  w = await openTestWorld();
});

afterAll(async () => {
  await w.close();
});

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const CASE_HOME = ['officerA', 'officerA2', 'reviewerA', 'insurerX'] as const;

/**
 * A case of officer A (unit patrol A, brigade A) that only insurer X covers,
 * with one scene photo officer A uploaded; `reviewed`: approved by reviewer A,
 * so insurer X holds a claim on it (insurer Y never does).
 */
async function storedCase(reviewed = false) {
  const c = insuredCase(`matrix-${++counter}`, 0);
  const record: CaseRecord = {
    ...c.record,
    parties: c.record.parties.map((p, i) =>
      i === 1 ? { ...p, commercialInsurance: { insurer: 'Other Mutual' } } : p,
    ),
  };
  const photo = makePhoto(record.id, `matrix-photo-${record.id}`, 'scene-behind', 32);
  await uploadPhoto(w, 'officerA', photo);
  const body = await signedCaseBody({
    record,
    photos: [photo.meta],
    deviceId: w.devices.officerA.id,
    key: w.devices.officerA.key,
  });
  const res = await w.call('officerA', {
    method: 'PUT',
    url: `/api/cases/${record.id}`,
    payload: body,
  });
  expect(res.statusCode).toBe(200);
  if (reviewed) {
    const review = await w.call('reviewerA', {
      method: 'POST',
      url: `/api/cases/${record.id}/actions`,
      payload: { action: 'review' },
    });
    expect(review.statusCode).toBe(200);
  }
  return { id: record.id, record, body, photo: photo.meta.sha256 };
}

async function uploadOfOfficerA(): Promise<{ url: string; bytes: Buffer }> {
  const photo = makePhoto(
    '0190a000-0000-7000-8000-00000000beef',
    `matrix-upload-${++counter}`,
    'overview',
    16,
  );
  const res = await w.call('officerA', {
    method: 'POST',
    url: '/api/uploads',
    headers: {
      ...TUS,
      'upload-length': '16',
      'upload-metadata': `sha256 ${b64(photo.meta.sha256)},caseId ${b64(photo.meta.caseId)}`,
    },
  });
  expect(res.statusCode).toBe(201);
  return { url: res.headers['location'] as string, bytes: photo.bytes };
}

const matrix = { world: () => w, storedCase, next: () => ++counter };

/** A fresh endpoint of insurer X (a loopback URL the brigade allowed: nothing is resolved). */
/** A GET of the brigade's own figures: no object in the path, nothing to prepare. */
const plainGet = (url: string): Fixture => ({ success: 200, prepare: async () => ({ url }) });

const FIXTURES: Record<string, Fixture> = {
  'health.get': { success: 200, prepare: async () => ({ url: '/api/health' }) },
  'docs.openapi': { success: 200, prepare: async () => ({ url: '/api/openapi.json' }) },
  'docs.page': { success: 200, prepare: async () => ({ url: '/api/docs' }) },
  'auth.login': {
    success: 200,
    prepare: async () => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: TEST_PASSWORD },
    }),
  },
  'auth.logout': {
    success: 204,
    prepare: async () => ({ method: 'POST', url: '/api/auth/logout' }),
  },
  'auth.me': { success: 200, prepare: async () => ({ url: '/api/auth/me' }) },
  'devices.enrol': {
    success: 201,
    prepare: async () => ({
      method: 'POST',
      url: '/api/devices',
      payload: { publicKeyJwk: (await makeDeviceKey()).publicKeyJwk, label: 'matrix' },
    }),
  },
  'devices.list': { success: 200, prepare: async () => ({ url: '/api/devices' }) },
  'devices.escrowKey': {
    success: 200,
    home: ['officerA'],
    prepare: async () => ({ url: `/api/devices/${w.devices.officerA.id}/escrow-key` }),
  },
  'devices.revoke': {
    success: 200,
    home: ['officerA', 'admin'],
    prepare: async () => {
      const key = await makeDeviceKey();
      const { device } = await enrolDevice(
        w.fx.db,
        { userId: w.users.officerA.id, label: 'm', publicKeyJwk: key.publicKeyJwk },
        w.clock.now,
      );
      return { method: 'DELETE', url: `/api/devices/${device.id}` };
    },
  },
  'photos.head': {
    success: 200,
    // Held for the unit whose officer uploaded the bytes only.
    home: ['officerA', 'officerA2'],
    prepare: async () => ({ method: 'HEAD', url: `/api/photos/${(await storedCase()).photo}` }),
  },
  'photos.get': {
    success: 200,
    home: CASE_HOME,
    prepare: async () => {
      const { id, photo } = await storedCase(true);
      return { url: `/api/cases/${id}/photos/${photo}` };
    },
  },
  'uploads.create': {
    success: 201,
    // An insurer uploads an assessment photo for its own packet only.
    refused: { insurerY: [404, 'not_found'] },
    prepare: async (actor) => {
      if (actor && ROLE_OF[actor] === 'insurer') return assessmentUploadOfX(matrix);
      const photo = makePhoto(
        '0190a000-0000-7000-8000-00000000beef',
        `matrix-create-${++counter}`,
        'overview',
        16,
      );
      return {
        method: 'POST',
        url: '/api/uploads',
        headers: {
          ...TUS,
          'upload-length': '16',
          'upload-metadata': `sha256 ${b64(photo.meta.sha256)},caseId ${b64(photo.meta.caseId)}`,
        },
      };
    },
  },
  'uploads.offset': {
    success: 200,
    home: ['officerA'],
    prepare: async () => ({ method: 'HEAD', url: (await uploadOfOfficerA()).url, headers: TUS }),
  },
  'uploads.patch': {
    success: 200,
    home: ['officerA'],
    prepare: async () => {
      const { url, bytes } = await uploadOfOfficerA();
      return {
        method: 'PATCH',
        url,
        headers: {
          ...TUS,
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        },
        payload: bytes,
      };
    },
  },
  'uploads.terminate': {
    success: 204,
    home: ['officerA'],
    prepare: async () => ({ method: 'DELETE', url: (await uploadOfOfficerA()).url, headers: TUS }),
  },
  'cases.put': {
    success: 200,
    home: CASE_HOME,
    // A case belongs to the officer who sent version 1, not to his unit.
    refused: { officerA2: [403, 'not_case_officer'] },
    prepare: async (actor) => {
      const { id, body } = await storedCase();
      const device = actor && actor in w.devices ? w.devices[actor as 'officerA'] : undefined;
      if (!device) return { method: 'PUT', url: `/api/cases/${id}`, payload: body };
      // The next version, signed by the caller's own phone.
      const next = await signedCaseBody({
        record: { ...body.case, notes: `version 2 by ${actor}` },
        photos: body.photos,
        deviceId: device.id,
        key: device.key,
        version: 2,
        previousManifestHash: body.manifestHash,
      });
      return { method: 'PUT', url: `/api/cases/${id}`, payload: next };
    },
  },
  'cases.handover': {
    success: 200,
    home: ['officerA', 'officerA2', 'reviewerA'],
    refused: { officerA2: [403, 'not_case_officer'] },
    prepare: async () => ({
      method: 'POST',
      url: `/api/cases/${(await storedCase()).id}/handover`,
      payload: { officerId: w.users.officerA2.id, reason: 'matrix' },
    }),
  },
  'cases.list': { success: 200, prepare: async () => ({ url: '/api/cases' }) },
  'cases.get': {
    success: 200,
    home: CASE_HOME,
    prepare: async () => ({ url: `/api/cases/${(await storedCase(true)).id}` }),
  },
  'cases.action': {
    success: 200,
    home: CASE_HOME,
    // An insurer assesses its claim on an approved case; a reviewer approves a synced one.
    prepare: async (actor) => {
      const insurer = actor !== undefined && ROLE_OF[actor] === 'insurer';
      return {
        method: 'POST',
        url: `/api/cases/${(await storedCase(insurer)).id}/actions`,
        payload: insurer ? { action: 'assess', amountYuan: 1200 } : { action: 'review' },
      };
    },
  },
  'changes.list': { success: 200, prepare: async () => ({ url: '/api/changes' }) },
  'review.queue': { success: 200, prepare: async () => ({ url: '/api/review/queue' }) },
  'review.history': {
    success: 200,
    home: ['officerA', 'officerA2', 'reviewerA'],
    prepare: async () => ({ url: `/api/cases/${(await storedCase(true)).id}/history` }),
  },
  'cases.timeline': {
    success: 200,
    home: ['officerA', 'officerA2', 'reviewerA'],
    prepare: async () => ({ url: `/api/cases/${(await storedCase(true)).id}/timeline` }),
  },
  'parties.confirm': {
    success: 200,
    prepare: async () => {
      const { id, record } = await storedCase();
      const sha256 = sha256Hex(determinationBytes(record));
      return {
        method: 'POST',
        url: '/api/party-confirmations',
        payload: { caseId: id, sha256, vehicle: 'A' },
      };
    },
  },
  'review.verification': {
    success: 200,
    home: ['officerA', 'officerA2', 'reviewerA'],
    prepare: async () => ({ url: `/api/cases/${(await storedCase()).id}/verification` }),
  },
  'dashboard.fiveFast': plainGet('/api/dashboard/five-fast?from=2026-11-01&to=2026-11-30'),
  'dashboard.fiveFastCsv': plainGet('/api/dashboard/five-fast.csv?groupBy=week&lang=en'),
  'dashboard.cases': plainGet('/api/dashboard/cases?interval=evidence&group=x&groupBy=week'),
  'dashboard.casesCsv': plainGet('/api/dashboard/cases.csv?interval=escalated&group=x&lang=en'),
  ...insurerFixtures(matrix),
  ...adminFixtures(matrix),
  ...videoFixtures(matrix),
  ...stationFixtures(matrix),
};

function expectedStatus(route: RouteSpec, fixture: Fixture, actor: Actor | undefined): number {
  if (route.access === 'public') return fixture.success;
  if (!actor) return 401;
  if (!route.access.includes(ROLE_OF[actor])) return 403;
  if (route.scoped && !(fixture.home ?? []).includes(actor)) return 404;
  return fixture.refused?.[actor]?.[0] ?? fixture.success;
}

const ERROR_CODE: Record<number, string> = {
  401: 'unauthenticated',
  403: 'forbidden_role',
  404: 'not_found',
};

describe('route × role matrix', () => {
  it('has a fixture for every route of the contract table, and no stale one', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(API_ROUTES.map((r) => r.id).sort());
  });

  for (const route of API_ROUTES) {
    it(`${route.method} ${route.path} answers every role as documented`, async () => {
      const fixture = FIXTURES[route.id];
      if (!fixture) throw new Error(`no fixture for ${route.id}`);
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const actor of [undefined, ...ACTORS]) {
        const options = await fixture.prepare(actor);
        const headers: Record<string, string> = {
          ...(options.headers as Record<string, string> | undefined),
        };
        if (actor)
          headers['authorization'] =
            `Bearer ${(await createSession(w.fx.db, w.users[actor].id, w.clock.now)).token}`;
        const res = await w.app.inject({ ...options, headers });
        const status = expectedStatus(route, fixture, actor);
        seen.push(`${actor ?? 'anonymous'}:${res.statusCode}`);
        wanted.push(`${actor ?? 'anonymous'}:${status}`);
        const code = (actor && fixture.refused?.[actor]?.[1]) ?? ERROR_CODE[status];
        if (code && route.method !== 'HEAD') {
          expect(res.json(), `${route.id} as ${actor ?? 'anonymous'}`).toMatchObject({
            error: { code },
          });
        }
        expect(res.body).not.toMatch(/"stack"|\bat .+\.[jt]s:\d+/);
      }
      expect(seen).toEqual(wanted);
    });
  }
});

describe('insurer Y against insurer X’s claim', () => {
  it('gets 404 for X’s case, photos and actions, leaves X’s claim as it was, and sees none of it in its feed', async () => {
    const { id, photo } = await storedCase(true);
    const asY = (options: InjectOptions) => w.call('insurerY', options);

    const answers = [
      await asY({ url: `/api/cases/${id}` }),
      await asY({ url: `/api/cases/${id}/photos/${photo}` }),
      await asY({
        method: 'POST',
        url: `/api/cases/${id}/actions`,
        payload: { action: 'assess', amountYuan: 1 },
      }),
      await asY({
        method: 'POST',
        url: `/api/cases/${id}/actions`,
        payload: { action: 'pay', amountYuan: 1 },
      }),
    ];

    expect(
      answers.map((a) => [a.statusCode, a.json<{ error: { code: string } }>().error.code]),
    ).toEqual(Array.from({ length: 4 }, () => [404, 'not_found']));
    const list = (await asY({ url: '/api/cases' })).json<{ cases: { id: string }[] }>();
    expect(list.cases.map((c) => c.id)).not.toContain(id);
    const feed = (await asY({ url: '/api/changes' })).json<{ changes: { caseId: string }[] }>();
    expect(feed.changes.map((c) => c.caseId)).not.toContain(id);
    const x = await w.call('insurerX', { url: `/api/cases/${id}` });
    expect(x.json()).toMatchObject({ claim: { insurerId: w.insurers.x.id, state: 'delivered' } });
  });
});
