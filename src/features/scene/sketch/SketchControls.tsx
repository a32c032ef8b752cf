/**
 * The sketch's controls, each a 44 px target with its own words: the road
 * and its lanes, the vehicle to work on, turning it by 15° (or to a heading),
 * its arrow of travel, and the point of impact (tapped on the drawing, or at
 * the vehicle's front for those who do not tap).
 */
import { useTranslation } from 'react-i18next';
import {
  addSketchArrow,
  MAX_LANES,
  MIN_LANES,
  removeSketchArrow,
  ROAD_TEMPLATES,
  rotateSketchVehicle,
  setSketchImpact,
  setSketchRoad,
  travelArrowOf,
  type CaseRecord,
  type CollisionSketch,
  type RoadTemplate,
} from '../../../domain';
import { sketchWords } from '../../../documents/sketch-words';
import { Button } from '../../../ui/Button';
import type { SketchOp } from '../SketchScreen';

export interface SketchControlsProps {
  c: CaseRecord;
  sketch: CollisionSketch;
  selected: string | undefined;
  onSelect: (vehicleId: string) => void;
  marking: boolean;
  onMarking: (on: boolean) => void;
  apply: (op: SketchOp) => void;
  newId: () => string;
}

const LANES = Array.from({ length: MAX_LANES - MIN_LANES + 1 }, (_, i) => MIN_LANES + i);

function RoadControls({ sketch, apply }: Pick<SketchControlsProps, 'sketch' | 'apply'>) {
  const { t, i18n } = useTranslation();
  const words = sketchWords[i18n.language === 'en' ? 'en' : 'zh'];
  const road = (template: RoadTemplate, lanes: number) =>
    apply((c, at) => setSketchRoad(c, { template, lanes }, at));
  return (
    <>
      <fieldset className="sketch-choices">
        <legend>{t('sketch.road')}</legend>
        {ROAD_TEMPLATES.map((template) => (
          <label key={template} className="sketch-choice">
            <input
              type="radio"
              name="sketch-road"
              checked={sketch.template === template}
              onChange={() => road(template, sketch.lanes)}
            />
            {words.road[template]}
          </label>
        ))}
      </fieldset>
      <label className="sketch-field">
        {t('sketch.lanes')}
        <select
          value={sketch.lanes}
          onChange={(e) => road(sketch.template, Number(e.target.value))}
        >
          {LANES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function VehicleControls(p: SketchControlsProps & { vehicleId: string; label: string }) {
  const { t } = useTranslation();
  const { vehicleId, label, sketch, apply } = p;
  const placed = sketch.vehicles.find((v) => v.vehicleId === vehicleId);
  const arrow = sketch.arrows.find((a) => a.vehicleId === vehicleId);
  const turn = (by: number) => apply((c, at) => rotateSketchVehicle(c, vehicleId, by, at));
  if (!placed) return null;
  return (
    <div className="sketch-buttons">
      <Button onClick={() => turn(-15)} aria-label={t('sketch.rotateLeft', { label })}>
        ⟲ 15°
      </Button>
      <Button onClick={() => turn(15)} aria-label={t('sketch.rotateRight', { label })}>
        ⟳ 15°
      </Button>
      <label className="sketch-field">
        {t('sketch.heading', { label })}
        <input
          type="range"
          min={0}
          max={345}
          step={15}
          value={Math.round(placed.angle / 15) * 15}
          onChange={(e) => turn(Number(e.target.value) - placed.angle)}
        />
      </label>
      {arrow ? (
        <Button onClick={() => apply((c, at) => removeSketchArrow(c, arrow.id, at))}>
          {t('sketch.removeArrow', { label })}
        </Button>
      ) : (
        <Button
          onClick={() => apply((c, at) => addSketchArrow(c, travelArrowOf(placed, p.newId()), at))}
        >
          {t('sketch.addArrow', { label })}
        </Button>
      )}
      <Button
        onClick={() => apply((c, at) => setSketchImpact(c, frontOf(placed), at))}
        data-testid="impact-at-front"
      >
        {t('sketch.impactAtFront', { label })}
      </Button>
    </div>
  );
}

/** The middle of a placed vehicle's front edge. */
function frontOf(v: { x: number; y: number; angle: number }) {
  const r = (v.angle * Math.PI) / 180;
  return { x: v.x + 0.065 * Math.sin(r), y: v.y - 0.065 * Math.cos(r) };
}

export function SketchControls(p: SketchControlsProps) {
  const { t } = useTranslation();
  const placed = p.c.vehicles.filter((v) => p.sketch.vehicles.some((s) => s.vehicleId === v.id));
  const current = placed.find((v) => v.id === p.selected) ?? placed[0];
  return (
    <div className="sketch-controls">
      {placed.length > 0 && (
        <fieldset className="sketch-choices">
          <legend>{t('sketch.choose')}</legend>
          {placed.map((v) => (
            <label key={v.id} className="sketch-choice">
              <input
                type="radio"
                name="sketch-vehicle"
                checked={current?.id === v.id}
                onChange={() => p.onSelect(v.id)}
              />
              {t('sketch.vehicle', { label: v.label })}
            </label>
          ))}
        </fieldset>
      )}
      {current && <VehicleControls {...p} vehicleId={current.id} label={current.label} />}
      <div className="sketch-buttons">
        <Button aria-pressed={p.marking} onClick={() => p.onMarking(!p.marking)}>
          {t('sketch.impactMode')}
        </Button>
        {p.sketch.impact && (
          <Button onClick={() => p.apply((c, at) => setSketchImpact(c, undefined, at))}>
            {t('sketch.clearImpact')}
          </Button>
        )}
      </div>
      <RoadControls sketch={p.sketch} apply={p.apply} />
    </div>
  );
}
