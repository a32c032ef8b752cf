/**
 * The sketch in words, in Chinese and English: its road, and where each
 * vehicle is and which way it heads ("A 位于南侧，朝北行驶"). Printed under
 * the drawing on the determination and read by screen readers on the
 * sketch screen, so the two say the same.
 */
import {
  compassOf,
  sideOf,
  type CollisionSketch,
  type Compass,
  type PlacedVehicle,
  type RoadTemplate,
} from '../domain';
import type { DocLang } from './words';

interface SketchWordSet {
  title: string;
  road: Record<RoadTemplate, string>;
  lanes: string;
  side: Record<Compass | 'centre', string>;
  heading: Record<Compass, string>;
  /** Where a vehicle is and where it heads, without its letter (a screen reader's label). */
  where: string;
  vehicle: string;
  impact: string;
  noImpact: string;
  arrows: string;
  legend: string;
}

const zh: SketchWordSet = {
  title: '现场草图',
  road: {
    straight: '直行道路',
    crossroads: '十字路口',
    't-junction': 'T 形路口',
    roundabout: '环形路口',
  },
  lanes: '{{road}}，每向 {{n}} 条车道',
  side: {
    centre: '中央',
    n: '北侧',
    ne: '东北侧',
    e: '东侧',
    se: '东南侧',
    s: '南侧',
    sw: '西南侧',
    w: '西侧',
    nw: '西北侧',
  },
  heading: { n: '北', ne: '东北', e: '东', se: '东南', s: '南', sw: '西南', w: '西', nw: '西北' },
  where: '位于{{side}}，朝{{heading}}行驶',
  vehicle: '{{label}} 位于{{side}}，朝{{heading}}行驶',
  impact: '碰撞点位于{{side}}',
  noImpact: '未标碰撞点',
  arrows: '行驶箭头 {{n}} 个',
  legend: '上为北；箭头为行驶方向，红色 × 为碰撞点',
};

const en: SketchWordSet = {
  title: 'Collision sketch',
  road: {
    straight: 'Straight road',
    crossroads: 'Crossroads',
    't-junction': 'T-junction',
    roundabout: 'Roundabout',
  },
  lanes: '{{road}}, {{n}} lane(s) each way',
  side: {
    centre: 'in the middle',
    n: 'on the north side',
    ne: 'on the north-east side',
    e: 'on the east side',
    se: 'on the south-east side',
    s: 'on the south side',
    sw: 'on the south-west side',
    w: 'on the west side',
    nw: 'on the north-west side',
  },
  heading: {
    n: 'north',
    ne: 'north-east',
    e: 'east',
    se: 'south-east',
    s: 'south',
    sw: 'south-west',
    w: 'west',
    nw: 'north-west',
  },
  where: '{{side}}, heading {{heading}}',
  vehicle: '{{label}} {{side}}, heading {{heading}}',
  impact: 'Point of impact {{side}}',
  noImpact: 'No point of impact marked',
  arrows: '{{n}} arrow(s) of travel',
  legend: 'North is up; arrows show the direction of travel, the red × the point of impact',
};

export const sketchWords: Record<DocLang, SketchWordSet> = { zh, en };

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/** Where a placed vehicle is and where it heads, in words ("位于南侧，朝北行驶"). */
export function whereWords(p: PlacedVehicle, lang: DocLang): string {
  const w = sketchWords[lang];
  return fill(w.where, { side: w.side[sideOf(p)], heading: w.heading[compassOf(p.angle)] });
}

/**
 * The sketch in sentences: the road, each vehicle (by its letter, from
 * `labelOf`) where it is and where it heads, then the point of impact.
 */
export function sketchSentences(
  sketch: CollisionSketch,
  labelOf: (vehicleId: string) => string | undefined,
  lang: DocLang,
): string[] {
  const w = sketchWords[lang];
  const road = fill(w.lanes, { road: w.road[sketch.template], n: String(sketch.lanes) });
  const vehicles = [...sketch.vehicles]
    .map((p) => ({ p, label: labelOf(p.vehicleId) }))
    .filter((x): x is { p: typeof x.p; label: string } => x.label !== undefined)
    .sort((a, b) => a.label.localeCompare(b.label))
    .map(({ p, label }) =>
      fill(w.vehicle, { label, side: w.side[sideOf(p)], heading: w.heading[compassOf(p.angle)] }),
    );
  const impact = sketch.impact
    ? fill(w.impact, { side: w.side[sideOf(sketch.impact)] })
    : w.noImpact;
  return [road, ...vehicles, impact];
}
