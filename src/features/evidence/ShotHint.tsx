/** Drawn hints of where to stand for each kind of shot (decorative: the text says it too). */
import type { ShotHintKind } from '../../domain';

const CAR = (x: number, y: number, fill = '#c9d6e8') => (
  <rect x={x} y={y} width="22" height="40" rx="5" fill={fill} stroke="#34495e" strokeWidth="2" />
);
const CAMERA = (x: number, y: number, rotate = 0) => (
  <g transform={`translate(${x} ${y}) rotate(${rotate})`}>
    <rect x="-9" y="-6" width="18" height="12" rx="2" fill="#0b57d0" />
    <circle r="3.5" fill="#fff" />
    <path
      d="M0 -8 L-10 -26 M0 -8 L10 -26"
      stroke="#0b57d0"
      strokeWidth="1.5"
      strokeDasharray="3 2"
    />
  </g>
);
const LANES = (
  <>
    <line x1="20" y1="0" x2="20" y2="120" stroke="#999" strokeWidth="2" />
    <line x1="60" y1="0" x2="60" y2="120" stroke="#999" strokeWidth="2" strokeDasharray="8 8" />
    <line x1="100" y1="0" x2="100" y2="120" stroke="#999" strokeWidth="2" />
  </>
);

/** The plate drawn on the hint: the vehicle's own, or a sample while none is recorded. */
const SAMPLE_PLATE = '蒙A·12345';

const DRAWINGS: Record<Exclude<ShotHintKind, 'plate'>, React.ReactNode> = {
  'overview-behind': (
    <>
      {LANES}
      {CAR(29, 10)}
      {CAR(29, 52, '#f3c9c9')}
      {CAMERA(40, 110)}
    </>
  ),
  'overview-front': (
    <>
      {LANES}
      {CAR(29, 30)}
      {CAR(29, 72, '#f3c9c9')}
      {CAMERA(40, 12, 180)}
    </>
  ),
  'collision-point': (
    <>
      {CAR(49, 8)}
      {CAR(49, 52, '#f3c9c9')}
      <path d="M52 50 l8 -6 l8 6 l-8 6 z" fill="#e67e22" />
      {CAMERA(100, 50, -90)}
    </>
  ),
  damage: (
    <>
      <rect
        x="30"
        y="20"
        width="60"
        height="60"
        rx="8"
        fill="#c9d6e8"
        stroke="#34495e"
        strokeWidth="2"
      />
      <path d="M70 30 l10 8 l-6 6 l8 8" stroke="#c0392b" strokeWidth="3" fill="none" />
      {CAMERA(90, 100, -35)}
    </>
  ),
  document: (
    <>
      <rect
        x="25"
        y="25"
        width="70"
        height="46"
        rx="4"
        fill="#fdf6e3"
        stroke="#34495e"
        strokeWidth="2"
      />
      <rect x="32" y="33" width="18" height="22" fill="#d5dbe3" />
      <line x1="56" y1="36" x2="88" y2="36" stroke="#7f8c8d" strokeWidth="3" />
      <line x1="56" y1="46" x2="88" y2="46" stroke="#7f8c8d" strokeWidth="3" />
      <line x1="56" y1="56" x2="80" y2="56" stroke="#7f8c8d" strokeWidth="3" />
      {CAMERA(60, 105)}
    </>
  ),
  'object-damage': (
    <>
      <line x1="10" y1="50" x2="110" y2="50" stroke="#7f8c8d" strokeWidth="6" />
      <path d="M55 44 l6 10 l6 -10" stroke="#c0392b" strokeWidth="3" fill="none" />
      {CAMERA(60, 100)}
    </>
  ),
};

const plateDrawing = (plate: string) => (
  <>
    <rect
      x="30"
      y="20"
      width="60"
      height="60"
      rx="8"
      fill="#c9d6e8"
      stroke="#34495e"
      strokeWidth="2"
    />
    <rect x="40" y="62" width="40" height="12" fill="#1f4ea3" />
    <text
      x="60"
      y="71.5"
      fontSize="8"
      fill="#fff"
      textAnchor="middle"
      textLength={plate.length > 8 ? 38 : undefined}
      lengthAdjust="spacingAndGlyphs"
      data-testid="hint-plate"
    >
      {plate}
    </text>
    {CAMERA(60, 110)}
  </>
);

/** `plate`: for a plate shot, the vehicle's plate as printed, drawn on the hint. */
export function ShotHint({ kind, plate }: { kind: ShotHintKind; plate?: string | undefined }) {
  return (
    <svg
      viewBox="0 0 120 120"
      width="72"
      height="72"
      aria-hidden="true"
      focusable="false"
      className="shot-hint"
    >
      {kind === 'plate' ? plateDrawing(plate || SAMPLE_PLATE) : DRAWINGS[kind]}
    </svg>
  );
}
