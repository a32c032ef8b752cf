/**
 * The admin's read and save of one of a brigade's field-pack documents (the
 * courteous script, the warning list), from the server, never the phone's
 * database; one save at a time. The saved document replaces the loaded one.
 */
import { useCallback } from 'react';
import type { AdminApi } from '../api/admin-client';
import type { ApiResult } from '../api';
import { useCall, useLoad, useOnce, type AdminResult, type Loaded } from './useWebhooks';

export interface BrigadeDocumentView<Doc, Body> {
  doc: Loaded<Doc>;
  reload(): void;
  saving: boolean;
  save(body: Body): Promise<AdminResult<Doc>>;
}

export function useBrigadeDocumentAdmin<Doc, Body>(
  brigadeId: string,
  get: (api: AdminApi, token: string, brigadeId: string) => Promise<ApiResult<Doc>>,
  set: (api: AdminApi, token: string, brigadeId: string, body: Body) => Promise<ApiResult<Doc>>,
): BrigadeDocumentView<Doc, Body> {
  const call = useCall();
  const load = useCallback(() => call((api, t) => get(api, t, brigadeId)), [call, get, brigadeId]);
  const { value, setValue, reload } = useLoad(load);
  const { once, sending } = useOnce();
  const save = async (body: Body) => {
    const r = await once((api, t) => set(api, t, brigadeId, body));
    if (r.ok) setValue({ status: 'ready', value: r.value });
    return r;
  };
  return { doc: value, reload, saving: sending, save };
}
