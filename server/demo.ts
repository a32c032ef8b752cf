/**
 * The demo seed (`npm start -- --demo` or KUAICHU_DEMO=1): a county brigade
 * with a patrol squad, an accident squad and a rural persuasion station, two
 * insurers, and one user of each role. Idempotent: a second start finds the
 * brigade and seeds nothing. The passwords are fixed and printed — a demo
 * installation is not for real cases.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../src/contracts/route';
import { createBrigade, createInsurer, createUnit, createUser } from './auth/accounts';
import type { ScryptCost } from './auth/passwords';
import type { Database } from './db/schema';

export const DEMO_BRIGADE = '示范县交警大队 Demo County Brigade';
export const DEMO_PASSWORD = 'kuaichu-demo-2026';

export interface DemoCredential {
  username: string;
  password: string;
  role: Role;
  where: string;
}

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
      where: '路勤中队 Patrol Squad',
    },
    {
      // A second officer of the squad: patrol phones are shared between shifts.
      username: 'demo-officer2',
      password: DEMO_PASSWORD,
      role: 'officer',
      where: '路勤中队 Patrol Squad',
    },
    {
      username: 'demo-reviewer',
      password: DEMO_PASSWORD,
      role: 'reviewer',
      where: '事故中队 Accident Squad',
    },
    {
      username: 'demo-insurer',
      password: DEMO_PASSWORD,
      role: 'insurer',
      where: '中国人保财险 PICC',
    },
    { username: 'demo-admin', password: DEMO_PASSWORD, role: 'admin', where: DEMO_BRIGADE },
  ];
  const existing = await db
    .selectFrom('brigades')
    .select('id')
    .where('name', '=', DEMO_BRIGADE)
    .executeTakeFirst();
  if (existing) return { seeded: false, credentials };

  const brigadeId = await createBrigade(db, DEMO_BRIGADE, at);
  const patrol = await createUnit(
    db,
    { brigadeId, name: '路勤中队 Patrol Squad', kind: 'patrol-squad' },
    at,
  );
  const accident = await createUnit(
    db,
    { brigadeId, name: '事故中队 Accident Squad', kind: 'accident-squad' },
    at,
  );
  await createUnit(
    db,
    { brigadeId, name: '城关劝导站 Chengguan Rural Station', kind: 'rural-station' },
    at,
  );
  const picc = await createInsurer(db, { name: '中国人保财险', code: 'PICC' }, at);
  await createInsurer(db, { name: '平安产险', code: 'PINGAN' }, at);
  const affiliation: Record<Role, { unitId?: string; insurerId?: string }> = {
    officer: { unitId: patrol.id },
    reviewer: { unitId: accident.id },
    insurer: { insurerId: picc.id },
    admin: {},
  };
  for (const c of credentials) {
    await createUser(
      db,
      {
        username: c.username,
        displayName: `Demo ${c.username.replace('demo-', '')}`,
        role: c.role,
        password: c.password,
        ...affiliation[c.role],
      },
      'system:demo',
      at,
      cost,
    );
  }
  return { seeded: true, credentials };
}

export function demoMessage(result: { seeded: boolean; credentials: DemoCredential[] }): string {
  const lines = [
    result.seeded ? 'Demo data seeded. Sign in with:' : 'Demo data present. Sign in with:',
  ];
  for (const c of result.credentials)
    lines.push(`  ${c.role.padEnd(9)} ${c.username.padEnd(14)} ${c.password}   (${c.where})`);
  return lines.join('\n');
}
