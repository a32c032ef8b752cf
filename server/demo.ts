/**
 * The demo seed (`npm start -- --demo` or KUAICHU_DEMO=1): a county brigade
 * with a patrol squad, an accident squad and a rural persuasion station, its
 * roadside video units, two
 * insurers, two officers and one user of each other role, named in Chinese as
 * a brigade names them; its region for the warning list is 川A / 成都 (5101). Idempotent: a second start finds the demo users and
 * seeds nothing. The passwords are fixed and printed — a demo installation is
 * not for real cases.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../src/contracts/route';
import { STARTER_LENIENT_ITEMS, type LenientListBody } from '../src/domain/lenient';
import { createBrigade, createInsurer, createUnit, createUser } from './auth/accounts';
import type { ScryptCost } from './auth/passwords';
import type { Database } from './db/schema';
import type { VideoUnitInput } from '../src/contracts/video';
import { addVideoUnit } from './video-units';
import { saveLenientList } from './field-pack';

export const DEMO_BRIGADE = '示范县公安局交警大队';
const PATROL = `${DEMO_BRIGADE} 路勤中队`;
const ACCIDENT = `${DEMO_BRIGADE} 事故中队`;
const STATION = `${DEMO_BRIGADE} 城关劝导站`;
const PICC = '中国人民财产保险股份有限公司';
export const DEMO_PASSWORD = 'kuaichu-demo-2026';

/**
 * The demo brigade's region for the warning-instead-of-a-fine list (首违警告):
 * plates 川A and licences issued in 成都 (5101) are local; the starter's items.
 */
const DEMO_LENIENT: LenientListBody = {
  region: { platePrefixes: ['川A'], licenceAreaCodes: ['5101'] },
  items: [...STARTER_LENIENT_ITEMS],
};

export interface DemoCredential {
  username: string;
  password: string;
  role: Role;
  /** The display name, as a brigade names its people. */
  name: string;
  where: string;
}

/**
 * The demo brigade's roadside video units: three within 2 km of the place a
 * demo phone (and the browser tests' phone) reports, one 13 km out in the
 * countryside, so a case's screen lists three.
 */
export const DEMO_VIDEO_UNITS: readonly VideoUnitInput[] = [
  {
    code: 'SF-001',
    name: '人民南路与锦里路口',
    latitude: 30.6595,
    longitude: 104.0655,
    facing: 'S',
    retentionDays: 30,
  },
  {
    code: 'SF-002',
    name: '锦江桥北桥头',
    latitude: 30.662,
    longitude: 104.07,
    facing: 'SW',
    retentionDays: 15,
  },
  {
    code: 'SF-003',
    name: '二环路北口',
    latitude: 30.67,
    longitude: 104.0648,
    facing: 'S',
    retentionDays: 7,
  },
  {
    code: 'SF-101',
    name: '三岔镇农村公路路口',
    latitude: 30.75,
    longitude: 104.15,
    facing: 'E',
    retentionDays: 30,
  },
];

/** Seeds the demo once; answers the credentials (also when already seeded). */
export async function seedDemo(
  db: Kysely<Database>,
  at: Date,
  cost?: ScryptCost,
): Promise<{ seeded: boolean; credentials: DemoCredential[] }> {
  const credentials: DemoCredential[] = [
    {
      username: 'demo-officer',
      password: DEMO_PASSWORD,
      role: 'officer',
      name: '张伟',
      where: PATROL,
    },
    {
      // A second officer of the squad: patrol phones are shared between shifts.
      username: 'demo-officer2',
      password: DEMO_PASSWORD,
      role: 'officer',
      name: '王强',
      where: PATROL,
    },
    {
      username: 'demo-reviewer',
      password: DEMO_PASSWORD,
      role: 'reviewer',
      name: '李娜',
      where: ACCIDENT,
    },
    {
      username: 'demo-insurer',
      password: DEMO_PASSWORD,
      role: 'insurer',
      name: '陈静',
      where: PICC,
    },
    {
      // A persuasion station's helper: captures minor cases, hands them to an officer.
      username: 'demo-station',
      password: DEMO_PASSWORD,
      role: 'station',
      name: '赵敏',
      where: STATION,
    },
    {
      username: 'demo-admin',
      password: DEMO_PASSWORD,
      role: 'admin',
      name: '刘洋',
      where: DEMO_BRIGADE,
    },
  ];
  // Seeded once, also by an earlier version that named the brigade differently.
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo-admin')
    .executeTakeFirst();
  if (existing) return { seeded: false, credentials };

  const brigadeId = await createBrigade(db, DEMO_BRIGADE, at);
  // A brigade requires a PIN on its officers' phones unless its admin says
  // otherwise; the demo lets a visitor in without one (Settings offers it).
  await db.updateTable('brigades').set({ pin_required: 0 }).where('id', '=', brigadeId).execute();
  const patrol = await createUnit(db, { brigadeId, name: PATROL, kind: 'patrol-squad' }, at);
  const accident = await createUnit(db, { brigadeId, name: ACCIDENT, kind: 'accident-squad' }, at);
  const station = await createUnit(db, { brigadeId, name: STATION, kind: 'rural-station' }, at);
  for (const unit of DEMO_VIDEO_UNITS) await addVideoUnit(db, 'system:demo', brigadeId, unit, at);
  const picc = await createInsurer(db, { name: PICC, code: 'PICC' }, at);
  await createInsurer(db, { name: '中国平安财产保险股份有限公司', code: 'PINGAN' }, at);
  const affiliation: Record<Role, { unitId?: string; insurerId?: string }> = {
    officer: { unitId: patrol.id },
    reviewer: { unitId: accident.id },
    insurer: { insurerId: picc.id },
    admin: {},
    station: { unitId: station.id },
  };
  let adminId = '';
  for (const c of credentials) {
    const user = await createUser(
      db,
      {
        username: c.username,
        displayName: c.name,
        role: c.role,
        password: c.password,
        ...affiliation[c.role],
      },
      'system:demo',
      at,
      cost,
    );
    if (c.role === 'admin') adminId = user.id;
  }
  await saveLenientList(db, adminId, brigadeId, DEMO_LENIENT, at);
  return { seeded: true, credentials };
}

export function demoMessage(result: { seeded: boolean; credentials: DemoCredential[] }): string {
  const lines = [
    result.seeded ? 'Demo data seeded. Sign in with:' : 'Demo data present. Sign in with:',
  ];
  for (const c of result.credentials)
    lines.push(
      `  ${c.role.padEnd(9)} ${c.username.padEnd(14)} ${c.password}   ${c.name}（${c.where}）`,
    );
  return lines.join('\n');
}
