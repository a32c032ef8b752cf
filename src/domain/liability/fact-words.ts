/**
 * The liability facts in words (zh-CN and English): what each place kind,
 * vehicle action, heading, signal and condition is called, and every recorded
 * fact as a labelled row — for the officer's liability screens (their
 * messages take the words from here) and for the accident squad reading and
 * correcting the facts. Pure data and functions: no i18n library.
 */
import type { BilingualText } from '../identity/check-result';
import type {
  Heading,
  LiabilityFacts,
  PlaceKind,
  SignalFacing,
  VehicleAction,
  VehicleCondition,
} from './facts.schema';

const w = (zh: string, en: string): BilingualText => ({ zh, en });

export const PLACE_KIND_WORDS: Readonly<Record<PlaceKind, BilingualText>> = {
  'road-section': w('路段', 'Road section'),
  'signalised-junction': w('有信号灯的路口', 'Junction with signals'),
  'officer-controlled-junction': w('民警指挥的路口', 'Junction directed by an officer'),
  'priority-sign-junction': w('有让行标志的路口', 'Junction with give-way signs'),
  'unmarked-junction': w('无信号无标志的路口', 'Junction without signals or signs'),
  roundabout: w('环岛', 'Roundabout'),
  'narrow-road': w('窄路（无中心线）', 'Narrow road (no centre line)'),
  'car-park': w('停车场', 'Car park'),
  expressway: w('高速公路', 'Expressway'),
  'expressway-ramp': w('高速匝道', 'Expressway ramp'),
  'slip-road': w('辅路汇入主路', 'Slip road joining a main road'),
  'lane-reduction': w('车道减少处', 'Lane reduction'),
};

export const ACTION_WORDS: Readonly<Record<VehicleAction, BilingualText>> = {
  'going-straight': w('直行', 'Going straight'),
  slowing: w('减速', 'Slowing down'),
  'stopped-in-traffic': w('排队停车', 'Stopped in traffic'),
  'stopped-broken-down': w('故障停在车道', 'Broken down in lane'),
  parked: w('停放', 'Parked'),
  'opening-door': w('开车门', 'Opening a door'),
  'changing-lanes': w('变更车道', 'Changing lanes'),
  'cutting-in': w('加塞', 'Cutting into a queue'),
  merging: w('汇入', 'Merging'),
  overtaking: w('超车', 'Overtaking'),
  reversing: w('倒车', 'Reversing'),
  'rolling-back': w('溜车', 'Rolling back'),
  'turning-left': w('左转', 'Turning left'),
  'turning-right': w('右转', 'Turning right'),
  'u-turn': w('掉头', 'U-turn'),
  'entering-from-kerb': w('路边起步', 'Pulling away from the kerb'),
  'entering-from-premises': w('从单位/小区驶出', 'Leaving premises'),
  'entering-from-non-motor-lane': w('从非机动车道驶入', 'Entering from the non-motor lane'),
  'entering-roundabout': w('进入环岛', 'Entering the roundabout'),
  'circulating-roundabout': w('在环岛内行驶', 'Circulating in the roundabout'),
};

export const HEADING_WORDS: Readonly<Record<Heading, BilingualText>> = {
  N: w('由南向北', 'Northbound'),
  E: w('由西向东', 'Eastbound'),
  S: w('由北向南', 'Southbound'),
  W: w('由东向西', 'Westbound'),
};

export const SIGNAL_WORDS: Readonly<Record<SignalFacing, BilingualText>> = {
  green: w('绿灯', 'Green light'),
  'green-arrow': w('绿色箭头灯', 'Green arrow'),
  amber: w('黄灯', 'Amber light'),
  red: w('红灯', 'Red light'),
  'red-arrow': w('红色箭头灯', 'Red arrow'),
  'officer-go': w('民警示意通行', 'Officer signalled go'),
  'officer-stop': w('民警示意停止', 'Officer signalled stop'),
  'give-way': w('停车让行/减速让行', 'Stop or give-way sign'),
  priority: w('在优先道路上', 'On the priority road'),
  none: w('无', 'None'),
};

