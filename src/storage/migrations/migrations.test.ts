/**
 * The upgrade harness: for every released version, seed a database at that
 * version with a pending case and its outbox entry, open the latest version,
 * and check that nothing was lost and everything still parses.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CaseRecord } from '../../domain';
import { aCase } from '../../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../../tests/setup/fresh-db';
import { createDb } from '../db';
import { listCases } from '../cases-repo';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './index';

beforeEach(useFreshIndexedDb);

describe('schema versions', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, i) => i + 1),
    );
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'upgrading from version %i to the latest keeps pending cases',
    async (from) => {
      const c = aCase('2026-11-27T02:00:00.000Z').withVehicles(2).build();
      const old = createDb('upgrade-test', from);
      await old.open();
      await old.table('cases').put(c);
      await old.table('outbox').put({ key: `case:${c.id}`, kind: 'case', caseId: c.id });
      old.close();

      const db = createDb('upgrade-test');
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      const list = await listCases(db);
      expect(list.unreadable).toEqual([]);
      expect(list.cases.map((x) => CaseRecord.parse(x))).toEqual([c]);
      expect(await db.outbox.get(`case:${c.id}`)).toMatchObject({ caseId: c.id });
      db.close();
    },
  );
});
