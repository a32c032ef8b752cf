/**
 * axe-core (the same engine as the browser extension) run inside the page:
 * WCAG 2.0/2.1/2.2 A and AA plus best practices. A violation fails the test
 * with its rule, the elements it found and, for contrast, the colours and
 * ratio measured, so the message alone says what to fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rule tags checked on every screen. */
export const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'best-practice',
] as const;

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
  any: { id: string; data?: unknown }[];
  all: { id: string; data?: unknown }[];
  none: { id: string; data?: unknown }[];
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** The violations axe finds on the page as it is now (every screen state counts). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated, not added as an inline <script>: the app's CSP refuses those.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (tags) => {
      const axe = (
        window as unknown as {
          axe: {
            run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }>;
          };
        }
      ).axe;
      // At the top of the page: scrolled, a button passing under the sticky
      // header counts as obscured (target-size), so where a click left the
      // page scrolled decided the result. The page goes back where it was.
      const { scrollX, scrollY } = window;
      window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
      const result = await axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .finally(() => window.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' }));
      // Plain data only: nodes' `element` references do not cross to Node.
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          failureSummary: n.failureSummary,
          any: n.any.map((c) => ({ id: c.id, data: c.data })),
          all: n.all.map((c) => ({ id: c.id, data: c.data })),
          none: n.none.map((c) => ({ id: c.id, data: c.data })),
        })),
      }));
    },
    AXE_TAGS as unknown as string[],
  );
}

/** One line per element: its selector, and for contrast the colours and ratios. */
function describeNode(node: AxeNode): string {
  const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' ');
  const contrast = [...node.any, ...node.all, ...node.none]
    .map((c) => c.data)
    .find(
      (
        d,
      ): d is {
        fgColor: string;
        bgColor: string;
        contrastRatio: number;
        expectedContrastRatio: string;
      } => typeof d === 'object' && d !== null && 'contrastRatio' in d,
    );
  const figures = contrast
    ? ` — ${contrast.fgColor} on ${contrast.bgColor}: ${contrast.contrastRatio}:1, needs ${contrast.expectedContrastRatio}`
    : '';
  const summary = contrast ? '' : ` — ${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`;
  return `    ${target}${figures}${summary}`;
}

/** Formats violations for a failure message. */
export function formatViolations(screen: string, violations: readonly AxeViolation[]): string {
  return [
    `axe: ${violations.length} violation(s) on ${screen}`,
    ...violations.flatMap((v) => [
      `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
      ...v.nodes.map(describeNode),
    ]),
  ].join('\n');
}

/** Fails, listing every violation, unless axe finds none on the page as it is now. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(formatViolations(screen, violations));
}
