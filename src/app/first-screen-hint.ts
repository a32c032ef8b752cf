/**
 * Whether the prerendered first screen (the case list's frame) is this
 * phone's: the role is read from IndexedDB, too late for the boot script
 * (first-screen-boot.js), so each read of the session leaves the answer in
 * localStorage for the next start. A stale answer (the role changed on
 * another tab) costs one start a hidden frame or a glimpse of the officer's.
 */
import { capturesCases } from '../domain/case/station-role';
import { viewerRole } from '../services/role-routes';
import type { SessionState } from '../storage/session';

export const FIRST_SCREEN_HINT_KEY = 'kuaichu.first-screen';

export function noteFirstScreen(
  state: SessionState,
  storage: () => Pick<Storage, 'setItem'> = () => localStorage,
): void {
  try {
    storage().setItem(
      FIRST_SCREEN_HINT_KEY,
      capturesCases(viewerRole(state)) ? 'case-list' : 'other',
    );
  } catch {
    // No storage (private mode): the boot script then hides the frame.
  }
}
