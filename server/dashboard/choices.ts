/** What the dashboard's filters offer: the viewer's brigade's units and officers, and the insurers. */
import type { Kysely } from 'kysely';
import type { DashboardChoices } from '../../src/contracts/dashboard';
import { brigadeOf } from '../cases/queue';
import type { Database } from '../db/schema';

export async function dashboardChoices(
  db: Kysely<Database>,
  brigadeId: string,
): Promise<DashboardChoices> {
  const { units, officers } = await brigadeOf(db, { kind: 'brigade', brigadeId, userId: '' });
  const insurers = await db
    .selectFrom('insurers')
    .select(['id', 'name'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { units, officers, insurers };
}
