/**
 * The sketch as an SVG the officer draws on with a finger: drag a vehicle to
 * move it (pointer events, so touch, pen and mouse alike), tap the drawing to
 * mark the point of impact when asked to. Each vehicle is a button: focus or
 * tap selects it, the arrow keys move it. The shapes are the ones the PDF
 * draws (`sketchShapes`).
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clampUnit, sketchShapes, type CollisionSketch, type SketchPoint } from '../../../domain';

const SIZE = 1000;
/** One arrow-key press moves a vehicle this far (a fortieth of the drawing). */
const STEP = 0.025;
const KEY_MOVES: Record<string, [number, number]> = {
  ArrowUp: [0, -STEP],
  ArrowDown: [0, STEP],
  ArrowLeft: [-STEP, 0],
  ArrowRight: [STEP, 0],
};

export interface SketchCanvasProps {
  sketch: CollisionSketch;
  labelOf: (vehicleId: string) => string;
  /** What a screen reader says of each vehicle (where it is, where it heads). */
  describe: (vehicleId: string) => string;
  selected: string | undefined;
  onSelect: (vehicleId: string) => void;
  onMove: (vehicleId: string, to: SketchPoint) => void;
  /** Set while the officer is marking the point of impact: a tap on the drawing marks it. */
  onImpact: ((at: SketchPoint) => void) | undefined;
  readOnly: boolean;
}

function pointIn(svg: SVGSVGElement | null, e: PointerEvent): SketchPoint | undefined {
  const box = svg?.getBoundingClientRect();
  if (!box || box.width === 0) return undefined;
  return {
    x: clampUnit((e.clientX - box.left) / box.width),
    y: clampUnit((e.clientY - box.top) / box.height),
  };
}

export function SketchCanvas(p: SketchCanvasProps) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ vehicleId: string; at: SketchPoint } | null>(null);
  const shown: CollisionSketch = drag
    ? {
        ...p.sketch,
        vehicles: p.sketch.vehicles.map((v) =>
          v.vehicleId === drag.vehicleId ? { ...v, ...drag.at } : v,
        ),
      }
    : p.sketch;
  const shapes = sketchShapes(shown, SIZE);

  const down = (vehicleId: string) => (e: PointerEvent<SVGGElement>) => {
    p.onSelect(vehicleId);
    if (p.readOnly || p.onImpact) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const at = pointIn(svg.current, e);
    if (at) setDrag({ vehicleId, at });
  };
  const move = (e: PointerEvent) => {
    const at = drag && pointIn(svg.current, e);
    if (drag && at) setDrag({ ...drag, at });
  };
  const up = () => {
    if (drag) p.onMove(drag.vehicleId, drag.at);
    setDrag(null);
  };
  const tap = (e: PointerEvent<SVGSVGElement>) => {
    const at = p.onImpact && pointIn(svg.current, e);
    if (p.onImpact && at) p.onImpact(at);
  };
  const key = (vehicleId: string) => (e: KeyboardEvent) => {
    const by = KEY_MOVES[e.key];
    const v = p.sketch.vehicles.find((x) => x.vehicleId === vehicleId);
    if (!by || !v || p.readOnly) return;
    e.preventDefault();
    p.onMove(vehicleId, { x: clampUnit(v.x + by[0]), y: clampUnit(v.y + by[1]) });
  };

  return (
    <svg
      ref={svg}
      className={p.onImpact ? 'sketch-canvas marking' : 'sketch-canvas'}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="group"
      aria-label={t('sketch.drawing')}
      data-testid="sketch-canvas"
      onPointerDown={tap}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={() => setDrag(null)}
    >
      <rect width={SIZE} height={SIZE} className="sketch-ground" />
      {shapes.road.map((d) => (
        <path key={d} d={d} className="sketch-road" />
      ))}
      {shapes.markings.map((m) => (
        <path key={m.d} d={m.d} className={m.dashed ? 'sketch-lane' : 'sketch-centre'} />
      ))}
      {shapes.island && <path d={shapes.island} className="sketch-ground" />}
      {shapes.arrows.map((a) => (
        <g key={a.shaft} className="sketch-arrow" aria-hidden="true">
          <path d={a.shaft} />
          <path d={a.head} />
        </g>
      ))}
      {shapes.vehicles.map((v) => (
        <g
          key={v.vehicleId}
          role="button"
          tabIndex={0}
          aria-pressed={p.selected === v.vehicleId}
          aria-label={t('sketch.vehicleButton', {
            label: p.labelOf(v.vehicleId),
            where: p.describe(v.vehicleId),
          })}
          data-testid={`sketch-vehicle-${p.labelOf(v.vehicleId)}`}
          className={p.selected === v.vehicleId ? 'sketch-vehicle selected' : 'sketch-vehicle'}
          onPointerDown={down(v.vehicleId)}
          onFocus={() => p.onSelect(v.vehicleId)}
          onKeyDown={key(v.vehicleId)}
        >
          {/* A target of at least 44 px at 360 px wide: the circle is the finger's. */}
          <circle cx={v.cx} cy={v.cy} r={80} className="sketch-hit" />
          <path d={v.body} className="sketch-body" />
          <path d={v.nose} className="sketch-nose" />
          <text x={v.cx} y={v.cy} dy="0.35em" textAnchor="middle" className="sketch-label">
            {p.labelOf(v.vehicleId)}
          </text>
        </g>
      ))}
      {shapes.impact && (
        <path d={shapes.impact.cross} className="sketch-impact" data-testid="sketch-impact" />
      )}
    </svg>
  );
}
