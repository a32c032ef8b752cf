/** PUT /api/cases/:id (ingest), GET /api/cases, GET /api/cases/:id, POST /api/cases/:id/actions. */
import type { FastifyPluginAsync } from 'fastify';
import { CaseActionRequest, CasePutRequest } from '../../src/contracts/cases';
import type {
  CaseActionResponse,
  CaseDetail,
  CaseList,
  CaseReceipt,
  CaseSummary,
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
import { ingestCase } from '../cases/ingest';
import { redactForInsurer } from '../cases/insurers';
import { heldAndMissing, receiptFor } from '../cases/receipts';
import type { ReceiptFlag } from '../../src/contracts/cases';
import type { Db } from '../db/database';
import type { CaseRow } from '../db/schema';
import { parseInput } from '../errors';
import { sessionRoute } from './contract-route';

export interface CaseRoutesOptions {
  db: Db;
  blobs: BlobStore;
  auth: Authenticator;
  now: () => Date;
}

async function summaryOf(blobs: BlobStore, row: CaseRow): Promise<CaseSummary> {
  const { missing } = await heldAndMissing(blobs, JSON.parse(row.manifest) as CaseManifest);
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

export const caseRoutes: FastifyPluginAsync<CaseRoutesOptions> = async (
  app,
  { db, blobs, auth, now },
) => {
  // Case bodies with many parties are bigger than the default JSON limit.
  sessionRoute(app, auth, 'cases.put', async (request, _reply, session): Promise<CaseReceipt> => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const body = parseInput(CasePutRequest, request.body, 'body');
    return ingestCase({ db, blobs, now }, session, id, body);
  });

  sessionRoute(app, auth, 'cases.list', async (_request, _reply, session): Promise<CaseList> => {
    const rows = await casesInScope(db, scopeFor(session)).limit(500).execute();
    return { cases: await Promise.all(rows.map((row) => summaryOf(blobs, row))) };
  });

  sessionRoute(app, auth, 'cases.get', async (request, _reply, session): Promise<CaseDetail> => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const scope = scopeFor(session);
    const row = await caseInScopeOr404(db, scope, id);
    const version = await db
      .selectFrom('case_versions')
      .select(['flags', 'received_at'])
      .where('case_id', '=', id)
      .where('version', '=', row.manifest_version)
      .executeTakeFirstOrThrow();
    const problems = await servedCaseProblems(db, id);
    if (problems.length > 0) {
      request.log.error({ caseId: id, problems }, 'serving a case whose stored evidence is broken');
    }
    const manifest = JSON.parse(row.manifest) as CaseManifest;
    let record = JSON.parse(row.body) as CaseRecord;
    if (scope.kind === 'insurer') {
      const insured = await db
        .selectFrom('case_vehicles_insurers')
        .select('vehicle_id')
        .where('case_id', '=', id)
        .where('insurer_id', '=', scope.insurerId)
        .execute();
      record = redactForInsurer(record, new Set(insured.map((r) => r.vehicle_id)));
    }
    return {
      summary: await summaryOf(blobs, row),
      case: record,
      photos: JSON.parse(row.photos) as PhotoMeta[],
      manifest,
      signature: row.signature,
      receipt: await receiptFor(blobs, {
        manifest,
        manifestHash: row.manifest_hash,
        receivedAt: version.received_at,
        flags: JSON.parse(version.flags) as ReceiptFlag[],
      }),
      redacted: scope.kind === 'insurer',
      integrity: problems.length > 0 ? 'broken' : 'intact',
    };
  });

  sessionRoute(
    app,
    auth,
    'cases.action',
    async (request, _reply, session): Promise<CaseActionResponse> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(CaseActionRequest, request.body, 'body');
      await caseInScopeOr404(db, scopeFor(session), id);
      return applyCaseAction(db, session, id, body, now());
    },
  );
};
