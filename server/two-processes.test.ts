/**
 * Stateless API processes (issue 15): two `server/main.ts` processes on one
 * database (PostgreSQL in the pg half; one SQLite file in WAL mode on the
 * SQLite half — both processes on one machine) and one data folder (blobs,
 * tus uploads), with requests alternating between them. One is killed in the
 * middle of a photo upload (tus resumes on the other) and one in the middle of
 * a webhook delivery (the other delivers it, processed once per webhook-id);
 * nothing is lost or duplicated and the audit chain verifies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseReturnedEvent } from '../src/contracts/webhooks';
import { verifyAuditChain } from './audit/audit-log';
import { insuredCase } from './case-fixtures';
import { signedCaseBody } from './test-device';
import { creationHeaders, submitCase } from './test-photos';
import { httpInject, sharedEnv, signIn, startApiProcess, worldOverHttp } from './test-processes';
import type { ApiProcess } from './test-processes';
import { openTestWorld } from './test-world';
import type { TestWorld } from './test-world';
import { ABANDONED } from './webhooks/deliveries';
import { enqueueEvent } from './webhooks/outbox';
import { startTestReceiver } from './webhooks/test-receiver';
import type { TestReceiver } from './webhooks/test-receiver';

const TUS = { 'tus-resumable': '1.0.0' };
const WAIT = { timeout: 30_000, interval: 100 };
/**
 * A test here starts, kills and waits for whole server processes: on a busy
 * 2-core machine one start alone can take most of Vitest's default 20 s.
 */
const PROCESS_TEST_MS = 120_000;

let w: TestWorld;
let receiver: TestReceiver;
const running: ApiProcess[] = [];

async function start(): Promise<ApiProcess> {
  const p = await startApiProcess(sharedEnv(w));
  running.push(p);
  return p;
}

async function kill(p: ApiProcess): Promise<void> {
  await p.kill();
  running.splice(running.indexOf(p), 1);
}

beforeAll(async () => {
  w = await openTestWorld();
  receiver = await startTestReceiver();
  await Promise.all([start(), start()]);
}, 120_000);

afterAll(async () => {
  for (const p of [...running]) await kill(p);
  receiver.release(503);
  await receiver.close();
  await w.close();
});

/** The processes in turn, each call to the next. */
const live = () => running;

