/**
 * The calls for a rural station's cases (src/contracts/station.ts): the
 * brigade's cases handed over and waiting for an officer, and an officer's
 * confirmation (or correction) with his determination. Every answer parsed
 * with its route's schema; a refusal carries the server's code.
 */
import {
  HandedOverList,
  StationConfirmation,
  type StationConfirmRequest,
} from '../contracts/station';
import { request, type HttpConfig } from './http';
import type { ApiResult } from './result';

export interface StationApi {
  handovers(token: string): Promise<ApiResult<HandedOverList>>;
  confirm(
    token: string,
    caseId: string,
    body: StationConfirmRequest,
  ): Promise<ApiResult<StationConfirmation>>;
}

export function createStationApiClient(config: HttpConfig): StationApi {
  return {
    handovers: (token) =>
      request(config, {
        method: 'GET',
        path: '/api/station/handovers',
        token,
        schema: HandedOverList,
      }),
    confirm: (token, caseId, body) =>
      request(config, {
        method: 'POST',
        path: `/api/cases/${encodeURIComponent(caseId)}/confirm`,
        token,
        body,
        schema: StationConfirmation,
      }),
  };
}
