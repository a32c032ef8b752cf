/**
 * What the map says when its base map does not show. Offline, the phone has
 * no copy of this area; online, the tile server did not answer (down, blocked,
 * or a wrong address in Settings): saying "offline" then sends the officer
 * looking for a network problem that is not there.
 */
import type { TileStatus } from '../../ui/map/LeafletMap';

export type TileNotice = 'offline-uncached' | 'server-unreachable';

export function tileNotice(status: TileStatus, online: boolean): TileNotice | null {
  if (status !== 'failed') return null;
  return online ? 'server-unreachable' : 'offline-uncached';
}
