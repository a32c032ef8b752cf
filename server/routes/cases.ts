/**
 * PUT /api/cases/:id (ingest), POST /api/cases/:id/handover, GET /api/cases,
 * GET /api/cases/:id, POST /api/cases/:id/actions.
 */
import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import { CaseActionRequest, CaseHandoverRequest, CasePutRequest } from '../../src/contracts/cases';
import type {
  CaseActionResponse,
  CaseHandoverResponse,
  CaseDetail,
  CaseList,
  CaseReceipt,
  CaseSummary,
  InsurerCaseDetail,
} from '../../src/contracts/cases';
import { IdParams } from '../../src/contracts/route';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { CaseState } from '../../src/domain/case/case-state';
import type { PhotoMeta } from '../../src/domain/case/photo.schema';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import { servedCaseProblems } from '../audit/evidence';
import type { Authenticator } from '../auth/authenticate';
import { caseInScopeOr404, casesInScope, scopeFor } from '../auth/policy';
import type { BlobStore } from '../blobs/blob-store';
import { applyCaseAction } from '../cases/actions';
import { handOverCase } from '../cases/custody';
import { claimsOfCase } from '../cases/claims';
import { ingestCase } from '../cases/ingest';
import { insurerCaseDetail, insurerSummary } from '../cases/packets';
import { heldAndMissing, receiptFor } from '../cases/receipts';
import type { PhotoHoldings } from '../cases/receipts';
import type { ReceiptFlag } from '../../src/contracts/cases';
import type { Db } from '../db/database';
import type { GroupCommitter } from '../db/group-commit';
import type { Database } from '../db/schema';
import type { CaseRow } from '../db/schema';
import { parseInput } from '../errors';
import { sessionRoute } from './contract-route';

export interface CaseRoutesOptions {
  db: Db;
  blobs: BlobStore;
  auth: Authenticator;
  now: () => Date;
  /** Runs the webhook dispatcher at once (after an action queued events). */
  kick?: () => void;
  /** Concurrent case PUTs' writes share one transaction (db/group-commit.ts). */
  commits: GroupCommitter<Database>;
}

async function summaryOf(holdings: PhotoHoldings, row: CaseRow): Promise<CaseSummary> {
  const { missing } = await heldAndMissing(
    holdings,
    row.unit_id,
    JSON.parse(row.manifest) as CaseManifest,
  );
  return {
    id: row.id,
    caseNumber: row.case_number,
    unitId: row.unit_id,
    officerId: row.officer_id,
    state: row.state as CaseState,
    manifestVersion: row.manifest_version,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    complete: missing.length === 0,
  };
}

/**
 * The whole case, for an officer or reviewer, with its integrity: a case whose
 * stored evidence no longer checks out is served as stored, flagged and logged.
 */
async function caseDetail(
  holdings: PhotoHoldings,
  row: CaseRow,
  log: FastifyBaseLogger,
): Promise<CaseDetail> {
  const id = row.id;
  const version = await holdings.db
    .selectFrom('case_versions')
    .select(['flags', 'received_at'])
    .where('case_id', '=', id)
    .where('version', '=', row.manifest_version)
    .executeTakeFirstOrThrow();
  const problems = await servedCaseProblems(holdings.db, id);
  if (problems.length > 0) {
    log.error({ caseId: id, problems }, 'serving a case whose stored evidence is broken');
  }
  const manifest = JSON.parse(row.manifest) as CaseManifest;
  return {
    summary: await summaryOf(holdings, row),
    case: JSON.parse(row.body) as CaseRecord,
    photos: JSON.parse(row.photos) as PhotoMeta[],
    manifest,
    signature: row.signature,
    receipt: await receiptFor(holdings, {
      manifest,
      manifestHash: row.manifest_hash,
      receivedAt: version.received_at,
      flags: JSON.parse(version.flags) as ReceiptFlag[],
    }),
    redacted: false,
    claims: await claimsOfCase(holdings.db, id),
    integrity: problems.length > 0 ? 'broken' : 'intact',
  };
}

export const caseRoutes: FastifyPluginAsync<CaseRoutesOptions> = async (
  app,
  { db, blobs, auth, now, kick, commits },
) => {
  const holdings: PhotoHoldings = { db, blobs };
  // Case bodies with many parties are bigger than the default JSON limit.
  sessionRoute(app, auth, 'cases.put', async (request, _reply, session): Promise<CaseReceipt> => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const body = parseInput(CasePutRequest, request.body, 'body');
    const receipt = await ingestCase({ db, blobs, now, commits }, session, id, body);
    // A brigade that sends packets on signature has queued them with the version.
    kick?.();
    return receipt;
  });

  sessionRoute(
    app,
    auth,
    'cases.handover',
    async (request, _reply, session): Promise<CaseHandoverResponse> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(CaseHandoverRequest, request.body, 'body');
      await caseInScopeOr404(db, scopeFor(session), id);
      return handOverCase(db, session, id, body, now());
    },
  );

  sessionRoute(app, auth, 'cases.list', async (_request, _reply, session): Promise<CaseList> => {
    const scope = scopeFor(session);
    const rows = await casesInScope(db, scope).limit(500).execute();
    const summary = (row: CaseRow) =>
      scope.kind === 'insurer'
        ? insurerSummary(holdings, row, scope.insurerId)
        : summaryOf(holdings, row);
    return { cases: await Promise.all(rows.map(summary)) };
  });

  sessionRoute(
    app,
    auth,
    'cases.get',
    async (request, _reply, session): Promise<CaseDetail | InsurerCaseDetail> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const scope = scopeFor(session);
      const row = await caseInScopeOr404(db, scope, id);
      if (scope.kind === 'insurer') return insurerCaseDetail(holdings, row, scope.insurerId);
      // Its receipt promises "on disk": the version's batch may still be fsyncing its WAL.
      await commits.durable();
      return caseDetail(holdings, row, request.log);
    },
  );

  sessionRoute(
    app,
    auth,
    'cases.action',
    async (request, _reply, session): Promise<CaseActionResponse> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(CaseActionRequest, request.body, 'body');
      await caseInScopeOr404(db, scopeFor(session), id);
      const answer = await applyCaseAction(db, session, id, body, now());
      // Packets and returns queued by the action go out now, not at the next poll.
      kick?.();
      return answer;
    },
  );
};
