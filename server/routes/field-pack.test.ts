import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../src/contracts/errors';
import { CourtesyScript, FieldPack, STARTER_COURTESY_SCRIPT } from '../../src/contracts/field-pack';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';

let w: TestWorld;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const script = {
  greeting: { zh: '乡亲您好！我是交警大队民警。', en: 'Hello, neighbour.' },
  signRequest: { zh: '请在下方签名。', en: 'Please sign below.' },
  thanks: { zh: '一路平安！', en: 'Safe journey!' },
};

const pack = async (actor: 'officerA' | 'officerB' | 'reviewerA') => {
  const res = await w.call(actor, { url: '/api/field-pack' });
  expect(res.statusCode).toBe(200);
  return FieldPack.parse(res.json());
};

describe('the field pack’s courteous script', () => {
  it('is the project’s starter, version 0, until the brigade saves its own', async () => {
    const { courtesyScript, brigadeId } = await pack('officerA');
    expect(brigadeId).toBe(w.units.patrolA.brigadeId);
    expect(courtesyScript).toEqual({ version: 0, updatedAt: null, text: STARTER_COURTESY_SCRIPT });
  });

  it('takes the admin’s words for one brigade only, version by version, audited', async () => {
    const url = `/api/admin/brigades/${w.units.patrolA.brigadeId}/courtesy-script`;
    const first = await w.call('admin', { method: 'PUT', url, payload: script });
    expect(first.statusCode).toBe(200);
    expect(CourtesyScript.parse(first.json())).toMatchObject({ version: 1, text: script });
    const again = { ...script, thanks: { zh: '注意安全！', en: 'Take care!' } };
    await w.call('admin', { method: 'PUT', url, payload: again });

    const mine = await pack('reviewerA');
    expect(mine.courtesyScript).toMatchObject({ version: 2, text: again });
    expect((await pack('officerB')).courtesyScript.version).toBe(0);
    const read = await w.call('admin', { url });
    expect(CourtesyScript.parse(read.json()).version).toBe(2);

    const events = await w.fx.db
      .selectFrom('audit_events')
      .select(['action', 'subject', 'details'])
      .where('action', '=', 'brigade.courtesy_script')
      .execute();
    expect(events).toHaveLength(2);
    expect(events[1]?.subject).toBe(w.units.patrolA.brigadeId);
  });

  it('names the field of a blank or overlong text, and keeps what was saved', async () => {
    const url = `/api/admin/brigades/${w.units.patrolA.brigadeId}/courtesy-script`;
    await w.call('admin', { method: 'PUT', url, payload: script });
    for (const [payload, field] of [
      [{ ...script, greeting: { zh: '   ', en: 'x' } }, 'body.greeting.zh'],
      [{ ...script, thanks: { zh: '谢'.repeat(401), en: 'x' } }, 'body.thanks.zh'],
      [{ greeting: script.greeting, thanks: script.thanks }, 'body.signRequest'],
    ] as const) {
      const res = await w.call('admin', { method: 'PUT', url, payload });
      expect(res.statusCode, field).toBe(400);
      expect(ErrorBody.parse(res.json()).error.fields?.map((f) => f.path)).toEqual([field]);
    }
    expect((await pack('officerA')).courtesyScript).toMatchObject({ version: 1, text: script });
  });

  it('answers 404 for a brigade that does not exist', async () => {
    const res = await w.call('admin', {
      url: '/api/admin/brigades/0190a000-0000-7000-8000-000000000000/courtesy-script',
    });
    expect(res.statusCode).toBe(404);
  });
});
