/**
 * The tile settings the map uses, read once per screen: the officer's own on
 * this device, else his brigade's tile source from the kept field pack, else
 * the default (src/services/tile-settings.ts).
 */
import { useEffect, useState } from 'react';
import { keptTileSource } from '../sync/field-pack';
import { useServices } from './ServicesContext';
import { loadTileSettings, type TileSettings } from './tile-settings';

/** `round`: read again when it changes (after the officer's own settings were dropped). */
export function useTileSettings(round = 0): [TileSettings | null, (s: TileSettings) => void] {
  const { db, session } = useServices();
  const [read, setRead] = useState<{ round: number; value: TileSettings } | null>(null);
  useEffect(() => {
    let live = true;
    // The brigade's source is a preference: a pack that cannot be read leaves the default.
    const brigade = async () => {
      const active = await session.active();
      return active ? keptTileSource(db, active.user.id).catch(() => undefined) : undefined;
    };
    void loadTileSettings(brigade).then((value) => live && setRead({ round, value }));
    return () => {
      live = false;
    };
  }, [db, session, round]);
  const current = read?.round === round ? read.value : null;
  return [current, (value) => setRead({ round, value })];
}
