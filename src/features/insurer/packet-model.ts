/**
 * Where a packet stands and what its call-back clock says, from the list's
 * summary or, for a packet opened alone, from its claim.
 */
import type { ClaimPacket, PacketStatus, PacketSummary } from '../../contracts/packets';

export const STATUSES = [
  'new',
  'acknowledged',
  'assessed',
  'paid',
  'withdrawn',
] as const satisfies readonly PacketStatus[];

/** The call-back clock: minutes left, minutes overdue, or stopped by the acknowledgement. */
export type CallbackClock =
  { kind: 'left'; minutes: number } | { kind: 'overdue'; minutes: number } | { kind: 'stopped' };

/** The clock of a packet not yet acknowledged, at `now` (ms); stopped once acknowledged or done. */
export function callbackClock(
  status: PacketStatus,
  callbackDueAt: string,
  now: number,
  overdue = false,
): CallbackClock {
  if (status !== 'new') return { kind: 'stopped' };
  const ms = Date.parse(callbackDueAt) - now;
  if (ms <= 0 || overdue)
    return { kind: 'overdue', minutes: Math.max(0, Math.floor(-ms / 60_000)) };
  return { kind: 'left', minutes: Math.ceil(ms / 60_000) };
}

/** The packet's status: the list's word when it has one, else read from its claim. */
export function statusOf(packet: ClaimPacket, summary: PacketSummary | undefined): PacketStatus {
  if (summary) return summary.status;
  const { claim } = packet;
  if (claim.supersededAt) return 'withdrawn';
  if (claim.state === 'paid') return 'paid';
  if (claim.state === 'assessed') return 'assessed';
  return 'new';
}

/** The step the insurer may record next (the server checks again). */
export function nextStep(
  status: PacketStatus,
): 'acknowledge' | 'assessment' | 'payout' | undefined {
  if (status === 'new') return 'acknowledge';
  if (status === 'acknowledged') return 'assessment';
  if (status === 'assessed') return 'payout';
  return undefined;
}
