/** The admin's read of the audit chain (src/contracts/audit.ts): a page of events, the chain's verdict. */
import { AuditPage, AuditVerification, type AuditQuery } from '../contracts/audit';
import { queryString, request, type HttpConfig } from './http';
import type { ApiResult } from './result';

export interface AuditApi {
  listAudit(token: string, query: AuditQuery): Promise<ApiResult<AuditPage>>;
  verifyAudit(token: string): Promise<ApiResult<AuditVerification>>;
}

export function createAuditApiClient(config: HttpConfig): AuditApi {
  return {
    listAudit: (token, query) =>
      request(config, {
        method: 'GET',
        path: `/api/admin/audit${queryString(query)}`,
        token,
        schema: AuditPage,
      }),
    verifyAudit: (token) =>
      request(config, {
        method: 'GET',
        path: '/api/admin/audit/verification',
        token,
        schema: AuditVerification,
      }),
  };
}
