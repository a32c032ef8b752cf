/**
 * The liability facts' words (zh-CN and English): what each place kind,
 * vehicle action, heading, signal, condition and fixed object is called. The liability
 * messages carry them (`liability.actionKind.turning-left` …); the officer's
 * liability screens and the accident squad's screens both load that bundle,
 * so the words exist once and stay out of the first screen's code. Pure
 * data: no i18n library.
 */
import type { BilingualText } from '../identity/check-result';
import type {
  FixedObjectKind,
  Heading,
  PlaceKindV2,
  SignalFacing,
  VehicleActionV2,
  VehicleCondition,
} from './facts.schema';

const w = (zh: string, en: string): BilingualText => ({ zh, en });

export const PLACE_KIND_WORDS: Readonly<Record<PlaceKindV2, BilingualText>> = {
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
  'unknown-junction': w('路口（不清楚是哪种路口）', 'A junction (its kind cannot be told)'),
};

export const ACTION_WORDS: Readonly<Record<VehicleActionV2, BilingualText>> = {
  unknown: w('不清楚', 'Cannot tell'),
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

export const OBJECT_KIND_WORDS: Readonly<Record<FixedObjectKind, BilingualText>> = {
  guardrail: w('护栏', 'Guardrail'),
  pole: w('杆柱（路灯杆、电线杆等）', 'Pole (lamp post, utility pole)'),
  building: w('建筑物、围墙', 'Building or wall'),
  'road-furniture': w('交通设施（标志牌、隔离墩等）', 'Road furniture (sign, bollard)'),
  'other-property': w('其他财物', 'Other property'),
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

/** The fact words of one language, as the liability messages carry them (`liability.placeKind.…`). */
export function factWordsOf(lng: 'zh' | 'en') {
  return {
    placeKind: wordsIn(PLACE_KIND_WORDS, lng),
    actionKind: wordsIn(ACTION_WORDS, lng),
    headingKind: wordsIn(HEADING_WORDS, lng),
    signalKind: wordsIn(SIGNAL_WORDS, lng),
    conditionKind: wordsIn(CONDITION_WORDS, lng),
    objectKind: wordsIn(OBJECT_KIND_WORDS, lng),
  };
}
