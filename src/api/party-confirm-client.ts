/**
 * A party's confirmation of the determination (src/contracts/party-confirmations.ts):
 * no session, the determination's hash is the key. The answer is parsed with
 * the route's schema; a refusal carries the server's code
 * (`determination_mismatch`, `case_not_found`, `rate_limited` …).
 */
import { PartyConfirmation, type PartyConfirmRequest } from '../contracts/party-confirmations';
import { request, type HttpConfig } from './http';
import type { ApiResult } from './result';

export function confirmDetermination(
  config: HttpConfig,
  body: PartyConfirmRequest,
): Promise<ApiResult<PartyConfirmation>> {
  return request(config, {
    method: 'POST',
    path: '/api/party-confirmations',
    body,
    schema: PartyConfirmation,
  });
}
