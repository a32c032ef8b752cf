/**
 * The five-fast dashboard's reads (src/contracts/dashboard.ts), for the
 * reviewer and the admin: the figures, the cases behind one, and either as
 * CSV bytes (UTF-8 with BOM, as the server wrote them).
 */
import {
  DashboardCasesPage,
  FiveFastResponse,
  type DashboardCasesQuery,
  type FiveFastQuery,
} from '../contracts/dashboard';
import { getBlob, queryString, request, type HttpConfig } from './http';
import type { ApiResult } from './result';

export type DashboardCsv = 'five-fast' | 'cases';

export interface DashboardApi {
  fiveFast(token: string, query: FiveFastQuery): Promise<ApiResult<FiveFastResponse>>;
  cases(token: string, query: DashboardCasesQuery): Promise<ApiResult<DashboardCasesPage>>;
  csv(
    token: string,
    which: DashboardCsv,
    query: FiveFastQuery | DashboardCasesQuery,
  ): Promise<ApiResult<Blob>>;
}

export function createDashboardApiClient(config: HttpConfig): DashboardApi {
  return {
    fiveFast: (token, query) =>
      request(config, {
        method: 'GET',
        path: `/api/dashboard/five-fast${queryString(query)}`,
        token,
        schema: FiveFastResponse,
      }),
    cases: (token, query) =>
      request(config, {
        method: 'GET',
        path: `/api/dashboard/cases${queryString(query)}`,
        token,
        schema: DashboardCasesPage,
      }),
    csv: (token, which, query) =>
      getBlob(config, {
        path: `/api/dashboard/${which === 'cases' ? 'cases' : 'five-fast'}.csv${queryString(query)}`,
        token,
        accept: 'text/csv',
      }),
  };
}
