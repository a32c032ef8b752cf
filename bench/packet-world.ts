/**
 * The accounts of bench/packets.ts: two insurers named and coded as the case
 * fixtures' parties name them (`insuredCase`: "insurer x" compulsory, INSY
 * commercial, so each case is covered by both), a brigade that reviews before
 * packets go (an officer with an enrolled device, a reviewer), a brigade that
 * sends them on signature (`packets_on = 'signed'`, an officer), and an admin
 * who registers the endpoints. Cheap password hashing: no one signs in.
 */
import { createBrigade, createInsurer, createUnit, createUser } from '../server/auth/accounts';
import type { Role } from '../src/contracts/route';
import { enrolDevice } from '../server/auth/devices';
import { createSession } from '../server/auth/sessions';
import type { Db } from '../server/db/database';
import { makeDeviceKey } from '../server/test-device';
import type { TestDeviceKey } from '../server/test-device';

export interface Officer {
  id: string;
  unitId: string;
  token: string;
  deviceId: string;
  key: TestDeviceKey;
}

export interface PacketWorld {
  insurers: { id: string; code: string }[];
  /** An officer of the brigade that waits for the reviewer's approval. */
  reviewing: Officer;
  /** An officer of the brigade that sends packets on signature. */
  signing: Officer;
  reviewer: { token: string };
  admin: { token: string };
}

const COST = { N: 1024, r: 8, p: 1 };

async function account(db: Db, username: string, role: Role, at: Date, unitId?: string) {
  const user = await createUser(
    db,
    { username, displayName: username, role, unitId, password: 'long enough bench pw' },
    'bench',
    at,
    COST,
  );
  return { id: user.id, token: (await createSession(db, user.id, at)).token };
}

async function officer(db: Db, brigadeId: string, name: string, at: Date): Promise<Officer> {
  const unit = await createUnit(db, { brigadeId, name, kind: 'patrol-squad' }, at);
  const user = await account(db, `officer-${name}`, 'officer', at, unit.id);
  const key = await makeDeviceKey();
  const { device } = await enrolDevice(
    db,
    { userId: user.id, label: name, publicKeyJwk: key.publicKeyJwk },
    at,
  );
  return { ...user, unitId: unit.id, deviceId: device.id, key };
}

export async function seedPacketWorld(db: Db): Promise<PacketWorld> {
  const at = new Date();
  const insurers = [
    await createInsurer(db, { name: 'Insurer X', code: 'INSX' }, at),
    await createInsurer(db, { name: 'Insurer Y', code: 'INSY' }, at),
  ];
  const reviewingBrigade = await createBrigade(db, 'Reviewing brigade', at);
  const signingBrigade = await createBrigade(db, 'Signing brigade', at);
  await db
    .updateTable('brigades')
    .set({ packets_on: 'signed' })
    .where('id', '=', signingBrigade)
    .execute();
  const squad = await createUnit(
    db,
    { brigadeId: reviewingBrigade, name: 'Accident squad', kind: 'accident-squad' },
    at,
  );
  return {
    insurers: insurers.map((i) => ({ id: i.id, code: i.code })),
    reviewing: await officer(db, reviewingBrigade, 'review-patrol', at),
    signing: await officer(db, signingBrigade, 'signed-patrol', at),
    reviewer: await account(db, 'reviewer', 'reviewer', at, squad.id),
    admin: await account(db, 'admin', 'admin', at),
  };
}
