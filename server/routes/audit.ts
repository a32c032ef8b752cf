/** /api/admin/audit: the audit chain's events and its verification, for the admin role only. */
import type { FastifyPluginAsync } from 'fastify';
import { AuditQuery } from '../../src/contracts/audit';
import type { AuditPage, AuditVerification } from '../../src/contracts/audit';
import { auditVerification, listAudit } from '../audit/audit-viewer';
import type { Authenticator } from '../auth/authenticate';
import type { Db } from '../db/database';
import { parseInput } from '../errors';
import { sessionRoute } from './contract-route';

export interface AuditRoutesOptions {
  db: Db;
  auth: Authenticator;
}

export const auditRoutes: FastifyPluginAsync<AuditRoutesOptions> = async (app, { db, auth }) => {
  sessionRoute(app, auth, 'admin.audit.list', async (request): Promise<AuditPage> => {
    const query = parseInput(AuditQuery, request.query, 'querystring');
    return listAudit(db, query);
  });
  sessionRoute(app, auth, 'admin.audit.verify', async (): Promise<AuditVerification> =>
    auditVerification(db),
  );
};
