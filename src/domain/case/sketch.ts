/**
 * Operations on the collision sketch (sketch.schema.ts). Pure, like every
 * case operation: the time comes in, a new record comes out, a refusal is a
 * value. The sketch is printed on the determination the parties sign, so it
 * is part of the sealed content (`determinationContent`): once a party has
 * signed or refused, every edit is refused (`sealed`) until an amendment
 * opens the determination again. Positions are kept inside the drawing
 * (clamped to 0 … 1) and headings in [0, 360).
 */
import type { Id, Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import type { CaseRecord } from './case.schema';
import { isOnScene } from './case-state';
import { isSealed } from './determination';
import {
  MAX_LANES,
  MIN_LANES,
  SKETCH_SCHEMA_VERSION,
  type CollisionSketch,
  type PlacedVehicle,
  type RoadTemplate,
  type SketchArrow,
  type SketchPoint,
} from './sketch.schema';

export type SketchRefusal = 'not-editable' | 'sealed' | 'not-found' | 'duplicate-id';
export type SketchResult = Result<CaseRecord, SketchRefusal>;

/** A new sketch: a crossroads with one lane each way and nothing placed. */
export function emptySketch(): CollisionSketch {
  return {
    schemaVersion: SKETCH_SCHEMA_VERSION,
    template: 'crossroads',
    lanes: 1,
    vehicles: [],
    arrows: [],
  };
}

/** A value kept inside the drawing. */
export const clampUnit = (n: number): number => Math.min(1, Math.max(0, n));

/** A heading in [0, 360), rounded to a tenth of a degree. */
export function normaliseAngle(degrees: number): number {
  const a = Math.round((((degrees % 360) + 360) % 360) * 10) / 10;
  return a === 360 ? 0 : a;
}

/** The sketch without a vehicle, its place or its arrows (the vehicle left the case). */
export function withoutVehicle(s: CollisionSketch, vehicleId: Id): CollisionSketch {
  return {
    ...s,
    vehicles: s.vehicles.filter((v) => v.vehicleId !== vehicleId),
    arrows: s.arrows.filter((a) => a.vehicleId !== vehicleId),
  };
}

/** The case's sketch (or a new one), holding only vehicles the case still has. */
export function sketchOf(c: CaseRecord): CollisionSketch {
  const s = c.sketch ?? emptySketch();
  const gone = s.vehicles.filter((p) => !c.vehicles.some((v) => v.id === p.vehicleId));
  return gone.reduce((acc, p) => withoutVehicle(acc, p.vehicleId), s);
}

/** True when the officer may change the sketch now. */
export function canEditSketch(c: CaseRecord): boolean {
  return isOnScene(c.state) && !isSealed(c);
}

function edit(
  c: CaseRecord,
  at: Instant,
  change: (s: CollisionSketch) => Result<CollisionSketch, SketchRefusal>,
): SketchResult {
  if (isSealed(c)) return refuse('sealed');
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  const next = change(sketchOf(c));
  return next.ok ? ok({ ...c, sketch: next.value, updatedAt: at }) : next;
}

/** Where the `n`-th vehicle starts on a crossroads: A from the south, B from the west, … */
const START: readonly Omit<PlacedVehicle, 'vehicleId'>[] = [
  { x: 0.56, y: 0.8, angle: 0 },
  { x: 0.2, y: 0.56, angle: 90 },
  { x: 0.44, y: 0.2, angle: 180 },
  { x: 0.8, y: 0.44, angle: 270 },
];

function startOf(n: number): Omit<PlacedVehicle, 'vehicleId'> {
  const base = START[n % START.length] ?? { x: 0.5, y: 0.5, angle: 0 };
  const shift = Math.floor(n / START.length) * 0.08;
  return { ...base, x: clampUnit(base.x + shift), y: clampUnit(base.y + shift) };
}

/** Chooses the road: its template and lanes each way (kept within 1 … 4). */
export function setSketchRoad(
  c: CaseRecord,
  road: { template: RoadTemplate; lanes: number },
  at: Instant,
): SketchResult {
  const lanes = Math.min(MAX_LANES, Math.max(MIN_LANES, Math.round(road.lanes)));
  return edit(c, at, (s) => ok({ ...s, template: road.template, lanes }));
}

/** Puts every vehicle of the case not yet on the sketch at its starting place. */
export function placeCaseVehicles(c: CaseRecord, at: Instant): SketchResult {
  return edit(c, at, (s) => {
    const missing = c.vehicles.filter((v) => !s.vehicles.some((p) => p.vehicleId === v.id));
    const placed = missing.map((v) => ({ vehicleId: v.id, ...startOf(c.vehicles.indexOf(v)) }));
    return ok({ ...s, vehicles: [...s.vehicles, ...placed] });
  });
}

function changeVehicle(
  c: CaseRecord,
  vehicleId: Id,
  at: Instant,
  f: (p: PlacedVehicle) => PlacedVehicle,
): SketchResult {
  if (!c.vehicles.some((v) => v.id === vehicleId)) return refuse('not-found', vehicleId);
  return edit(c, at, (s) => {
    const n = c.vehicles.findIndex((v) => v.id === vehicleId);
    const current = s.vehicles.find((p) => p.vehicleId === vehicleId) ?? {
      vehicleId,
      ...startOf(n),
    };
    const others = s.vehicles.filter((p) => p.vehicleId !== vehicleId);
    return ok({ ...s, vehicles: [...others, f(current)] });
  });
}

/** Moves (or places) a vehicle; a point outside the drawing is kept at its edge. */
export function moveSketchVehicle(
  c: CaseRecord,
  vehicleId: Id,
  to: { x: number; y: number },
  at: Instant,
): SketchResult {
  return changeVehicle(c, vehicleId, at, (p) => ({ ...p, x: clampUnit(to.x), y: clampUnit(to.y) }));
}

/** Turns a vehicle by `degrees` (clockwise when positive). */
export function rotateSketchVehicle(
  c: CaseRecord,
  vehicleId: Id,
  degrees: number,
  at: Instant,
): SketchResult {
  return changeVehicle(c, vehicleId, at, (p) => ({
    ...p,
    angle: normaliseAngle(p.angle + degrees),
  }));
}

const clampPoint = (p: { x: number; y: number }): SketchPoint => ({
  x: clampUnit(p.x),
  y: clampUnit(p.y),
});

/** Adds an arrow of travel (its id made on the device). */
export function addSketchArrow(c: CaseRecord, arrow: SketchArrow, at: Instant): SketchResult {
  return edit(c, at, (s) => {
    if (s.arrows.some((a) => a.id === arrow.id)) return refuse('duplicate-id', arrow.id);
    const clamped = { ...arrow, from: clampPoint(arrow.from), to: clampPoint(arrow.to) };
    return ok({ ...s, arrows: [...s.arrows, clamped] });
  });
}

/** Removes one arrow. */
export function removeSketchArrow(c: CaseRecord, arrowId: Id, at: Instant): SketchResult {
  return edit(c, at, (s) =>
    s.arrows.some((a) => a.id === arrowId)
      ? ok({ ...s, arrows: s.arrows.filter((a) => a.id !== arrowId) })
      : refuse('not-found', arrowId),
  );
}

/** Marks the point of impact, or clears it (`undefined`). */
export function setSketchImpact(
  c: CaseRecord,
  point: { x: number; y: number } | undefined,
  at: Instant,
): SketchResult {
  return edit(c, at, ({ impact: _old, ...s }) =>
    ok(point ? { ...s, impact: clampPoint(point) } : s),
  );
}

/**
 * The arrow of travel of a placed vehicle: from behind it up to its tail,
 * along its heading.
 */
export function travelArrowOf(p: PlacedVehicle, id: Id): SketchArrow {
  const rad = (p.angle * Math.PI) / 180;
  const [dx, dy] = [Math.sin(rad), -Math.cos(rad)];
  const at = (d: number) => clampPoint({ x: p.x - dx * d, y: p.y - dy * d });
  return { id, vehicleId: p.vehicleId, from: at(0.24), to: at(0.08) };
}

export type Compass = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';
const COMPASS: readonly Compass[] = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];

/** The compass direction of a heading (north up). */
export function compassOf(angle: number): Compass {
  return COMPASS[Math.round(normaliseAngle(angle) / 45) % 8] ?? 'n';
}

/** Where a point lies from the middle of the drawing, or `centre` within a small radius. */
export function sideOf(p: SketchPoint): Compass | 'centre' {
  const [dx, dy] = [p.x - 0.5, p.y - 0.5];
  if (Math.hypot(dx, dy) < 0.12) return 'centre';
  return compassOf((Math.atan2(dx, -dy) * 180) / Math.PI);
}
