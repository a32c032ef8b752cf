/**
 * Packets without review: a brigade whose `packets_on` is `signed` sends each
 * insurer its packet as soon as a version arrives in which every party signed
 * (or refused) the determination — the quick-handling model where the
 * accident squad reviews afterwards. The default, `review`, waits for the
 * reviewer's approval (server/cases/actions.ts).
 */
import type { Kysely } from 'kysely';
import { enteredAt } from '../../src/domain/case/case';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { Session } from '../auth/sessions';
import { deliverPackets } from '../cases/claims';
import type { Database } from '../db/schema';

/** Delivers the version's packets when the case's brigade sends them on signature. */
export async function deliverIfSigned(
  trx: Kysely<Database>,
  session: Session,
  record: CaseRecord,
  at: Date,
): Promise<boolean> {
  if (enteredAt(record, 'signed') === undefined) return false;
  const brigade = await trx
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('brigades', 'brigades.id', 'units.brigade_id')
    .select('brigades.packets_on')
    .where('cases.id', '=', record.id)
    .executeTakeFirstOrThrow();
  if (brigade.packets_on !== 'signed') return false;
  await deliverPackets(trx, session, record.id, at);
  return true;
}
