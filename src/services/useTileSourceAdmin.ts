/**
 * The admin's read and save of one brigade's map tile source (from the
 * server, never the phone's database); one save at a time.
 */
import { useCallback } from 'react';
import type { BrigadeTileSource, TileSettings } from '../contracts/tile-source';
import { useCall, useLoad, useOnce, type AdminResult, type Loaded } from './useWebhooks';

export interface TileSourceView {
  source: Loaded<BrigadeTileSource>;
  reload(): void;
  saving: boolean;
  save(source: TileSettings): Promise<AdminResult<BrigadeTileSource>>;
}

export function useTileSourceAdmin(brigadeId: string): TileSourceView {
  const call = useCall();
  const load = useCallback(
    () => call((api, t) => api.getTileSource(t, brigadeId)),
    [call, brigadeId],
  );
  const { value, setValue, reload } = useLoad(load);
  const { once, sending } = useOnce();
  const save = async (source: TileSettings) => {
    const r = await once((api, t) => api.setTileSource(t, brigadeId, source));
    if (r.ok) setValue({ status: 'ready', value: r.value });
    return r;
  };
  return { source: value, reload, saving: sending, save };
}
