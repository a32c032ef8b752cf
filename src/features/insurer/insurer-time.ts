/** The clock the call-back marks count from, and a failure's message key. */
import type { PacketFailure } from '../../services/packet-client';

export { useClock } from '../../ui/useClock';

/** A failure's words: an address not found is the server's fault, unless a packet is asked for. */
export const failureKey = (f: PacketFailure) =>
  `insurer.failure.${f === 'not-found' ? 'server' : f}`;
