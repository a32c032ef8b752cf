/**
 * The insurer's calls for the portal's screens: each with the signed-in
 * insurer's token (a 401 ends the session on this phone, as for the
 * reviewer), failures named by what an insurer can do about them — a packet
 * replaced by a later one and a step the packet's state does not allow are
 * told apart, never shown as a code.
 */
import { createPacketApiClient, type ApiFailure, type ApiResult, type PacketApi } from '../api';
import { reviewFailure, withToken, type ReviewFailure } from './review-client';
import type { SessionStore } from '../storage';

export type { PacketActionBodies, PacketActionKind } from '../api';

/** Why an insurer's call failed, as the screens word it. */
export type PacketFailure = ReviewFailure | 'withdrawn' | 'unknown-vehicle';

export type PacketResult<T> = { ok: true; value: T } | { ok: false; failure: PacketFailure };

/** The failure in the insurer's terms. */
export function packetFailure(failure: ApiFailure | { kind: 'signed-out' }): PacketFailure {
  if (failure.kind === 'http') {
    if (failure.status === 409 && failure.code === 'withdrawn') return 'withdrawn';
    if (failure.status === 422 && failure.code === 'unknown_vehicle') return 'unknown-vehicle';
  }
  return reviewFailure(failure);
}

/** The API of the page's own origin (the app and the API share one). */
let shared: PacketApi | undefined;
export function packetApi(): PacketApi {
  return (shared ??= createPacketApiClient({ baseUrl: globalThis.location.origin }));
}

/** Runs `call` with the insurer's token, the failure in the insurer's terms. */
export async function packetCall<T>(
  session: Pick<SessionStore, 'active' | 'reject'>,
  call: (api: PacketApi, token: string) => Promise<ApiResult<T>>,
): Promise<PacketResult<T>> {
  const result = await withToken(session, (t) => call(packetApi(), t));
  return result.ok ? result : { ok: false, failure: packetFailure(result.failure) };
}