export const CONDITION_WORDS: Readonly<Record<VehicleCondition, BilingualText>> = {
  speeding: w('明显超速', 'Clearly speeding'),
  'wrong-way': w('逆行', 'Against the traffic'),
  'crossed-solid-line': w('越过实线', 'Crossed a solid line'),
  'in-restricted-lane': w('在禁行车道内行驶', 'In a lane it may not use'),
  'rear-lights-off': w('夜间未开尾灯', 'No rear lights at night'),
  'following-too-closely': w('跟车过近', 'Following too closely'),
  'out-of-turn': w('未按交替顺序通行', 'Broke the alternate order'),
  'clearing-junction': w('上一相位尚在驶离路口', 'Still clearing the junction'),
};

/** One language's words of a table, as a feature's messages hold them. */
export function wordsIn<K extends string>(
  table: Readonly<Record<K, BilingualText>>,
  lng: 'zh' | 'en',
): Record<K, string> {
  return Object.fromEntries(
    Object.entries<BilingualText>(table).map(([k, v]) => [k, v[lng]]),
  ) as Record<K, string>;
}

/** Words for the facts' other fields (by the last part of the path). */
const FIELD_WORDS: Readonly<Record<string, BilingualText>> = {
  kind: w('类型', 'kind'),
  action: w('行为', 'action'),
  heading: w('行驶方向', 'heading'),
  signal: w('面对的信号', 'signal facing it'),
  conditions: w('其他违法情形', 'other violations'),
  laneArrows: w('所在车道导向箭头', 'lane arrows'),
  light: w('光线', 'light'),
  centreLine: w('中心线', 'centre line'),
  motorLanesThisWay: w('同向机动车道数', 'motor lanes this way'),
  guideLanesMarked: w('有导向车道', 'guide lanes marked'),
  feature: w('路段特征', 'road feature'),
  uTurnProhibited: w('禁止掉头', 'U-turn prohibited'),
  leftTurnProhibited: w('禁止左转', 'left turn prohibited'),
  rightTurnOnRedProhibited: w('红灯禁止右转', 'no right turn on red'),
  queueing: w('车辆排队或缓行', 'traffic queueing'),
  narrowMeeting: w('窄路会车情形', 'narrow-road meeting'),
  striking: w('撞击方', 'striking'),
  struck: w('被撞方', 'struck'),
  relation: w('相对关系', 'relation'),
  contact: w('接触部位', 'contact'),
  pushedBy: w('被推撞自', 'pushed by'),
  sequenceDisputed: w('碰撞顺序有争议', 'sequence disputed'),
  allClear: w('分流排除项均已确认', 'triage exclusions all clear'),
  leftLaneYieldsToRight: w('本地规则：左侧让右侧', 'local rule: left yields to right'),
  noFaultConfirmed: w('经调查各方均无过错', 'no fault confirmed'),
  ref: w('编号', 'reference'),
};

/** Words for the values of the smaller enums (the larger ones have their tables above). */
const VALUE_WORDS: Readonly<Record<string, BilingualText>> = {
  true: w('是', 'yes'),
  false: w('否', 'no'),
  yes: w('是', 'yes'),
  no: w('否', 'no'),
  day: w('白天', 'day'),
  night: w('夜间', 'night'),
  'low-visibility': w('能见度低', 'low visibility'),
  dashed: w('虚线', 'dashed'),
  solid: w('实线', 'solid'),
  divider: w('隔离设施', 'divider'),
  'same-lane': w('同一车道', 'same lane'),
  'adjacent-lanes': w('相邻车道', 'adjacent lanes'),
  'opposite-directions': w('相对方向', 'opposite directions'),
  crossing: w('交叉方向', 'crossing'),
  body: w('车身', 'body'),
  'open-door': w('打开的车门', 'open door'),
  load: w('装载物', 'load'),
  motor: w('机动车', 'motor vehicle'),
  'non-motor': w('非机动车', 'non-motor vehicle'),
  pedestrian: w('行人', 'pedestrian'),
  left: w('左', 'left'),
  right: w('右', 'right'),
  straight: w('直行', 'straight'),
};

