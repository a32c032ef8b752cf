/**
 * The officer's escrow key for the phone's vault (encryption at rest,
 * src/contracts/devices.ts): asked for by an enrolled phone of his, online.
 */
import { EscrowKey } from '../contracts/devices';
import { request, type HttpConfig } from './http';
import type { ApiResult } from './result';

export function getEscrowKey(
  config: HttpConfig,
  token: string,
  deviceId: string,
): Promise<ApiResult<EscrowKey>> {
  return request(config, {
    method: 'GET',
    path: `/api/devices/${deviceId}/escrow-key`,
    token,
    schema: EscrowKey,
  });
}
