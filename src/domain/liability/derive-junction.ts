/**
 * Answers to the catalog's officer questions for junctions, signals, priority,
 * turning, merging and the special (escalating) scenarios, derived from the
 * structured facts for one oriented pair.
 */
import type { Derivation } from './derive';
import type { Derived, PairContext } from './derive-helpers';
import {
  comesFromRightOf,
  effectiveAction,
  isGreen,
  isJunction,
  isNormalTravel,
  isRed,
  isStraight,
  isTurning,
  movementOf,
  passedStopLine,
  relationOf,
  yn,
} from './derive-helpers';

const pair = (derive: (c: PairContext) => Derived): Derivation => ({ scope: 'pair', derive });
const kase = (derive: (c: PairContext) => Derived): Derivation => ({ scope: 'case', derive });

const signalised = (c: PairContext): boolean => c.place.kind === 'signalised-junction';

/** A right turn on a circular red where the turn on red is not prohibited. */
const permittedRightOnRed = (c: PairContext, v: PairContext['x']): boolean =>
  v.action === 'turning-right' && v.signal === 'red' && c.place.rightTurnOnRedProhibited !== true;

/** An emergency vehicle on a mission with siren and lights may pass a red signal (第53条). */
const exempt = (v: PairContext['x']): boolean =>
  v.emergency?.onMission === true && v.emergency.sirenAndLights === true;

/**
 * Entered against `stop` (a red, an officer's stop, a give-way line): the
 * signal faced it and it moved past the stop line on it. Facing a red while
 * queueing behind the line is no fault.
 */
const enteredAgainst = (c: PairContext, v: PairContext['x'], stop: boolean): Derived => {
  if (v.signal === undefined) return undefined;
  if (!stop) return 'no';
  const passed = passedStopLine(c, v);
  return passed === undefined ? undefined : yn(passed);
};

/** Entered the junction on red (an exempt emergency vehicle never does). */
const enteredOnRed = (c: PairContext, v: PairContext['x']): Derived =>
  !signalised(c) || exempt(v) ? 'no' : enteredAgainst(c, v, isRed(v));

const redEntry = (c: PairContext, v: PairContext['x']): Derived =>
  permittedRightOnRed(c, v) ? 'no' : enteredOnRed(c, v);

