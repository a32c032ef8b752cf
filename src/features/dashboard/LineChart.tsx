/**
 * A small line chart drawn as SVG by hand (one kind of chart, a few dozen
 * points: a chart library would cost more than it gives). Weeks along, values
 * up from zero; a missing value breaks its line. Series differ by colour and
 * by dash, never by colour alone. The picture is an image named by `summary`;
 * the numbers themselves are in the table the caller puts beside it.
 */
export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
  /** `series-1`, `series-2`: colour and dash (dashboard.css). */
  look: 'series-1' | 'series-2';
}

export interface LineChartProps {
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** A value in words (the axis). */
  format(value: number): string;
  /** What the chart shows, for a screen reader. */
  summary: string;
}

const W = 320;
const H = 150;
const TOP = 14;
const BOTTOM = 124;
const LEFT = 8;
const RIGHT = 312;

const xOf = (i: number, n: number) =>
  n <= 1 ? (LEFT + RIGHT) / 2 : LEFT + ((RIGHT - LEFT) * i) / (n - 1);

/** The path of each run of consecutive values (`M x y L x y …`). */
function linePath(values: readonly (number | null)[], y: (v: number) => number): string {
  let d = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'}${xOf(i, values.length).toFixed(1)} ${y(v).toFixed(1)} `;
    drawing = true;
  });
  return d.trim();
}

export function LineChart({ labels, series, format, summary }: LineChartProps) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...all) * 1.1;
  const y = (v: number) => BOTTOM - ((BOTTOM - TOP) * v) / max;
  const grid = [0, max / 2, max];
  return (
    <div className="line-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} focusable="false">
        {grid.map((g) => (
          <g key={g} className="chart-grid">
            <line x1={LEFT} x2={RIGHT} y1={y(g)} y2={y(g)} />
            {g > 0 && (
              <text x={LEFT} y={y(g) - 3}>
                {format(g)}
              </text>
            )}
          </g>
        ))}
        {series.map((s) => (
          <g key={s.name} className={`chart-line ${s.look}`}>
            <path d={linePath(s.values, y)} />
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={labels[i]} cx={xOf(i, s.values.length)} cy={y(v)} r={2.5} />
              ),
            )}
          </g>
        ))}
        <g className="chart-axis">
          <text x={LEFT} y={H - 6}>
            {labels[0]}
          </text>
          {labels.length > 1 && (
            <text x={RIGHT} y={H - 6} textAnchor="end">
              {labels.at(-1)}
            </text>
          )}
        </g>
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <svg viewBox="0 0 24 8" className={`chart-line ${s.look}`}>
              <path d="M0 4 L24 4" />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
