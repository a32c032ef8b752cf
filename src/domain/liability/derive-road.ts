/**
 * Answers to the catalog's officer questions for road-section situations
 * (following, reversing, lane changes, overtaking, stationary vehicles, loads),
 * derived from the structured facts for one oriented pair.
 */
import type { Derivation } from './derive';
import type { Derived, PairContext } from './derive-helpers';
import {
  effectiveAction,
  frontHasRearEndCondition,
  has,
  isJunction,
  isNormalTravel,
  isOutOfPlace,
  isStationary,
  isStraight,
  rearGuard,
  relationOf,
  yn,
} from './derive-helpers';

const pair = (derive: (c: PairContext) => Derived): Derivation => ({ scope: 'pair', derive });
const kase = (derive: (c: PairContext) => Derived): Derivation => ({ scope: 'case', derive });

const overtakes = (c: PairContext): boolean =>
  c.x.action === 'overtaking' && c.x.overtaking?.of === c.yId;

/** Guard for the rear-end sub-rules: x must be the rear vehicle of a same-lane impact. */
const asRear = (c: PairContext, then: () => Derived): Derived => {
  const g = rearGuard(c);
  return g === 'yes' ? then() : g;
};

export const roadDerivations: Record<string, Derivation> = {
  // rear-end-same-lane
  same_lane_same_dir: pair(rearGuard),
  front_reversed_or_rolled: pair((c) =>
    yn(c.y.action === 'reversing' || c.y.action === 'rolling-back'),
  ),
  front_just_changed_lane: pair((c) => {
    const a = effectiveAction(c.y);
    if (a === 'cutting-in' || a === 'merging') return 'yes';
    if (a !== 'changing-lanes') return 'no';
    return c.y.laneChange?.completed === false ? 'yes' : undefined;
  }),
  front_stopped_unlit_or_unwarned: pair(frontHasRearEndCondition),
  // rear-end sub-rules
  front_stationary_in_lane: pair((c) => asRear(c, () => yn(c.y.action === 'stopped-broken-down'))),
  hazard_lights_on: pair((c) => yn(c.y.stopped?.hazardLights)),
  warning_sign_placed: pair((c) => yn(c.y.stopped?.warningSign)),
  night_or_low_vis: kase((c) =>
    c.place.light === undefined ? undefined : yn(c.place.light !== 'day'),
  ),
  front_rear_lights_off: pair((c) => yn(has(c.y, 'rear-lights-off'))),
  same_lane_rear_end: pair(rearGuard),
  load_projects: pair((c) => yn(c.y.load?.projecting === true)),
  marking_present: pair((c) => yn(c.y.load?.marked)),
  impact_on_load: pair((c) => {
    const contact = c.impact.contact;
    if (contact === undefined && c.y.load?.projecting === true) return undefined;
    if (contact !== 'load') return 'no';
    if (c.impact.striking !== c.xId) return null;
    return yn(c.y.load !== undefined);
  }),
  // reversing and rolling back
  one_reversing: pair((c) => yn(c.x.action === 'reversing')),
  other_also_reversing: pair((c) => yn(c.y.action === 'reversing')),
  both_reversing: pair((c) => yn(c.x.action === 'reversing' && c.y.action === 'reversing')),
  moved_backwards_uncontrolled: pair((c) => yn(c.x.action === 'rolling-back')),
  rear_vehicle_stationary_or_safe_distance: pair((c) => {
    if (isStationary(c.y)) return 'yes';
    if (has(c.y, 'following-too-closely')) return 'no';
    return undefined;
  }),
  // doors
  door_open_contact: pair((c) => {
    const contact = c.impact.contact;
    if (contact === 'open-door' && c.y.action === 'opening-door' && c.x.action !== 'opening-door')
      return null;
    if (c.x.action !== 'opening-door') return 'no';
    // What made contact is not recorded: ask, never read it as "not the door".
    return contact === undefined ? undefined : yn(contact === 'open-door');
  }),
  passing_vehicle_lawful: pair((c) => yn(!isOutOfPlace(c.y))),
  // lane changes and queues
  one_changed_lane: pair((c) => yn(effectiveAction(c.x) === 'changing-lanes')),
  lane_change_completed: pair((c) => yn(c.x.laneChange?.completed)),
  other_straight_in_own_lane: pair((c) => {
    // Passing within its own side of a multi-lane road is going straight in its lane.
    if (c.y.action === 'overtaking') return yn(c.y.overtaking?.usedOpposingLane === false);
    return yn(['going-straight', 'slowing', 'stopped-in-traffic'].includes(effectiveAction(c.y)));
  }),
  other_also_changing: pair((c) => yn(effectiveAction(c.y) === 'changing-lanes')),
  other_speeding_or_other_fault: pair((c) =>
    yn(has(c.y, 'speeding') || has(c.y, 'in-restricted-lane')),
  ),
  both_changing: pair((c) =>
    yn(effectiveAction(c.x) === 'changing-lanes' && effectiveAction(c.y) === 'changing-lanes'),
  ),
  clear_sequence: pair((c) => {
    const xc = c.x.laneChange?.completed;
    const yc = c.y.laneChange?.completed;
    if (xc === true || yc === true) return 'yes';
    return xc === false && yc === false ? 'no' : undefined;
  }),
  from_opposite_sides: pair((c) => {
    const xs = c.x.laneChange?.fromSide;
    const ys = c.y.laneChange?.fromSide;
    if (xs === undefined || ys === undefined) return undefined;
    return xs === ys ? 'same_side' : 'left_and_right';
  }),
  x_left_lane_yields_rule: kase((c) => yn(c.facts.localRules?.leftLaneYieldsToRight === true)),
  queue_present: kase((c) => yn(c.place.queueing)),
  forced_entry: pair((c) => yn(c.x.action === 'cutting-in')),
  lane_drop: kase((c) => yn(c.place.kind === 'lane-reduction')),
  queue_or_slow: kase((c) => yn(c.place.queueing)),
  order_established: pair((c) => {
    if (has(c.x, 'out-of-turn')) return 'yes';
    if (has(c.y, 'out-of-turn')) return null;
    return ['merging', 'changing-lanes', 'cutting-in'].includes(c.x.action) ? undefined : null;
  }),
  // overtaking
  front_turning: pair((c) => yn(c.y.action === 'turning-left' || c.y.action === 'u-turn')),
  turn_permitted_here: pair((c) => {
    if (c.y.action === 'u-turn')
      return c.place.uTurnProhibited === undefined ? undefined : yn(!c.place.uTurnProhibited);
    if (c.y.action === 'turning-left')
      return c.place.leftTurnProhibited === undefined ? undefined : yn(!c.place.leftTurnProhibited);
    return 'no';
  }),
  rear_overtook: pair((c) => yn(overtakes(c))),
  front_overtaking: pair((c) => yn(c.y.action === 'overtaking')),
  rear_overtaking_it: pair((c) => yn(overtakes(c))),
  used_opposing_lane: pair((c) =>
    c.x.action === 'overtaking' ? yn(c.x.overtaking?.usedOpposingLane) : 'no',
  ),
  oncoming_present: pair((c) =>
    c.x.action === 'overtaking' ? yn(c.x.overtaking?.oncomingTraffic) : 'no',
  ),
  location: pair((c) => {
    if (c.x.action !== 'overtaking') return 'other';
    const f = c.place.feature;
    if (isJunction(c.place) || c.place.kind === 'roundabout') return 'intersection';
    if (f === undefined) return undefined;
    if (f === 'crosswalk') return 'crosswalk';
    if (f === 'railway-crossing') return 'rail';
    return f === 'none' ? 'other' : 'bridge_bend_slope_tunnel';
  }),
  single_lane: kase((c) =>
    c.place.motorLanesThisWay === undefined ? undefined : yn(c.place.motorLanesThisWay === 1),
  ),
  passed_right: pair((c) => yn(overtakes(c) && c.x.overtaking?.side === 'right')),
  // direction and lanes
  against_direction: pair((c) => yn(has(c.x, 'wrong-way') || has(c.x, 'crossed-solid-line'))),
  other_in_proper_lane: pair((c) => yn(!has(c.y, 'wrong-way') && !has(c.y, 'crossed-solid-line'))),
  in_reserved_or_closed: pair((c) => yn(has(c.x, 'in-restricted-lane'))),
  causal: pair((c) => {
    if (isNormalTravel(c.y) || isStationary(c.y)) return 'yes';
    return isStraight(c.y) ? undefined : 'no';
  }),
  // stationary vehicles
  parked_lawful: pair((c) => (c.y.action === 'parked' ? yn(c.y.stopped?.lawful) : 'no')),
  moving_hit_it: pair((c) => yn(c.impact.striking === c.xId && !isStationary(c.x))),
  door_being_opened: pair((c) =>
    yn(c.y.action === 'opening-door' || c.impact.contact === 'open-door'),
  ),
  // loads
  load_caused: pair((c) => {
    if (c.x.load?.fell === true) return 'yes';
    const striking = c.impact.striking === c.xId;
    const contact = c.impact.contact;
    if (contact === undefined && striking && c.x.load?.projecting === true) return undefined;
    return yn(contact === 'load' && striking && c.x.load !== undefined);
  }),
  victim_safe_distance: pair((c) => yn(!has(c.y, 'following-too-closely'))),
  // narrow roads without centre line
  no_centre_line: kase((c) => {
    if (c.place.centreLine !== undefined) return yn(c.place.centreLine === 'none');
    return c.place.kind === 'narrow-road' ? 'yes' : undefined;
  }),
  meeting_type: pair((c) => {
    if (relationOf(c) !== 'opposite-directions') return null;
    const m = c.place.narrowMeeting;
    const p = c.x.meeting?.position;
    if (m === undefined || p === undefined) return undefined;
    const yielding = {
      obstacle: 'obstacle-side',
      'narrow-slope': 'downhill',
      mountain: 'hill-side',
    }[m];
    if (p !== yielding) return null;
    return m === 'narrow-slope' ? 'narrow_slope' : m;
  }),
  exception_applies: pair((c) => yn(c.x.meeting?.alreadyCommitted)),
};
