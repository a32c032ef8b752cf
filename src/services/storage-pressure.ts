/**
 * Remembers, for this session, that a write failed for want of space; until a
 * later write succeeds, no new case starts (existing ones stay editable).
 */
import { useEffect, useState } from 'react';
import { roomForNewCase, type RoomVerdict } from '../domain';
import { useServices } from './ServicesContext';

let writeFailedForSpace = false;
const listeners = new Set<() => void>();

export function markWriteFailedForSpace(failed: boolean): void {
  if (writeFailedForSpace === failed) return;
  writeFailedForSpace = failed;
  listeners.forEach((l) => l());
}

/** The verdict for starting a new case, refreshed when a write fails or succeeds. */
export function useRoomForNewCase(): RoomVerdict | undefined {
  const { platform } = useServices();
  const [verdict, setVerdict] = useState<RoomVerdict>();
  useEffect(() => {
    let live = true;
    const check = () =>
      void platform.storage
        .report()
        .catch(() => null)
        .then((report) => live && setVerdict(roomForNewCase(report, writeFailedForSpace)));
    check();
    listeners.add(check);
    return () => {
      live = false;
      listeners.delete(check);
    };
  }, [platform]);
  return verdict;
}
