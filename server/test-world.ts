/**
 * A populated server for route tests: two brigades (each with a patrol squad
 * and an accident squad), two insurers, and one user
 * per role and tenant, each with a live session. Accounts use a cheap scrypt
 * cost so tests stay fast (the default cost is tested in auth/passwords.test.ts).
 */
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Insurer, Unit } from '../src/contracts/auth';
import type { Role } from '../src/contracts/route';
import { buildApp } from './app';
import type { AppConfig, AppDeps } from './app';
import { createBrigade, createInsurer, createUnit, createUser } from './auth/accounts';
import { enrolDevice } from './auth/devices';
import type { ScryptCost } from './auth/passwords';
import { createSession } from './auth/sessions';
import { makeDeviceKey } from './test-device';
import type { TestDeviceKey } from './test-device';
import { openTempServerFixture } from './test-support';
import type { TempServerFixture } from './test-support';

export const CHEAP_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery';

export const ACTORS = [
  'officerA',
  'officerA2',
  'officerB',
  'stationA',
  'reviewerA',
  'reviewerB',
  'insurerX',
  'insurerY',
  'admin',
] as const;
export type Actor = (typeof ACTORS)[number];
/** The actors who capture cases on an enrolled phone. */
const CAPTURING = ['officerA', 'officerA2', 'officerB', 'stationA'] as const;
export type CapturingActor = (typeof CAPTURING)[number];

export const ROLE_OF: Record<Actor, Role> = {
  officerA: 'officer',
  officerA2: 'officer',
  officerB: 'officer',
  stationA: 'station',
  reviewerA: 'reviewer',
  reviewerB: 'reviewer',
  insurerX: 'insurer',
  insurerY: 'insurer',
  admin: 'admin',
};

export interface WorldUser {
  id: string;
  username: string;
  token: string;
}

export interface TestWorld {
  fx: TempServerFixture;
  app: FastifyInstance;
  clock: { now: Date };
  units: { patrolA: Unit; accidentA: Unit; stationA: Unit; patrolB: Unit; accidentB: Unit };
  insurers: { x: Insurer; y: Insurer };
  users: Record<Actor, WorldUser>;
  /** Enrolled device (and its key) of each officer and of the rural station. */
  devices: Record<CapturingActor, { id: string; key: TestDeviceKey }>;
  /** `app.inject` with the actor's bearer token (none for `undefined`). */
  call(actor: Actor | undefined, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openTestWorld(
  deps: Partial<AppDeps> = {},
  config: Partial<AppConfig> = {},
): Promise<TestWorld> {
  const fx = await openTempServerFixture();
  const clock = { now: new Date('2026-11-27T09:30:00.000Z') };
  const at = clock.now;
  const db = fx.db;
  const brigadeA = await createBrigade(db, 'Brigade A', at);
  const brigadeB = await createBrigade(db, 'Brigade B', at);
  const units = {
    patrolA: await createUnit(
      db,
      { brigadeId: brigadeA, name: 'Patrol A', kind: 'patrol-squad' },
      at,
    ),
    accidentA: await createUnit(
      db,
      { brigadeId: brigadeA, name: 'Accident A', kind: 'accident-squad' },
      at,
    ),
    // A rural persuasion station of brigade A (src/domain/case/station.ts).
    stationA: await createUnit(
      db,
      { brigadeId: brigadeA, name: 'Station A', kind: 'rural-station' },
      at,
    ),
    patrolB: await createUnit(
      db,
      { brigadeId: brigadeB, name: 'Patrol B', kind: 'patrol-squad' },
      at,
    ),
    accidentB: await createUnit(
      db,
      { brigadeId: brigadeB, name: 'Accident B', kind: 'accident-squad' },
      at,
    ),
  };
  const insurers = {
    x: await createInsurer(db, { name: 'Insurer X', code: 'INSX' }, at),
    y: await createInsurer(db, { name: 'Insurer Y', code: 'INSY' }, at),
  };
  const affiliation: Record<Actor, { unitId?: string; insurerId?: string }> = {
    officerA: { unitId: units.patrolA.id },
    officerA2: { unitId: units.patrolA.id },
    officerB: { unitId: units.patrolB.id },
    stationA: { unitId: units.stationA.id },
    reviewerA: { unitId: units.accidentA.id },
    reviewerB: { unitId: units.accidentB.id },
    insurerX: { insurerId: insurers.x.id },
    insurerY: { insurerId: insurers.y.id },
    admin: {},
  };
  const users = {} as Record<Actor, WorldUser>;
  for (const actor of ACTORS) {
    const username = actor.toLowerCase();
    const user = await createUser(
      db,
      {
        username,
        displayName: actor,
        role: ROLE_OF[actor],
        password: TEST_PASSWORD,
        ...affiliation[actor],
      },
      'test',
      at,
      CHEAP_SCRYPT,
    );
    const session = await createSession(db, user.id, at);
    users[actor] = { id: user.id, username, token: session.token };
  }
  const devices = {} as TestWorld['devices'];
  for (const actor of CAPTURING) {
    const key = await makeDeviceKey();
    const { device } = await enrolDevice(
      db,
      { userId: users[actor].id, label: `${actor} phone`, publicKeyJwk: key.publicKeyJwk },
      at,
    );
    devices[actor] = { id: device.id, key };
  }
  const app = buildApp(
    {
      staticDir: path.join(fx.dir, 'no-dist'),
      logLevel: 'silent',
      uploadDir: path.join(fx.dir, 'uploads'),
      ...config,
    },
    {
      db,
      blobs: fx.blobs,
      version: 'test',
      now: () => clock.now,
      logger: false,
      scryptCost: CHEAP_SCRYPT,
      ...deps,
    },
  );
  await app.ready();
  return {
    fx,
    app,
    clock,
    units,
    insurers,
    users,
    devices,
    call(actor, options) {
      const headers = { ...(options.headers ?? {}) };
      if (actor) headers['authorization'] = `Bearer ${users[actor].token}`;
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.close();
      await fx.cleanup();
    },
  };
}
