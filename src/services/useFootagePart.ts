/**
 * The roadside video part of a case's screen, composed for `FootagePart`
 * (src/ui/Footage.tsx): the units of the pack near the case's point (nearest
 * first, within the brigade's radius; src/domain/video/footage.ts), the
 * default window around the accident and whether each unit still keeps it,
 * the case's requests, and the request of one unit with its outcome.
 */
import { useState } from 'react';
import type { CaseRecord } from '../domain';
import {
  accidentTimeOf,
  checkFootageWindow,
  defaultWindow,
  nearbyUnits,
} from '../domain/video/footage';
import { DEFAULT_VIDEO_RADIUS_M } from '../contracts/field-pack';
import type { VideoUnit } from '../contracts/video';
import type { FootageOutcome, FootagePartProps, FootageUnits } from '../ui/Footage';
import { useFootage, type FootageView, type VideoPack } from './useFootage';
import { useClock } from '../ui/useClock';

type Window = { from: string; to: string };

/** The units a case's screen lists: none without a point or before the pack came. */
export function footageUnitsFor(
  point: CaseRecord['location']['point'],
  pack: VideoPack,
  window: Window,
  now: string,
): FootageUnits {
  if (!point) return { kind: 'no-point' };
  if (!pack.known) return { kind: 'no-pack' };
  const nearby = nearbyUnits(pack.videoUnits, point, pack.radiusM).map(({ unit, distanceM }) => ({
    unit,
    distanceM,
    retentionPassed: !checkFootageWindow(window, unit.retentionDays, now).ok,
  }));
  return { kind: 'listed', nearby };
}

export function useFootagePart(
  c: CaseRecord,
  pack: VideoPack | undefined,
): { props: Omit<FootagePartProps, 'answer'>; view: FootageView } {
  const now = new Date(useClock()).toISOString();
  const view = useFootage(c.id);
  const [outcome, setOutcome] = useState<FootageOutcome>();
  const window = defaultWindow(accidentTimeOf(c));
  const onRequest = async (unit: VideoUnit) => {
    setOutcome(undefined);
    const r = await view.request({ unitId: unit.id, ...window });
    setOutcome(
      r.ok ? { kind: 'requested', name: unit.name } : { kind: 'failed', failure: r.failure },
    );
  };
  const props = {
    units: pack && footageUnitsFor(c.location.point, pack, window, now),
    radiusM: pack?.radiusM ?? DEFAULT_VIDEO_RADIUS_M,
    window,
    online: view.online,
    list: view.list,
    sending: view.sending,
    outcome,
    onRequest: (unit: VideoUnit) => void onRequest(unit),
    onRetry: view.reload,
  };
  return { props, view };
}
