/**
 * Simple drawn pictograms of the manoeuvres, places and directions the
 * liability questions offer. Decorative: the word beside each says the same.
 * 48 × 48 units; the vehicle in question is blue, others grey, movement is an
 * arrow.
 */
import type { JSX, ReactNode } from 'react';
import type { Heading, PlaceKind, VehicleAction } from '../../domain/liability/facts.schema';

const ROAD = '#c9d1d9';
const LINE = '#ffffff';
const ME = '#0b57d0';
const OTHER = '#8c959f';
const MOVE = '#cf222e';

function Car({ x, y, rot = 0, fill = ME }: { x: number; y: number; rot?: number; fill?: string }) {
  return (
    <rect
      x={x - 4}
      y={y - 6.5}
      width={8}
      height={13}
      rx={2}
      fill={fill}
      transform={rot ? `rotate(${rot} ${x} ${y})` : undefined}
    />
  );
}

function Arrow({ d }: { d: string }) {
  return (
    <path
      d={d}
      fill="none"
      stroke={MOVE}
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      markerEnd="url(#kc-arrow)"
    />
  );
}

/** A two-lane road running up the picture, centre line dashed. */
function Road({ lanes = 2 }: { lanes?: number }) {
  const w = lanes * 11;
  const x = 24 - w / 2;
  return (
    <g>
      <rect x={x} y={0} width={w} height={48} fill={ROAD} />
      {Array.from({ length: lanes - 1 }, (_, i) => (
        <line
          key={i}
          x1={x + 11 * (i + 1)}
          x2={x + 11 * (i + 1)}
          y1={0}
          y2={48}
          stroke={LINE}
          strokeWidth={1}
          strokeDasharray="4 3"
        />
      ))}
    </g>
  );
}

function Cross() {
  return (
    <g>
      <rect x={16} y={0} width={16} height={48} fill={ROAD} />
      <rect x={0} y={16} width={48} height={16} fill={ROAD} />
    </g>
  );
}

function Ring() {
  return (
    <g>
      <rect x={18} y={0} width={12} height={48} fill={ROAD} />
      <rect x={0} y={18} width={48} height={12} fill={ROAD} />
      <circle cx={24} cy={24} r={15} fill={ROAD} />
      <circle cx={24} cy={24} r={6} fill="#2da44e" />
    </g>
  );
}

