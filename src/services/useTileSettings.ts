/** The tile settings stored on the device, read once per screen. */
import { useEffect, useState } from 'react';
import { loadTileSettings, type TileSettings } from './tile-settings';

export function useTileSettings(): [TileSettings | null, (s: TileSettings) => void] {
  const [settings, setSettings] = useState<TileSettings | null>(null);
  useEffect(() => {
    let live = true;
    void loadTileSettings().then((s) => live && setSettings(s));
    return () => {
      live = false;
    };
  }, []);
  return [settings, setSettings];
}
