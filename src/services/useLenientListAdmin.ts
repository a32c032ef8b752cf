/**
 * The admin's read and save of one brigade's warning-instead-of-a-fine list
 * (首违警告) and its region (from the server, never the phone's database);
 * one save at a time.
 */
import type { AdminApi } from '../api/admin-client';
import type { LenientList, LenientListBody } from '../domain/lenient/lenient-list.schema';
import type { AdminResult, Loaded } from './useWebhooks';
import { useBrigadeDocumentAdmin } from './useBrigadeDocumentAdmin';

export interface LenientListView {
  list: Loaded<LenientList>;
  reload(): void;
  saving: boolean;
  save(body: LenientListBody): Promise<AdminResult<LenientList>>;
}

// Module-level, so the load's identity stays put between renders.
const get = (api: AdminApi, token: string, id: string) => api.getLenientList(token, id);
const set = (api: AdminApi, token: string, id: string, body: LenientListBody) =>
  api.setLenientList(token, id, body);

export function useLenientListAdmin(brigadeId: string): LenientListView {
  const { doc, ...rest } = useBrigadeDocumentAdmin(brigadeId, get, set);
  return { list: doc, ...rest };
}
