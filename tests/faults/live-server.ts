/**
 * The real Kuaichu server, in-process and listening on a loopback port, for
 * sync tests: real fetch and tus-js-client (Node build) talk to it. Built on
 * server/test-world (temp SQLite file, blob folder, one user per role).
 */
import type { AddressInfo } from 'node:net';
import { CaseActionResponse, type CaseAction } from '../../src/contracts/cases';
import { CaseManifest } from '../../src/domain/manifest';
import { openTestWorld, TEST_PASSWORD, type TestWorld } from '../../server/test-world';

export interface LiveServer {
  world: TestWorld;
  /** `http://127.0.0.1:<port>` */
  url: string;
  officer: { username: string; password: string };
  /** Rows of `cases` for this id (0 or 1 when all is well). */
  caseRows(caseId: string): Promise<number>;
  /** Every stored manifest version of a case, in order. */
  versions(caseId: string): Promise<{ version: number; manifestHash: string }[]>;
  /** Every case id the server holds. */
  caseIds(): Promise<string[]>;
  holdsBlob(sha256: string): Promise<boolean>;
  /** True when the server holds these bytes and they still hash to their name. */
  blobVerifies(sha256: string): Promise<boolean>;
  /** The current (latest) stored manifest's case hash and photo hashes. */
  current(caseId: string): Promise<{ caseSha256: string; photos: string[] } | undefined>;
  /** A reviewer of the officer's brigade acts on a case (e.g. returns it for more evidence). */
  review(caseId: string, action: CaseAction, note?: string): Promise<CaseActionResponse>;
  close(): Promise<void>;
}

export async function startLiveServer(): Promise<LiveServer> {
  const world = await openTestWorld();
  await world.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = world.app.server.address() as AddressInfo;
  const db = world.fx.db;
  return {
    world,
    url: `http://127.0.0.1:${port}`,
    officer: { username: world.users.officerA.username, password: TEST_PASSWORD },
    async caseRows(caseId) {
      const rows = await db.selectFrom('cases').select('id').where('id', '=', caseId).execute();
      return rows.length;
    },
    async versions(caseId) {
      const rows = await db
        .selectFrom('case_versions')
        .select(['version', 'manifest_hash'])
        .where('case_id', '=', caseId)
        .orderBy('version')
        .execute();
      return rows.map((r) => ({ version: r.version, manifestHash: r.manifest_hash }));
    },
    async caseIds() {
      return (await db.selectFrom('cases').select('id').execute()).map((r) => r.id).sort();
    },
    holdsBlob: (sha256) => world.fx.blobs.has(sha256),
    async blobVerifies(sha256) {
      return (await world.fx.blobs.has(sha256)) && (await world.fx.blobs.verify(sha256));
    },
    async current(caseId) {
      const row = await db
        .selectFrom('cases')
        .select('manifest')
        .where('id', '=', caseId)
        .executeTakeFirst();
      if (!row) return undefined;
      const manifest = CaseManifest.parse(JSON.parse(row.manifest));
      return { caseSha256: manifest.caseSha256, photos: manifest.photos.map((p) => p.sha256) };
    },
    async review(caseId, action, note) {
      const res = await world.call('reviewerA', {
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        payload: note === undefined ? { action } : { action, note },
      });
      if (res.statusCode !== 200)
        throw new Error(`review ${action}: ${res.statusCode} ${res.body}`);
      return CaseActionResponse.parse(res.json());
    },
    close: () => world.close(),
  };
}
