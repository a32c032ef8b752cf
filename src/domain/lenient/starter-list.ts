/**
 * The project's starter list of minor violations eligible for a warning
 * instead of a fine (首违警告) for a driver from outside the region: version
 * 0 of every brigade's list. The brigade's own published list replaces it
 * (the admin's "首违警告清单" screen); a brigade may also exclude violations
 * that caused an accident, which is its decision, not the app's.
 *
 * Fewer items than a brigade's published list, on purpose: each is a rule
 * of 《中华人民共和国道路交通安全法》 (2021) or its 实施条例 (2017) that the
 * project could check, cited as the liability catalog cites it
 * (shared/liability/scenarios.json). `scenarios` names the catalog
 * scenarios whose finding against a driver implies the violation; items
 * without one are recorded by the officer himself.
 * The region is empty: the brigade sets its own plate prefixes and area codes.
 */
import type { LenientBasis, LenientItem, LenientList } from './lenient-list.schema';

const LAW = '中华人民共和国道路交通安全法';
const REG = '中华人民共和国道路交通安全法实施条例';
const law = (article: string): LenientBasis => ({ law: LAW, article });
const reg = (article: string): LenientBasis => ({ law: REG, article });

export const STARTER_LENIENT_ITEMS: readonly LenientItem[] = [
  {
    id: 'following-distance',
    violation: {
      zh: '同车道行驶未与前车保持足以采取紧急制动措施的安全距离',
      en: 'Not keeping a distance from the vehicle ahead in the same lane that allows an emergency stop',
    },
    basis: [law('第43条')],
    scenarios: ['rear-end-same-lane'],
  },
  {
    id: 'lane-change-affecting-traffic',
    violation: {
      zh: '变更车道时影响相关车道内机动车正常行驶',
      en: 'Changing lanes so as to affect vehicles travelling normally in that lane',
    },
    basis: [reg('第44条第2款')],
    scenarios: ['lane-change-affecting-traffic', 'simultaneous-lane-change'],
  },
  {
    id: 'reversing-unsafely',
    violation: {
      zh: '倒车时未察明车后情况、确认安全',
      en: 'Reversing without checking behind and making sure it is safe',
    },
    basis: [reg('第50条')],
    scenarios: ['reversing', 'both-reversing'],
  },
  {
    id: 'door-opening',
    violation: {
      zh: '开关车门妨碍其他车辆和行人通行',
      en: 'Opening or closing a door so as to obstruct other vehicles or pedestrians',
    },
    basis: [reg('第63条第(四)项')],
    scenarios: ['door-opening'],
  },
  {
    id: 'wrong-guide-lane',
    violation: {
      zh: '不按所需行进方向驶入导向车道',
      en: 'Not entering the guide lane for the direction of travel',
    },
    basis: [reg('第51条第(一)项')],
    scenarios: ['wrong-guide-lane'],
  },
  {
    id: 'u-turn-obstructing',
    violation: {
      zh: '掉头时妨碍正常行驶的其他车辆和行人通行',
      en: 'Making a U-turn so as to obstruct other vehicles or pedestrians',
    },
    basis: [reg('第49条第2款')],
    scenarios: ['u-turn-fails-to-yield'],
  },
  {
    id: 'meeting-without-yielding',
    violation: {
      zh: '在没有中心隔离设施或者没有中心线的道路上会车未按规定让行',
      en: 'Not giving way as required when meeting oncoming traffic on a road without a centre line',
    },
    basis: [reg('第48条')],
    scenarios: ['narrow-road-meeting-fails-to-yield'],
  },
  {
    id: 'vehicle-licence-not-carried',
    violation: {
      zh: '驾驶机动车未随车携带机动车行驶证',
      en: 'Driving without the vehicle licence on board',
    },
    basis: [law('第11条第1款')],
    scenarios: [],
  },
  {
    id: 'driving-licence-not-carried',
    violation: {
      zh: '驾驶机动车未随身携带机动车驾驶证',
      en: 'Driving without carrying the driving licence',
    },
    basis: [law('第19条第4款')],
    scenarios: [],
  },
  {
    id: 'inspection-insurance-marks',
    violation: {
      zh: '驾驶机动车未放置检验合格标志、保险标志',
      en: 'Driving without the inspection or insurance mark displayed',
    },
    basis: [law('第11条第1款')],
    scenarios: [],
  },
  {
    id: 'seat-belt',
    violation: {
      zh: '驾驶人未按规定使用安全带',
      en: 'The driver not wearing a seat belt as required',
    },
    basis: [law('第51条')],
    scenarios: [],
  },
];

/** Version 0 of every brigade's list: the starter items, no region set. */
export const STARTER_LENIENT_LIST: LenientList = {
  version: 0,
  updatedAt: null,
  region: { platePrefixes: [], licenceAreaCodes: [] },
  items: [...STARTER_LENIENT_ITEMS],
};