const ACTIONS: Record<VehicleAction, () => JSX.Element> = {
  'going-straight': () => (
    <>
      <Road />
      <Car x={29.5} y={36} />
      <Arrow d="M29.5 27 V8" />
    </>
  ),
  slowing: () => (
    <>
      <Road />
      <Car x={29.5} y={32} />
      <Arrow d="M29.5 23 V15" />
      <path d="M24 42 h11 M24 45 h11" stroke={MOVE} strokeWidth={1.5} />
    </>
  ),
  'stopped-in-traffic': () => (
    <>
      <Road />
      <Car x={29.5} y={12} fill={OTHER} />
      <Car x={29.5} y={32} />
      <path d="M24 22 h11" stroke={MOVE} strokeWidth={2} />
    </>
  ),
  'stopped-broken-down': () => (
    <>
      <Road />
      <Car x={29.5} y={20} />
      <path d="M29.5 32 l5 9 h-10 z" fill="none" stroke={MOVE} strokeWidth={2} />
    </>
  ),
  parked: () => (
    <>
      <Road />
      <rect x={35} y={0} width={7} height={48} fill="#eaeef2" />
      <Car x={38.5} y={24} />
      <text x={6} y={30} fontSize={16} fontWeight={700} fill={ME}>
        P
      </text>
    </>
  ),
  'opening-door': () => (
    <>
      <Road />
      <Car x={29.5} y={24} />
      <path d="M25.5 22 l-7 -4" stroke={MOVE} strokeWidth={2.5} strokeLinecap="round" />
    </>
  ),
  'changing-lanes': () => (
    <>
      <Road />
      <Car x={29.5} y={38} />
      <Arrow d="M29.5 30 C29.5 22 18.5 22 18.5 10" />
    </>
  ),
  'cutting-in': () => (
    <>
      <Road />
      <Car x={18.5} y={10} fill={OTHER} />
      <Car x={18.5} y={40} fill={OTHER} />
      <Car x={29.5} y={34} />
      <Arrow d="M29.5 27 C29.5 22 22 24 19 24" />
    </>
  ),
  merging: () => (
    <>
      <Road />
      <path d="M48 48 L36 20" stroke={ROAD} strokeWidth={10} />
      <Car x={42} y={38} rot={-23} />
      <Arrow d="M39 30 C35 22 30 18 29.5 8" />
    </>
  ),
  overtaking: () => (
    <>
      <Road />
      <Car x={29.5} y={22} fill={OTHER} />
      <Car x={29.5} y={42} />
      <Arrow d="M29.5 34 C18.5 30 18.5 18 27 8" />
    </>
  ),
  reversing: () => (
    <>
      <Road />
      <Car x={29.5} y={16} />
      <Arrow d="M29.5 25 V42" />
    </>
  ),
  'rolling-back': () => (
    <>
      <path d="M0 40 L48 10 L48 48 L0 48 z" fill={ROAD} />
      <Car x={30} y={20} rot={-58} />
      <Arrow d="M22 26 L8 35" />
    </>
  ),
  'turning-left': () => (
    <>
      <Cross />
      <Car x={28} y={40} />
      <Arrow d="M28 32 C28 24 24 20 8 20" />
    </>
  ),
  'turning-right': () => (
    <>
      <Cross />
      <Car x={28} y={40} />
      <Arrow d="M28 32 C28 29 30 28 42 28" />
    </>
  ),
  'u-turn': () => (
    <>
      <Road />
      <Car x={29.5} y={38} />
      <Arrow d="M29.5 30 V16 C29.5 6 18.5 6 18.5 16 V30" />
    </>
  ),
  'entering-from-kerb': () => (
    <>
      <Road />
      <rect x={35} y={0} width={7} height={48} fill="#eaeef2" />
      <Car x={38.5} y={38} />
      <Arrow d="M38.5 30 C38.5 22 30 20 29.5 10" />
    </>
  ),
  'entering-from-premises': () => (
    <>
      <Road />
      <rect x={38} y={14} width={10} height={20} fill="#eaeef2" stroke={OTHER} />
      <Car x={43} y={24} rot={90} />
      <Arrow d="M36 24 C30 24 29.5 18 29.5 8" />
    </>
  ),
  'entering-from-non-motor-lane': () => (
    <>
      <Road />
      <rect x={36} y={0} width={8} height={48} fill="#dde4ea" />
      <line x1={35.5} x2={35.5} y1={0} y2={48} stroke={LINE} strokeWidth={1.5} />
      <Car x={40} y={38} />
      <Arrow d="M40 30 C40 22 30 20 29.5 10" />
    </>
  ),
  'entering-roundabout': () => (
    <>
      <Ring />
      <Car x={27} y={43} />
      <Arrow d="M27 36 C27 32 33 30 36 24" />
    </>
  ),
  'circulating-roundabout': () => (
    <>
      <Ring />
      <Car x={36} y={24} />
      <Arrow d="M35 15 C30 8 18 8 12 15" />
    </>
  ),
};