describe(
  'two API processes on one database and one blob store',
  { timeout: PROCESS_TEST_MS },
  () => {
    let officer: string;

    it('signs in on one and uses the session on the other', async () => {
      const [one, two] = running as [ApiProcess, ApiProcess];
      officer = await signIn(one.url, w, 'officerA');

      const me = await httpInject(two.url, officer, { url: '/api/auth/me' });

      expect(me.statusCode).toBe(200);
      expect(me.json<{ user: { username: string } }>().user.username).toBe('officera');
    });

    it('ingests cases and serves the pull feed while requests alternate between them', async () => {
      const hw = worldOverHttp(w, live, { officerA: officer });
      const cases = [insuredCase('two-a', 2), insuredCase('two-b', 3)];
      for (const c of cases) await submitCase(hw, c);
      // A replay of the same version on the other process changes nothing.
      const replay = await hw.call('officerA', {
        method: 'PUT',
        url: `/api/cases/${cases[0]!.record.id}`,
        payload: await signedCaseBody({
          record: cases[0]!.record,
          photos: cases[0]!.photos.map((p) => p.meta),
          deviceId: w.devices.officerA.id,
          key: w.devices.officerA.key,
        }),
      });
      expect(replay.statusCode).toBe(200);

      // The feed lists what others changed: the brigade's reviewer sees both arrivals.
      const reviewer = await signIn(running[1]!.url, w, 'reviewerA');
      const feed = await httpInject(running[0]!.url, reviewer, { url: '/api/changes?limit=100' });
      const ids = feed.json<{ changes: { caseId: string }[] }>().changes.map((c) => c.caseId);
      expect(ids).toEqual(cases.map((c) => c.record.id));
      expect(new Set(hw.calls).size).toBe(2);
      const versions = await w.fx.db.selectFrom('case_versions').select('case_id').execute();
      expect(versions).toHaveLength(2);
    });

    it('resumes on the other process an upload whose process was killed mid-PATCH', async () => {
      const [victim, other] = running as [ApiProcess, ApiProcess];
      const c = insuredCase('two-resumed', 1);
      const photo = c.photos[0]!;
      const created = await httpInject(victim.url, officer, {
        method: 'POST',
        url: '/api/uploads',
        headers: creationHeaders(photo),
      });
      expect(created.statusCode).toBe(201);
      const path = new URL(String(created.headers['location']), victim.url).pathname;
      const half = Math.floor(photo.bytes.length / 2);

      // The first half goes to the victim as a PATCH that never ends, then it dies.
      let feed!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (feed = c) });
      const cut = fetch(`${victim.url}${path}`, {
        method: 'PATCH',
        headers: {
          ...TUS,
          authorization: `Bearer ${officer}`,
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        },
        body,
        duplex: 'half',
      } as RequestInit).catch((error: unknown) => error);
      feed.enqueue(new Uint8Array(photo.bytes.subarray(0, half)));
      const offsetOn = async (p: ApiProcess) =>
        (await httpInject(p.url, officer, { method: 'HEAD', url: path, headers: TUS })).headers[
          'upload-offset'
        ];
      await vi.waitFor(async () => expect(await offsetOn(other)).toBe(String(half)), WAIT);
      await kill(victim);
      expect(await cut).toBeInstanceOf(Error);

      // The phone asks the other process where to go on, and sends the rest there.
      const offset = Number(await offsetOn(other));
      const rest = await httpInject(other.url, officer, {
        method: 'PATCH',
        url: path,
        headers: {
          ...TUS,
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
        payload: photo.bytes.subarray(offset),
      });
      // The last PATCH answers 200 with the stored photo (tus-uploads.ts).
      expect(rest.statusCode, rest.body).toBe(200);
      const hw = worldOverHttp(w, live, { officerA: officer });
      await start();
      const put = await hw.call('officerA', {
        method: 'PUT',
        url: `/api/cases/${c.record.id}`,
        payload: await signedCaseBody({
          record: c.record,
          photos: [photo.meta],
          deviceId: w.devices.officerA.id,
          key: w.devices.officerA.key,
        }),
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json<{ complete: boolean }>().complete).toBe(true);
      expect(await w.fx.blobs.verify(photo.meta.sha256)).toBe(true);
    });

    it('delivers on the other process, once per webhook-id, an event whose dispatcher was killed mid-POST', async () => {
      const admin = await signIn(running[0]!.url, w, 'admin');
      const registered = await httpInject(running[1]!.url, admin, {
        method: 'POST',
        url: `/api/admin/insurers/${w.insurers.x.id}/endpoints`,
        payload: { url: receiver.url, allowPrivate: true },
      });
      expect(registered.statusCode, registered.body).toBe(201);
      receiver.secrets = [registered.json<{ secret: string }>().secret];
      // Only one process runs while the event is claimed: it is the one killed.
      await kill(running[0]!);
      const [dispatching] = running as [ApiProcess];
      receiver.answer = 'hold';
      const messageId = await enqueueReturned(w);
      await vi.waitFor(() => expect(receiver.requests).toHaveLength(1), WAIT);
      const successor = await start();
      await kill(dispatching);
      // The killed process's lease would run out after its 40 s; let the time pass.
      receiver.answer = 200;
      await w.fx.db
        .updateTable('webhook_deliveries')
        .set({ lease_until: new Date(Date.now() - 1).toISOString() })
        .execute();

      await vi.waitFor(() => expect(receiver.processed.size).toBe(1), WAIT);
      expect([...receiver.processed.keys()]).toEqual([messageId]);
      expect(receiver.requests.map((r) => r.webhookId)).toEqual([messageId, messageId]);
      const delivery = () =>
        w.fx.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
      await vi.waitFor(async () => expect((await delivery()).state).toBe('delivered'), WAIT);
      expect(await delivery()).toMatchObject({ attempts: 2 });
      const attempts = await w.fx.db
        .selectFrom('webhook_attempts')
        .select(['attempt', 'error'])
        .orderBy('attempt')
        .execute();
      expect(attempts).toEqual([
        { attempt: 1, error: ABANDONED },
        { attempt: 2, error: null },
      ]);
      expect(successor.output()).not.toMatch(/error/i);
    });

    it('leaves nothing lost, nothing twice, and one audit chain that verifies', async () => {
      const count = async (table: 'cases' | 'case_versions' | 'photos') =>
        (
          await w.fx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      expect(Number(await count('cases'))).toBe(3);
      expect(Number(await count('case_versions'))).toBe(3);
      expect(Number(await count('photos'))).toBe(6);
      expect(await verifyAuditChain(w.fx.db)).toMatchObject({ ok: true });
    });
  },
);

/** A `case.returned` event for insurer X, queued as a change would queue it; answers its id. */
async function enqueueReturned(world: TestWorld): Promise<string> {
  const caseRow = await world.fx.db
    .selectFrom('cases')
    .select(['id', 'case_number'])
    .executeTakeFirstOrThrow();
  const at = new Date();
  const body: CaseReturnedEvent = {
    type: 'case.returned',
    timestamp: at.toISOString(),
    data: {
      packetId: randomUUID(),
      caseId: caseRow.id,
      caseNumber: caseRow.case_number,
      manifestVersion: 1,
      reason: 'amended',
    },
  };
  return world.fx.db.transaction().execute((trx) =>
    enqueueEvent(trx, {
      insurerId: world.insurers.x.id,
      type: 'case.returned',
      caseId: caseRow.id,
      claimId: null,
      body,
      at,
    }),
  );
}
