/**
 * Small predicates over the facts, shared by the question derivations. They
 * read through tracked proxies, so whatever they touch shows up in
 * `factsUsed`.
 */
import type { ResolvedFacts } from './resolved';
import type { Impact, Place, Vehicle, VehicleAction, VehicleCondition } from './facts.schema';

/** One oriented pair within one impact: `x` is tried in the scenario's first (at-fault) role. */
export interface PairContext {
  readonly facts: ResolvedFacts;
  readonly place: Place;
  readonly impact: Impact;
  readonly x: Vehicle;
  readonly y: Vehicle;
  readonly xId: string;
  readonly yId: string;
}

/**
 * A derived answer: 'yes' / 'no' / a choice value; `undefined` when the facts
 * do not say (the engine may ask); `null` when the roles cannot be this way
 * round (never asked, never relaxed by a modifier).
 */
export type Derived = string | undefined | null;

export const yn = (b: boolean | undefined): Derived =>
  b === undefined ? undefined : b ? 'yes' : 'no';

export const has = (v: Vehicle, c: VehicleCondition): boolean => v.conditions?.includes(c) ?? false;

/** A completed lane change counts as travelling straight in the new lane. */
export function effectiveAction(v: Vehicle): VehicleAction {
  return v.action === 'changing-lanes' && v.laneChange?.completed === true
    ? 'going-straight'
    : v.action;
}

const STATIONARY: readonly VehicleAction[] = [
  'stopped-in-traffic',
  'stopped-broken-down',
  'parked',
  'opening-door',
];
export const isStationary = (v: Vehicle): boolean => STATIONARY.includes(v.action);

export const isStraight = (v: Vehicle): boolean =>
  ['going-straight', 'slowing'].includes(effectiveAction(v));

export const isTurning = (v: Vehicle): boolean =>
  ['turning-left', 'turning-right', 'u-turn'].includes(v.action);

/** Outside its lane or direction: its own listed fault, not "travelling normally". */
export const isOutOfPlace = (v: Vehicle): boolean =>
  has(v, 'wrong-way') || has(v, 'crossed-solid-line') || has(v, 'in-restricted-lane');

/** Travelling (or waiting) normally in its own lane, making no manoeuvre. */
export const isNormalTravel = (v: Vehicle): boolean =>
  ['going-straight', 'slowing', 'stopped-in-traffic', 'circulating-roundabout'].includes(
    effectiveAction(v),
  ) && !isOutOfPlace(v);

export const isJunction = (p: Place): boolean =>
  [
    'signalised-junction',
    'officer-controlled-junction',
    'priority-sign-junction',
    'unmarked-junction',
  ].includes(p.kind);

export const isRed = (v: Vehicle): boolean => v.signal === 'red' || v.signal === 'red-arrow';
export const isGreen = (v: Vehicle): boolean => v.signal === 'green' || v.signal === 'green-arrow';

/**
 * Whether `v` moved past the stop line on the signal facing it: as recorded;
 * otherwise a moving vehicle that met crossing or oncoming traffic was inside
 * the junction; a stationary vehicle, or one in a same-lane or adjacent-lane
 * impact, may never have passed it (unknown).
 */
export function passedStopLine(c: PairContext, v: Vehicle): boolean | undefined {
  if (v.passedStopLine !== undefined) return v.passedStopLine;
  if (isStationary(v)) return undefined;
  const relation = relationOf(c);
  return relation === 'crossing' || relation === 'opposite-directions' ? true : undefined;
}

const HEADING_DEGREES = { N: 0, E: 90, S: 180, W: 270 } as const;

/** Angle of b's heading relative to a's, in degrees 0–359, or undefined. */
function headingDelta(a: Vehicle, b: Vehicle): number | undefined {
  if (a.heading === undefined || b.heading === undefined) return undefined;
  return (HEADING_DEGREES[b.heading] - HEADING_DEGREES[a.heading] + 360) % 360;
}

/** The impact's relation, from the record or from the two headings. */
export function relationOf(c: PairContext): Impact['relation'] {
  if (c.impact.relation !== undefined) return c.impact.relation;
  const d = headingDelta(c.x, c.y);
  if (d === 180) return 'opposite-directions';
  if (d === 90 || d === 270) return 'crossing';
  return undefined;
}

/**
 * On crossing roads: does `b` come from `a`'s right? A vehicle from the right
 * travels at −90° to `a` (a heading N has traffic from the east heading W).
 */
export function comesFromRightOf(a: Vehicle, b: Vehicle): boolean | undefined {
  const d = headingDelta(a, b);
  if (d === undefined) return undefined;
  return d === 270;
}

/**
 * In a same-lane impact, which of the pair was behind: the striking vehicle,
 * unless it moved backwards into the one behind it. A load that fell or swept
 * into the other vehicle, or an open door, is not a rear-end at all ('none').
 */
export function rearOf(c: PairContext): 'x' | 'y' | 'none' | undefined {
  const relation = relationOf(c);
  if (relation === undefined) return undefined;
  if (relation !== 'same-lane') return 'none';
  const xStrikes = c.impact.striking === c.xId;
  const striker = xStrikes ? c.x : c.y;
  if (c.impact.contact === 'load' && striker.load !== undefined) return 'none';
  // Running into a door opened into the lane is a door strike, not a rear-end.
  if (c.impact.contact === 'open-door') return 'none';
  const backwards = striker.action === 'reversing' || striker.action === 'rolling-back';
  return xStrikes !== backwards ? 'x' : 'y';
}

/** 'yes' when x is the rear vehicle of a same-lane impact, null when the roles are the other way. */
export function rearGuard(c: PairContext): Derived {
  const rear = rearOf(c);
  if (rear === undefined) return undefined;
  return rear === 'x' ? 'yes' : rear === 'y' ? null : 'no';
}

/** The front vehicle showed one of the rear-end sub-rule conditions (NOTES §3). */
export function frontHasRearEndCondition(c: PairContext): Derived {
  const f = c.y;
  if (f.action === 'stopped-broken-down') {
    if (f.stopped?.hazardLights === true && f.stopped.warningSign === true) return 'no';
    if (f.stopped?.hazardLights === false || f.stopped?.warningSign === false) return 'yes';
    return undefined;
  }
  if (f.load?.projecting === true && f.load.marked !== true) {
    if (c.impact.contact === 'load') return 'yes';
    if (c.impact.contact === undefined) return undefined; // load or body: not recorded
  }
  if (has(f, 'rear-lights-off')) {
    const light = c.place.light;
    return light === undefined ? undefined : light === 'day' ? 'no' : 'yes';
  }
  return 'no';
}

export type Movement = 'left' | 'straight' | 'right' | 'u-turn';
export function movementOf(v: Vehicle): Movement | undefined {
  const a = effectiveAction(v);
  if (a === 'turning-left') return 'left';
  if (a === 'turning-right') return 'right';
  if (a === 'u-turn') return 'u-turn';
  if (a === 'going-straight' || a === 'slowing') return 'straight';
  return undefined;
}
