/**
 * The five-fast table, and the cases behind one of its figures, as CSV for
 * Excel in a Chinese locale: UTF-8 with a byte-order mark, CRLF line ends,
 * every field quoted when it holds a comma, quote or line end. Headers in
 * Chinese, or English; seconds as integers; times in China Standard Time.
 * Each interval's figures end with the brigade's target (minutes) and how
 * many were over it.
 */
import {
  DASHBOARD_INTERVALS,
  type DashboardCase,
  type DashboardCount,
  type DashboardGroupBy,
  type DashboardInterval,
  type FiveFastGroup,
} from '../../src/contracts/dashboard';
import { FIVE_FAST_LABELS } from '../../src/domain/metrics/five-fast';

type Lang = 'zh' | 'en';
type Bilingual = Readonly<Record<Lang, string>>;

const GROUP_HEADER: Readonly<Record<DashboardGroupBy, Bilingual>> = {
  unit: { zh: '单位', en: 'Unit' },
  officer: { zh: '民警', en: 'Officer' },
  insurer: { zh: '保险公司', en: 'Insurer' },
  week: { zh: '周（周一）', en: 'Week (Monday)' },
};

const COUNT_HEADERS: readonly Bilingual[] = [
  { zh: '案件数', en: 'Cases' },
  { zh: '升级', en: 'Escalated' },
  { zh: '退回', en: 'Returned' },
  { zh: '争议', en: 'Disputed' },
  { zh: '首违警告', en: 'Warnings instead of fines' },
];

/** The five fasts' own names (src/domain/metrics), and the insurer's call-back. */
export const INTERVAL_LABEL: Readonly<Record<DashboardInterval, Bilingual>> = {
  ...FIVE_FAST_LABELS,
  callback: { zh: '保险受理', en: 'insurer call-back' },
};

const FIGURE_HEADERS: readonly Bilingual[] = [
  { zh: '件数', en: 'measured' },
  { zh: '中位数（秒）', en: 'median (s)' },
  { zh: 'P90（秒）', en: 'p90 (s)' },
  { zh: '目标（分钟）', en: 'target (min)' },
  { zh: '超出目标件数', en: 'over target' },
];

export const BOM = '\uFEFF';

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function header(groupBy: DashboardGroupBy, lang: Lang): string[] {
  return [
    GROUP_HEADER[groupBy][lang],
    ...COUNT_HEADERS.map((h) => h[lang]),
    ...DASHBOARD_INTERVALS.flatMap((k) =>
      FIGURE_HEADERS.map((h) => `${INTERVAL_LABEL[k][lang]} ${h[lang]}`),
    ),
  ];
}

type Targets = Readonly<Record<DashboardInterval, number>>;

function row(g: FiveFastGroup, targets: Targets): (string | number | null)[] {
  return [
    g.label,
    g.counts.cases,
    g.counts.escalated,
    g.counts.returned,
    g.counts.disputed,
    g.counts.warnings,
    ...DASHBOARD_INTERVALS.flatMap((k) => {
      const f = g.intervals[k];
      return [f.count, f.median, f.p90, targets[k], f.overTarget];
    }),
  ];
}

/** A whole CSV document of these rows, BOM first. */
function csvDocument(rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = rows.map((cells) => cells.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The five-fast table as CSV. */
export function fiveFastCsv(
  groups: readonly FiveFastGroup[],
  groupBy: DashboardGroupBy,
  lang: Lang,
  targets: Targets,
): string {
  return csvDocument([header(groupBy, lang), ...groups.map((g) => row(g, targets))]);
}

const CST_OFFSET_MS = 8 * 3600_000;

/** `2026-11-03 14:05` in China Standard Time. */
export const cstMinute = (iso: string): string =>
  new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The cases behind one figure as CSV: number and arrival (China time), and
 * for an interval its seconds.
 */
export function dashboardCasesCsv(
  items: readonly DashboardCase[],
  figure: DashboardInterval | DashboardCount,
  lang: Lang,
): string {
  const isInterval = (DASHBOARD_INTERVALS as readonly string[]).includes(figure);
  const head = [
    lang === 'zh' ? '案件编号' : 'Case number',
    lang === 'zh' ? '到场时间（北京时间）' : 'Arrived (China time)',
  ];
  if (isInterval) {
    const label = INTERVAL_LABEL[figure as DashboardInterval][lang];
    head.push(lang === 'zh' ? `${label}（秒）` : `${label} (s)`);
  }
  const rows = items.map((c) => {
    const cells: (string | number | null)[] = [c.caseNumber, cstMinute(c.arrivedAt)];
    if (isInterval) cells.push(c.seconds);
    return cells;
  });
  return csvDocument([head, ...rows]);
}
