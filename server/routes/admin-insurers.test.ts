import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Insurer } from '../../src/contracts/auth';
import { ErrorBody } from '../../src/contracts/errors';
import { verifyAuditChain } from '../audit/audit-log';
import { openTestWorld } from '../test-world';
import { expectNewAccountSignsIn } from './admin-test-support';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;
const newInsurer = (body: Record<string, unknown>) =>
  w.call('admin', {
    method: 'POST',
    url: '/api/admin/insurers',
    payload: { name: '中华联合财产保险股份有限公司', code: 'CIC', ...body },
  });

describe('admin: insurer companies', () => {
  it('adds an insurer, audited, listed, and an insurer account can be created in it and sign in', async () => {
    const res = await newInsurer({});
    expect(res.statusCode).toBe(201);
    const insurer = Insurer.parse(res.json());
    expect(insurer).toMatchObject({ name: '中华联合财产保险股份有限公司', code: 'CIC' });

    const listed = await w.call('admin', { url: '/api/admin/insurers' });
    expect((listed.json() as { insurers: Insurer[] }).insurers).toContainEqual(insurer);
    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select(['action', 'subject'])
      .where('action', '=', 'insurer.created')
      .execute();
    expect(audit).toEqual([{ action: 'insurer.created', subject: insurer.id }]);
    expect((await verifyAuditChain(w.fx.db)).ok).toBe(true);

    await expectNewAccountSignsIn(w, {
      username: 'cic.claims',
      displayName: '中华联合理赔',
      role: 'insurer',
      insurerId: insurer.id,
    });
  });

  it('refuses a code another insurer has (409), changing nothing', async () => {
    expect((await newInsurer({})).statusCode).toBe(201);
    const again = await newInsurer({ name: '另一家公司' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('insurer_code_taken');
    const listed = await w.call('admin', { url: '/api/admin/insurers' });
    const names = (listed.json() as { insurers: Insurer[] }).insurers.map((i) => i.name);
    expect(names).not.toContain('另一家公司');
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ code: 'picc' }, 'code'],
    [{ code: 'A' }, 'code'],
    [{ code: 'TOO-LONG-A-CODE-FOR-IT' }, 'code'],
    [{ name: 'x'.repeat(81) }, 'name'],
  ])('refuses %j with a message naming the field', async (body, field) => {
    const res = await newInsurer(body);
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(JSON.stringify(error)).toContain(field);
    expect(JSON.stringify(res.json())).not.toMatch(/at .*\.ts:\d+/);
  });
});
