/**
 * The officer's escrow key for the phone's vault (encryption at rest,
 * src/contracts/devices.ts): asked for by an enrolled phone of his, online.
 */
import { EscrowKey, IssuedRecoveryCode } from '../contracts/devices';
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

/**
 * A new supervisor's recovery code for the officer's phone (issue 18), the
 * one it spent offline named so the server marks it used.
 */
export function issueRecoveryCode(
  config: HttpConfig,
  token: string,
  deviceId: string,
  spentCodeId: string | undefined,
): Promise<ApiResult<IssuedRecoveryCode>> {
  return request(config, {
    method: 'POST',
    path: `/api/devices/${deviceId}/recovery-code`,
    token,
    body: spentCodeId ? { spentCodeId } : {},
    schema: IssuedRecoveryCode,
    ok: [201],
  });
}
