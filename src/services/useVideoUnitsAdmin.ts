/**
 * The admin's read and changes of one brigade's roadside video units and its
 * search radius (from the server, never the phone's database); one change
 * at a time, the list showing each unit as the server answered it.
 */
import { useCallback } from 'react';
import type { BrigadeSettings } from '../contracts/admin';
import type { VideoUnit, VideoUnitChange, VideoUnitInput } from '../contracts/video';
import { useLoad, useOnce, type AdminResult, type Loaded } from './useWebhooks';

export interface VideoUnitsOf {
  brigade: BrigadeSettings;
  units: readonly VideoUnit[];
}

export interface VideoUnitsAdminView {
  loaded: Loaded<VideoUnitsOf>;
  reload(): void;
  saving: boolean;
  add(input: VideoUnitInput): Promise<AdminResult<VideoUnit>>;
  change(unitId: string, change: VideoUnitChange): Promise<AdminResult<VideoUnit>>;
  setRadius(metres: number): Promise<AdminResult<BrigadeSettings>>;
}

const byCode = (units: readonly VideoUnit[]) =>
  [...units].sort((a, b) => a.code.localeCompare(b.code));

export function useVideoUnitsAdmin(brigadeId: string): VideoUnitsAdminView {
  const { call, once, sending } = useOnce();
  const load = useCallback(async (): Promise<AdminResult<VideoUnitsOf>> => {
    const [brigades, units] = await Promise.all([
      call((api, t) => api.listBrigades(t)),
      call((api, t) => api.listVideoUnits(t, brigadeId)),
    ]);
    if (!brigades.ok) return brigades;
    if (!units.ok) return units;
    const brigade = brigades.value.brigades.find((b) => b.id === brigadeId);
    if (!brigade) return { ok: false, failure: 'not-found' };
    return { ok: true, value: { brigade, units: units.value.videoUnits } };
  }, [call, brigadeId]);
  const { value, setValue, reload } = useLoad(load);
  const put = (unit: VideoUnit) =>
    setValue((was) =>
      was.status === 'ready'
        ? {
            status: 'ready',
            value: {
              ...was.value,
              units: byCode([...was.value.units.filter((u) => u.id !== unit.id), unit]),
            },
          }
        : was,
    );
  const add = async (input: VideoUnitInput) => {
    const r = await once((api, t) => api.createVideoUnit(t, brigadeId, input));
    if (r.ok) put(r.value);
    return r;
  };
  const change = async (unitId: string, body: VideoUnitChange) => {
    const r = await once((api, t) => api.updateVideoUnit(t, brigadeId, unitId, body));
    if (r.ok) put(r.value);
    return r;
  };
  const setRadius = async (metres: number) => {
    const r = await once((api, t) => api.updateBrigade(t, brigadeId, { videoRadiusM: metres }));
    if (r.ok)
      setValue((was) =>
        was.status === 'ready'
          ? { status: 'ready', value: { ...was.value, brigade: r.value } }
          : was,
      );
    return r;
  };
  return { loaded: value, reload, saving: sending, add, change, setRadius };
}
