/**
 * The admin's read and save of one brigade's courteous script (from the
 * server, never the phone's database); one save at a time.
 */
import { useCallback } from 'react';
import type { CourtesyScript, CourtesyScriptText } from '../contracts/field-pack';
import { useCall, useLoad, useOnce, type AdminResult, type Loaded } from './useWebhooks';

export interface CourtesyScriptView {
  script: Loaded<CourtesyScript>;
  reload(): void;
  saving: boolean;
  save(text: CourtesyScriptText): Promise<AdminResult<CourtesyScript>>;
}

export function useCourtesyScriptAdmin(brigadeId: string): CourtesyScriptView {
  const call = useCall();
  const load = useCallback(
    () => call((api, t) => api.getCourtesyScript(t, brigadeId)),
    [call, brigadeId],
  );
  const { value, setValue, reload } = useLoad(load);
  const { once, sending } = useOnce();
  const save = async (text: CourtesyScriptText) => {
    const r = await once((api, t) => api.setCourtesyScript(t, brigadeId, text));
    if (r.ok) setValue({ status: 'ready', value: r.value });
    return r;
  };
  return { script: value, reload, saving: sending, save };
}
