/**
 * The sketch as shapes: SVG path data (y downwards) for the road, its
 * markings, the vehicles, the arrows and the point of impact, at a given
 * size. The phone's editor draws them in an `<svg>`, the determination PDF
 * with pdf-lib's vector paths, so both show the same drawing.
 */
import type { CollisionSketch, PlacedVehicle, SketchPoint } from './sketch.schema';

/** Half the width of one lane, as a fraction of the drawing. */
const LANE = 0.055;
/** A vehicle's size on the drawing. */
const CAR = { w: 0.07, h: 0.13 };

export interface SketchShapes {
  /** Filled road surface. */
  road: string[];
  /** The centre lines (solid) and lane lines (dashed). */
  markings: { d: string; dashed: boolean }[];
  /** The roundabout's central island, drawn over the road. */
  island?: string;
  vehicles: { vehicleId: string; body: string; nose: string; cx: number; cy: number }[];
  arrows: { shaft: string; head: string }[];
  impact?: { cx: number; cy: number; r: number; cross: string };
}

const n = (v: number) => String(Math.round(v * 100) / 100);
const rect = (x0: number, y0: number, x1: number, y1: number, s: number) =>
  `M${n(x0 * s)} ${n(y0 * s)}H${n(x1 * s)}V${n(y1 * s)}H${n(x0 * s)}Z`;
const circle = (cx: number, cy: number, r: number) =>
  `M${n(cx - r)} ${n(cy)}A${n(r)} ${n(r)} 0 1 0 ${n(cx + r)} ${n(cy)}A${n(r)} ${n(r)} 0 1 0 ${n(cx - r)} ${n(cy)}Z`;

interface Band {
  axis: 'v' | 'h';
  from: number;
  to: number;
}

function bandsOf(template: CollisionSketch['template']): Band[] {
  if (template === 'straight') return [{ axis: 'v', from: 0, to: 1 }];
  const across: Band = { axis: 'h', from: 0, to: 1 };
  if (template === 't-junction') return [across, { axis: 'v', from: 0.5, to: 1 }];
  return [{ axis: 'v', from: 0, to: 1 }, across];
}

/** The stretches of a band's markings: the junction itself is left clear. */
function spans(b: Band, clear: number, crossed: boolean): [number, number][] {
  if (!crossed) return [[b.from, b.to]];
  return (
    [
      [b.from, 0.5 - clear],
      [0.5 + clear, b.to],
    ] satisfies [number, number][]
  ).filter(([a, z]) => z - a > 0.01);
}

function line(b: Band, offset: number, [a, z]: [number, number], s: number): string {
  const c = (0.5 + offset) * s;
  return b.axis === 'v' ? `M${n(c)} ${n(a * s)}V${n(z * s)}` : `M${n(a * s)} ${n(c)}H${n(z * s)}`;
}

function roadOf(
  sketch: CollisionSketch,
  s: number,
): Pick<SketchShapes, 'road' | 'markings' | 'island'> {
  const half = sketch.lanes * LANE;
  const bands = bandsOf(sketch.template);
  const round = sketch.template === 'roundabout';
  const ring = half + 0.12;
  const road = bands.map((b) =>
    b.axis === 'v'
      ? rect(0.5 - half, b.from, 0.5 + half, b.to, s)
      : rect(b.from, 0.5 - half, b.to, 0.5 + half, s),
  );
  if (round) road.push(circle(0.5 * s, 0.5 * s, ring * s));
  const markings = bands.flatMap((b) =>
    spans(b, round ? ring : half, bands.length > 1).flatMap((span) => [
      { d: line(b, 0, span, s), dashed: false },
      ...Array.from({ length: sketch.lanes - 1 }, (_, k) => (k + 1) * 2 * LANE).flatMap((o) => [
        { d: line(b, -o, span, s), dashed: true },
        { d: line(b, o, span, s), dashed: true },
      ]),
    ]),
  );
  return { road, markings, ...(round && { island: circle(0.5 * s, 0.5 * s, 0.1 * s) }) };
}

/** A point turned by `angle` degrees (clockwise) about (cx, cy), all in drawing units. */
function turn(dx: number, dy: number, p: PlacedVehicle, s: number): string {
  const r = (p.angle * Math.PI) / 180;
  const [c, si] = [Math.cos(r), Math.sin(r)];
  return `${n((p.x + dx * c - dy * si) * s)} ${n((p.y + dx * si + dy * c) * s)}`;
}

function vehicleOf(p: PlacedVehicle, s: number): SketchShapes['vehicles'][number] {
  const [w, h] = [CAR.w / 2, CAR.h / 2];
  const body = `M${turn(-w, -h, p, s)}L${turn(w, -h, p, s)}L${turn(w, h, p, s)}L${turn(-w, h, p, s)}Z`;
  // The front is drawn as a triangle, so the heading reads at a glance.
  const nose = `M${turn(-w, -h + 0.03, p, s)}L${turn(0, -h - 0.012, p, s)}L${turn(w, -h + 0.03, p, s)}Z`;
  return { vehicleId: p.vehicleId, body, nose, cx: p.x * s, cy: p.y * s };
}

function arrowOf(from: SketchPoint, to: SketchPoint, s: number): SketchShapes['arrows'][number] {
  const a = Math.atan2(to.y - from.y, to.x - from.x);
  const head = (da: number) =>
    `${n((to.x - 0.035 * Math.cos(a + da)) * s)} ${n((to.y - 0.035 * Math.sin(a + da)) * s)}`;
  return {
    shaft: `M${n(from.x * s)} ${n(from.y * s)}L${n(to.x * s)} ${n(to.y * s)}`,
    head: `M${n(to.x * s)} ${n(to.y * s)}L${head(0.45)}L${head(-0.45)}Z`,
  };
}

/** Every shape of the sketch at `size` (the drawing is a `size` × `size` square). */
export function sketchShapes(sketch: CollisionSketch, size: number): SketchShapes {
  const shapes: SketchShapes = {
    ...roadOf(sketch, size),
    vehicles: sketch.vehicles.map((p) => vehicleOf(p, size)),
    arrows: sketch.arrows.map((a) => arrowOf(a.from, a.to, size)),
  };
  if (!sketch.impact) return shapes;
  const [cx, cy, r] = [sketch.impact.x * size, sketch.impact.y * size, 0.03 * size];
  const cross = `M${n(cx - r)} ${n(cy - r)}L${n(cx + r)} ${n(cy + r)}M${n(cx + r)} ${n(cy - r)}L${n(cx - r)} ${n(cy + r)}`;
  return { ...shapes, impact: { cx, cy, r, cross } };
}
