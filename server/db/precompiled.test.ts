import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempServerFixture } from '../test-support';
import type { TempServerFixture } from '../test-support';
import { precompiled, type Param } from './precompiled';
import type { Database } from './schema';

let fx: TempServerFixture;

beforeEach(async () => {
  fx = await openTempServerFixture();
});

afterEach(async () => {
  await fx.cleanup();
});

type Db = Kysely<Database>;

const insertBrigade = precompiled((db: Db, p: Param<'id' | 'name' | 'at'>) =>
  db.insertInto('brigades').values({ id: p('id'), name: p('name'), created_at: p('at') }),
);

const brigadesNamed = precompiled((db: Db, p: Param<string>, count: number) =>
  db
    .selectFrom('brigades')
    .select(['id', 'name'])
    .where(
      'name',
      'in',
      Array.from({ length: count }, (_, i) => p(`name${i}`)),
    )
    .orderBy('id')
    .limit(2),
);

const at = '2026-12-07T08:00:00.000Z';

describe('precompiled queries', () => {
  it('runs the compiled text with each call’s values, constants kept', async () => {
    for (const [id, name] of [
      ['b1', 'North'],
      ['b2', 'South'],
      ['b3', 'East'],
    ]) {
      await insertBrigade.run(fx.db, { id, name, at });
    }
    const one = await brigadesNamed.all(fx.db, { name0: 'South' }, 1);
    expect(one).toEqual([{ id: 'b2', name: 'South' }]);
    // Another shape of the family; `limit(2)` stays a constant parameter.
    const three = await brigadesNamed.all(
      fx.db,
      { name0: 'East', name1: 'North', name2: 'South' },
      3,
    );
    expect(three).toEqual([
      { id: 'b1', name: 'North' },
      { id: 'b2', name: 'South' },
    ]);
    expect(await brigadesNamed.first(fx.db, { name0: 'West' }, 1)).toBeUndefined();
  });

  it('runs inside a transaction, and refuses a missing value instead of binding it', async () => {
    await fx.db.transaction().execute(async (trx) => {
      await insertBrigade.run(trx, { id: 'b9', name: 'West', at });
      expect(await brigadesNamed.first(trx, { name0: 'West' }, 1)).toEqual({
        id: 'b9',
        name: 'West',
      });
    });
    await expect(insertBrigade.run(fx.db, { id: 'b10', name: 'None' } as never)).rejects.toThrow(
      'no value for at',
    );
  });
});
