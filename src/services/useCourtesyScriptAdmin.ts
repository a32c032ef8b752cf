/**
 * The admin's read and save of one brigade's courteous script (from the
 * server, never the phone's database); one save at a time.
 */
import type { AdminApi } from '../api/admin-client';
import type { CourtesyScript, CourtesyScriptText } from '../contracts/field-pack';
import type { AdminResult, Loaded } from './useWebhooks';
import { useBrigadeDocumentAdmin } from './useBrigadeDocumentAdmin';

export interface CourtesyScriptView {
  script: Loaded<CourtesyScript>;
  reload(): void;
  saving: boolean;
  save(text: CourtesyScriptText): Promise<AdminResult<CourtesyScript>>;
}

// Module-level, so the load's identity stays put between renders.
const get = (api: AdminApi, token: string, id: string) => api.getCourtesyScript(token, id);
const set = (api: AdminApi, token: string, id: string, text: CourtesyScriptText) =>
  api.setCourtesyScript(token, id, text);

export function useCourtesyScriptAdmin(brigadeId: string): CourtesyScriptView {
  const { doc, ...rest } = useBrigadeDocumentAdmin(brigadeId, get, set);
  return { script: doc, ...rest };
}
