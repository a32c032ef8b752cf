/**
 * The administrator's brigade settings for insurers, read from the server
 * (never the phone's database): each brigade's call-back target and when its
 * packets go out, changed only through `save`, one change at a time.
 */
import { useCallback, useRef, useState } from 'react';
import type { BrigadeSettings, BrigadeSettingsRequest } from '../contracts/admin';
import { useCall, useLoad, type AdminResult, type Loaded } from './useWebhooks';

export interface BrigadesView {
  brigades: Loaded<readonly BrigadeSettings[]>;
  reload(): void;
  /** A change is on its way: the save buttons wait (a double click sends nothing more). */
  saving: boolean;
  /** Sends the change; the list shows the brigade as the server answered it. */
  save(brigadeId: string, change: BrigadeSettingsRequest): Promise<AdminResult<BrigadeSettings>>;
}

export function useBrigades(): BrigadesView {
  const call = useCall();
  const load = useCallback(async (): Promise<AdminResult<readonly BrigadeSettings[]>> => {
    const r = await call((api, t) => api.listBrigades(t));
    return r.ok ? { ok: true, value: r.value.brigades } : r;
  }, [call]);
  const { value, setValue, reload } = useLoad(load);
  const busy = useRef(false);
  const [saving, setSaving] = useState(false);
  const save = useCallback(
    async (brigadeId: string, change: BrigadeSettingsRequest) => {
      if (busy.current) return { ok: false, failure: 'busy' } as const;
      busy.current = true;
      setSaving(true);
      try {
        const r = await call((api, t) => api.updateBrigade(t, brigadeId, change));
        if (r.ok) {
          setValue((was) =>
            was.status === 'ready'
              ? {
                  status: 'ready',
                  value: was.value.map((b) => (b.id === r.value.id ? r.value : b)),
                }
              : was,
          );
        }
        return r;
      } finally {
        busy.current = false;
        setSaving(false);
      }
    },
    [call, setValue],
  );
  return { brigades: value, reload, saving, save };
}