const lookup = (table: Readonly<Record<string, BilingualText>>, key: string) =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** The words of one fact value at `field` (the last part of its path), or the value itself. */
export function factValueWords(field: string, value: unknown): BilingualText {
  if (Array.isArray(value)) {
    const each = value.map((v) => factValueWords(field, v));
    return w(each.map((x) => x.zh).join('、'), each.map((x) => x.en).join(', '));
  }
  const s = String(value);
  const table =
    field === 'kind' && s in PLACE_KIND_WORDS
      ? PLACE_KIND_WORDS
      : field === 'action'
        ? ACTION_WORDS
        : field === 'heading'
          ? HEADING_WORDS
          : field === 'signal'
            ? SIGNAL_WORDS
            : field === 'conditions'
              ? CONDITION_WORDS
              : VALUE_WORDS;
  return lookup(table, s) ?? lookup(VALUE_WORDS, s) ?? w(s, s);
}

export interface FactRow {
  /** The fact's path in the facts, e.g. `vehicles.0.action` (stable, for keys). */
  path: string;
  label: BilingualText;
  value: BilingualText;
}

const join = (a: BilingualText, b: BilingualText): BilingualText =>
  w(`${a.zh} ${b.zh}`, `${a.en} ${b.en}`);

/**
 * Words for a path inside the facts (`vehicles.0.signal` → "车辆 A 面对的信号"),
 * the vehicles named by their id in `facts`; undefined when the path has none.
 */
export function factPathLabel(path: string, facts?: LiabilityFacts): BilingualText | undefined {
  const parts = path.split('.');
  const [head, index] = parts;
  const field = parts.at(-1) ?? '';
  const fieldWords = lookup(FIELD_WORDS, field);
  if (head === 'place') {
    const place = w('事故地点', 'Place');
    return field === 'kind'
      ? w('事故地点类型', 'Kind of place')
      : fieldWords && join(place, fieldWords);
  }
  if (head === 'vehicles') {
    const id = facts?.vehicles[Number(index)]?.id ?? String(Number(index) + 1);
    const vehicle = w(`车辆 ${id}`, `Vehicle ${id}`);
    if (parts.length === 2) return vehicle;
    return join(vehicle, fieldWords ?? w(parts.slice(2).join('.'), parts.slice(2).join('.')));
  }
  if (head === 'impacts') {
    const impact = w(`第 ${Number(index) + 1} 次碰撞`, `Impact ${Number(index) + 1}`);
    return fieldWords ? join(impact, fieldWords) : impact;
  }
  if (head === 'checks' && parts[1] === 'answers')
    return w(`分流核查 ${parts.slice(2).join('.')}`, `Triage check ${parts.slice(2).join('.')}`);
  if (head === 'answers') return w('补充问题的回答', 'Answer to a further question');
  return fieldWords;
}

/** Every recorded fact as a labelled row in words, in the order the officer gave them. */
export function factRows(facts: LiabilityFacts): FactRow[] {
  const rows: FactRow[] = [];
  const add = (path: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const field = path.split('.').at(-1) ?? '';
    rows.push({
      path,
      label: factPathLabel(path, facts) ?? w(path, path),
      value: factValueWords(field, value),
    });
  };
  const walk = (prefix: string, o: object) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'id' || k === 'schemaVersion') continue;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(`${prefix}${k}.`, v);
      else add(`${prefix}${k}`, v);
    }
  };
  walk('place.', facts.place);
  facts.vehicles.forEach((v, i) => walk(`vehicles.${i}.`, v));
  facts.impacts.forEach((imp, i) => walk(`impacts.${i}.`, imp));
  if (facts.checks) walk('checks.', facts.checks);
  facts.answers?.forEach((a, i) => {
    const about = a.vehicleId ? ` (${a.vehicleId})` : '';
    rows.push({
      path: `answers.${i}`,
      label: w(`问题 ${a.questionId}${about}`, `Question ${a.questionId}${about}`),
      value: factValueWords('answer', a.value),
    });
  });
  if (facts.localRules) walk('localRules.', facts.localRules);
  add('noFaultConfirmed', facts.noFaultConfirmed);
  return rows;
}
