/**
 * Concurrent case PUTs go through the group commit (db/group-commit.ts):
 * every one gets its receipt, every stored version is in the audit chain,
 * and a refused one does not fail the others sent with it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CaseReceipt } from '../../src/contracts/cases';
import { ErrorBody } from '../../src/contracts/errors';
import { verifyAuditChain } from '../audit/audit-log';
import { insuredCase } from '../case-fixtures';
import type { CaseFixture } from '../case-fixtures';
import { signedCaseBody } from '../test-device';
import { auditDetails } from '../test-support';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const device = () => w.devices.officerA;

async function body(seed: string | CaseFixture, signedAt?: string) {
  const c = typeof seed === 'string' ? insuredCase(seed) : seed;
  const { id, key } = device();
  const photos = c.photos.map((p) => p.meta);
  return signedCaseBody({ record: c.record, photos, deviceId: id, key, signedAt });
}

it('answers every concurrent PUT with its receipt and chains every version in the audit trail', async () => {
  const bodies = await Promise.all(Array.from({ length: 12 }, (_, i) => body(`batch-${i}`)));
  const answers = await Promise.all(
    bodies.map((b) =>
      w.call('officerA', { method: 'PUT', url: `/api/cases/${b.case.id}`, payload: b }),
    ),
  );
  answers.forEach((res, i) => {
    expect(res.statusCode).toBe(200);
    const receipt = CaseReceipt.parse(res.json());
    expect(receipt).toMatchObject({ caseId: bodies[i]?.case.id, manifestVersion: 1 });
    expect(receipt.manifestHash).toBe(bodies[i]?.manifestHash);
  });
  const received = await auditDetails(w.fx.db, 'case.received');
  expect(received.map((d) => d.manifestHash).sort()).toEqual(
    bodies.map((b) => b.manifestHash).sort(),
  );
  expect(await verifyAuditChain(w.fx.db)).toMatchObject({ ok: true });
});

it('refuses a conflicting copy sent beside its neighbours and stores all the others', async () => {
  const cases = Array.from({ length: 6 }, (_, i) => insuredCase(`mixed-${i}`));
  const bodies = await Promise.all(cases.map((c) => body(c)));
  // Version 1 of the first case again, signed at another time: a different body.
  const conflicting = await body(cases[0] as CaseFixture, '2026-11-27T03:00:00.000Z');
  const sent = [...bodies, conflicting];
  const answers = await Promise.all(
    sent.map((b) =>
      w.call('officerA', { method: 'PUT', url: `/api/cases/${b.case.id}`, payload: b }),
    ),
  );
  const firstCase = [answers[0], answers[6]].map((r) => r?.statusCode).sort();
  expect(firstCase).toEqual([200, 409]);
  const refused = [answers[0], answers[6]].find((r) => r?.statusCode === 409);
  expect(ErrorBody.parse(refused?.json()).error.code).toBe('manifest_conflict');
  for (const res of answers.slice(1, 6)) expect(res.statusCode).toBe(200);
  expect(await auditDetails(w.fx.db, 'case.received')).toHaveLength(6);
  expect(await auditDetails(w.fx.db, 'case.refused')).toEqual([
    expect.objectContaining({ reason: 'manifest_conflict' }),
  ]);
  expect(await verifyAuditChain(w.fx.db)).toMatchObject({ ok: true });
});
