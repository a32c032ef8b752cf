/**
 * Cases made straight through the API, for browser tests that only read them
 * (the reviewer's desk): a phone of the test's own, enrolled for a demo
 * officer with a P-256 key made in Node as the browser makes it
 * (server/test-device.ts), uploads the photos with tus and sends the case as
 * a signed PUT, exactly as the officer's phone sends one. The case is the one
 * `fillOneVehicleCase` captures through the screens: triaged with "均无以上情形",
 * one vehicle with its rear damaged and its driver, the phone's GPS point and
 * the three scene shots, as real JPEGs drawn in a page so a browser can show
 * them. Capturing through the screens is what the scene, parties and
 * evidence tests prove; a test that reads cases need not walk them again.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { LoginResponse } from '../../src/contracts/auth';
import { EnrolDeviceResponse } from '../../src/contracts/devices';
import {
  confirmAllNormal,
  makeCaseNumber,
  openCase,
  TRIAGE_RULES,
  type CaseRecord,
  type PhotoMeta,
} from '../../src/domain';
import { makeDeviceKey, sha256OfBytes, signedCaseBody } from '../../server/test-device';
import { DEMO_PASSWORD } from './server';
import { PHONE_CONTEXT } from './phone';
import { makeJpeg } from './scene-drivers';

/** A test phone of a demo officer: its session and its enrolled signing key. */
export interface SeedPhone {
  serverUrl: string;
  token: string;
  officer: { id: string; name: string };
  deviceId: string;
  key: Awaited<ReturnType<typeof makeDeviceKey>>;
}

async function call(
  phone: Pick<SeedPhone, 'serverUrl' | 'token'>,
  path: string,
  init: RequestInit,
) {
  return fetch(`${phone.serverUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${phone.token}`, ...init.headers },
  });
}

/** Signs `username` in and enrols a new phone (key) for him. */
export async function seedPhone(serverUrl: string, username = 'demo-officer'): Promise<SeedPhone> {
  const signedIn = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(signedIn.status).toBe(200);
  const { token, user } = LoginResponse.parse(await signedIn.json());
  const key = await makeDeviceKey();
  const enrolled = await call({ serverUrl, token }, '/api/devices', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ publicKeyJwk: key.publicKeyJwk, label: 'e2e seeding phone' }),
  });
  expect(enrolled.status).toBe(201);
  const { deviceId } = EnrolDeviceResponse.parse(await enrolled.json());
  return { serverUrl, token, officer: { id: user.id, name: user.displayName }, deviceId, key };
}

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** One tus creation carrying every byte (creation-with-upload), as the phone's uploader sends a photo. */
async function uploadPhoto(phone: SeedPhone, bytes: Buffer, meta: PhotoMeta): Promise<void> {
  const created = await call(phone, '/api/uploads', {
    method: 'POST',
    headers: {
      ...TUS,
      'upload-length': String(bytes.length),
      'upload-metadata': `sha256 ${b64(meta.sha256)},caseId ${b64(meta.caseId)}`,
      'content-type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(bytes),
  });
  expect(created.status).toBe(201);
  expect(created.headers.get('upload-offset')).toBe(String(bytes.length));
}

/** The one-vehicle case `fillOneVehicleCase` captures, as a record, opened at `at`. */
function oneVehicleCase(phone: SeedPhone, place: string, at: string): CaseRecord {
  const id = randomUUID();
  const { latitude, longitude, accuracy } = PHONE_CONTEXT.geolocation;
  const opened = openCase({
    id,
    arrivedAt: at,
    caseNumber: makeCaseNumber(id, at),
    officer: phone.officer,
    location: {
      address: place,
      point: { latitude, longitude, accuracyM: accuracy, source: 'gps', at },
    },
  });
  const triaged = confirmAllNormal(opened, TRIAGE_RULES, at);
  if (!triaged.ok) throw new Error(`the seeded case's triage was refused: ${triaged.reason}`);
  const vehicleId = randomUUID();
  return {
    ...triaged.value,
    vehicles: [{ id: vehicleId, label: 'A', plate: '川A54321', damagedParts: ['rear'] }],
    parties: [
      {
        id: randomUUID(),
        kind: 'driver',
        vehicleId,
        name: '王五',
        idNumber: '11010519491231002X',
        phone: '13700137000',
      },
    ],
  };
}

const SCENE_SHOTS = ['scene-behind', 'scene-front', 'collision-point'] as const;

/**
 * Sends a new one-vehicle case at `place` from the seeding phone as version 1,
 * its three scene shots drawn in `page` (any page of the test's browser) and
 * uploaded first; answers the case id once the server has stored it.
 */
export async function seedCase(phone: SeedPhone, page: Page, place: string): Promise<string> {
  const at = new Date().toISOString();
  const record = oneVehicleCase(phone, place, at);
  const photos: PhotoMeta[] = [];
  for (const slot of SCENE_SHOTS) {
    const bytes = await makeJpeg(page, 1200, 900, `${place} ${slot}`);
    const sha256 = sha256OfBytes(bytes);
    const meta: PhotoMeta = {
      schemaVersion: 1,
      sha256,
      originalSha256: sha256,
      caseId: record.id,
      slot,
      takenAt: at,
      byteLength: bytes.length,
      width: 1200,
      height: 900,
      mimeType: 'image/jpeg',
    };
    await uploadPhoto(phone, bytes, meta);
    photos.push(meta);
  }
  const body = await signedCaseBody({
    record,
    photos,
    deviceId: phone.deviceId,
    key: phone.key,
    signedAt: at,
  });
  const sent = await call(phone, `/api/cases/${record.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(sent.status, await sent.clone().text()).toBe(200);
  return record.id;
}