const PLACES: Record<PlaceKind, () => JSX.Element> = {
  'road-section': () => <Road />,
  'signalised-junction': () => (
    <>
      <Cross />
      <rect x={35} y={2} width={8} height={20} rx={2} fill="#24292f" />
      <circle cx={39} cy={7} r={2.5} fill="#cf222e" />
      <circle cx={39} cy={12} r={2.5} fill="#d4a72c" />
      <circle cx={39} cy={17} r={2.5} fill="#2da44e" />
    </>
  ),
  'officer-controlled-junction': () => (
    <>
      <Cross />
      <circle cx={24} cy={18} r={3.5} fill={ME} />
      <path d="M24 22 V31 M18 24 H30" stroke={ME} strokeWidth={3} strokeLinecap="round" />
    </>
  ),
  'priority-sign-junction': () => (
    <>
      <Cross />
      <path d="M34 4 h12 l-6 11 z" fill="#fff" stroke="#cf222e" strokeWidth={2.5} />
    </>
  ),
  'unmarked-junction': () => <Cross />,
  roundabout: () => <Ring />,
  'narrow-road': () => (
    <>
      <rect x={18} y={0} width={12} height={48} fill={ROAD} />
      <path d="M14 0 V48 M34 0 V48" stroke="#2da44e" strokeWidth={3} />
    </>
  ),
  'car-park': () => (
    <>
      <rect x={4} y={4} width={40} height={40} fill={ROAD} />
      {[12, 22, 32].map((x) => (
        <line key={x} x1={x} x2={x} y1={4} y2={18} stroke={LINE} strokeWidth={1.5} />
      ))}
      <text x={18} y={39} fontSize={16} fontWeight={700} fill={ME}>
        P
      </text>
    </>
  ),
  expressway: () => (
    <>
      <rect x={2} y={0} width={20} height={48} fill={ROAD} />
      <rect x={26} y={0} width={20} height={48} fill={ROAD} />
      <rect x={22} y={0} width={4} height={48} fill="#2da44e" />
      <line x1={36} x2={36} y1={0} y2={48} stroke={LINE} strokeDasharray="4 3" />
      <line x1={12} x2={12} y1={0} y2={48} stroke={LINE} strokeDasharray="4 3" />
    </>
  ),
  'expressway-ramp': () => (
    <>
      <rect x={6} y={0} width={20} height={48} fill={ROAD} />
      <path d="M44 48 C40 30 30 22 26 12" stroke={ROAD} strokeWidth={9} fill="none" />
    </>
  ),
  'slip-road': () => (
    <>
      <rect x={6} y={0} width={18} height={48} fill={ROAD} />
      <rect x={32} y={20} width={8} height={28} fill={ROAD} />
      <path d="M36 22 L24 6" stroke={ROAD} strokeWidth={8} />
    </>
  ),
  'lane-reduction': () => (
    <>
      <path d="M8 48 H40 L40 30 L30 18 V0 H8 z" fill={ROAD} />
      <line x1={19} x2={19} y1={0} y2={48} stroke={LINE} strokeDasharray="4 3" />
    </>
  ),
};

const HEADING_ROTATION: Record<Heading, number> = { N: 0, E: 90, S: 180, W: 270 };

function Frame({ children }: { children: ReactNode }) {
  return (
    <svg
      className="pictogram"
      viewBox="0 0 48 48"
      width={48}
      height={48}
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <marker
          id="kc-arrow"
          viewBox="0 0 10 10"
          refX="5"
          refY="5"
          markerWidth="3.5"
          markerHeight="3.5"
          orient="auto-start-reverse"
        >
          <path d="M0 0 L10 5 L0 10 z" fill={MOVE} />
        </marker>
      </defs>
      {children}
    </svg>
  );
}

export type PictogramProps =
  | { kind: 'action'; value: VehicleAction }
  | { kind: 'place'; value: PlaceKind }
  | { kind: 'heading'; value: Heading };

export function Pictogram(props: PictogramProps) {
  if (props.kind === 'action') return <Frame>{ACTIONS[props.value]()}</Frame>;
  if (props.kind === 'place') return <Frame>{PLACES[props.value]()}</Frame>;
  return (
    <Frame>
      <Cross />
      <g transform={`rotate(${HEADING_ROTATION[props.value]} 24 24)`}>
        <Car x={28} y={40} />
        <Arrow d="M28 32 V10" />
      </g>
    </Frame>
  );
}