export const junctionDerivations: Record<string, Derivation> = {
  // signals and officers
  entered_on_red: pair((c) => enteredOnRed(c, c.x)),
  right_turn_exception: pair((c) => yn(signalised(c) && permittedRightOnRed(c, c.x))),
  other_also_entered_on_red: pair((c) => redEntry(c, c.y)),
  officer_directing: kase((c) => yn(c.place.kind === 'officer-controlled-junction')),
  one_disobeyed: pair((c) => enteredAgainst(c, c.x, c.x.signal === 'officer-stop')),
  signalised: pair((c) => {
    if (!signalised(c)) return 'no';
    if (c.x.signal === undefined || c.y.signal === undefined) return undefined;
    return yn(isGreen(c.x) && isGreen(c.y));
  }),
  no_turn_arrow: pair((c) => yn(c.x.signal === 'green')),
  other_straight: pair((c) => yn(isStraight(c.y))),
  turner_clearing_previous_phase: pair((c) =>
    yn(c.x.conditions?.includes('clearing-junction') ?? false),
  ),
  turning_right_on_red: pair((c) =>
    yn(signalised(c) && c.x.action === 'turning-right' && c.x.signal === 'red'),
  ),
  other_released: pair((c) => (c.y.signal === undefined ? undefined : yn(isGreen(c.y)))),
  right_turn_on_red_prohibited: pair((c) =>
    yn(c.x.signal === 'red-arrow' || c.place.rightTurnOnRedProhibited === true),
  ),
  guide_lanes_marked: kase((c) => {
    if (c.place.guideLanesMarked !== undefined) return yn(c.place.guideLanesMarked);
    if (!isJunction(c.place)) return 'no';
    return c.x.laneArrows !== undefined || c.y.laneArrows !== undefined ? 'yes' : undefined;
  }),
  movement_mismatch: pair((c) => {
    const arrows = c.x.laneArrows;
    const movement = movementOf(c.x);
    if (movement === undefined) return 'no';
    return arrows === undefined ? undefined : yn(!arrows.includes(movement));
  }),
  // junctions without signals
  no_signal_no_officer: kase((c) =>
    yn(c.place.kind === 'priority-sign-junction' || c.place.kind === 'unmarked-junction'),
  ),
  yield_sign_present: kase((c) => yn(c.place.kind === 'priority-sign-junction')),
  controlled_vehicle_did_not_yield: pair((c) => {
    if (c.x.signal === 'priority') return null;
    if (c.x.signal !== 'give-way') return c.x.signal === undefined ? undefined : 'no';
    if (c.y.signal === undefined) return undefined;
    if (c.y.signal === 'give-way') return 'no';
    // Facing the sign is not failing to yield: a vehicle that stopped at it and
    // stayed behind the line yielded; not recorded, the engine asks.
    return enteredAgainst(c, c.x, true);
  }),
  fully_uncontrolled: kase((c) => yn(c.place.kind === 'unmarked-junction')),
  both_straight: pair((c) => yn(isStraight(c.x) && isStraight(c.y))),
  other_on_right: pair((c) => {
    const relation = relationOf(c);
    if (relation === undefined) return undefined;
    if (relation !== 'crossing') return 'no';
    const fromRight = comesFromRightOf(c.x, c.y);
    return fromRight === undefined ? undefined : fromRight ? 'yes' : null;
  }),
  one_turning_one_straight: pair((c) => yn(isTurning(c.x) && isStraight(c.y))),
  priority_signs_present: kase((c) => yn(c.place.kind === 'priority-sign-junction')),
  x_turner_from_right_on_crossing_road: pair((c) => {
    if (c.place.kind !== 'unmarked-junction' || relationOf(c) !== 'crossing') return 'no';
    return yn(comesFromRightOf(c.y, c.x));
  }),
  opposite_directions: pair((c) => {
    const relation = relationOf(c);
    return relation === undefined ? undefined : yn(relation === 'opposite-directions');
  }),
  right_vs_left: pair((c) => yn(c.x.action === 'turning-right' && c.y.action === 'turning-left')),
  // roundabouts, U-turns, entering and merging
  roundabout: kase((c) => yn(c.place.kind === 'roundabout')),
  one_entering_one_inside: pair((c) =>
    yn(c.x.action === 'entering-roundabout' && c.y.action === 'circulating-roundabout'),
  ),
  u_turn: pair((c) => yn(c.x.action === 'u-turn')),
  u_turn_permitted: kase((c) =>
    c.place.uTurnProhibited === undefined ? undefined : yn(!c.place.uTurnProhibited),
  ),
  prohibited_place: kase((c) => yn(c.place.uTurnProhibited)),
  other_normal: pair((c) => yn(isNormalTravel(c.y))),
  origin: pair((c) => {
    const a = c.x.action;
    if (a === 'entering-from-kerb') return 'kerb_bay';
    if (a === 'entering-from-premises') return 'car_park_or_premises';
    return a === 'entering-from-non-motor-lane' ? 'non_motor_lane' : 'none';
  }),
  merging: pair((c) => yn(c.x.action === 'merging' && c.place.kind !== 'lane-reduction')),
  other_on_main: pair((c) => yn(isNormalTravel(c.y) && effectiveAction(c.y) !== 'merging')),
  // emergency vehicles
  on_mission: pair((c) => (c.y.emergency === undefined ? 'no' : yn(c.y.emergency.onMission))),
  siren_lights: pair((c) => yn(c.y.emergency?.sirenAndLights)),
  ensured_safety: pair((c) => yn(c.y.emergency?.tookCare)),
  // special scenarios (they escalate)
  party_left: pair((c) => yn(c.x.status?.leftScene === true)),
  evidence_intent: pair((c) => yn(c.x.status?.deliberate === true)),
  no_fault_found: kase((c) => yn(c.facts.noFaultConfirmed === true)),
};
