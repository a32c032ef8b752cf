/**
 * axe-core on a component rendered in jsdom: the structural rules (names,
 * labels, roles, lists, ids, headings) of the browser tests' tags. Colour
 * contrast and the page's landmarks are the browser tests' (jsdom neither
 * lays out nor renders the app's frame).
 */
import axe from 'axe-core';
import { AXE_TAGS } from '../e2e/axe';

export async function axeViolationsIn(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: [...AXE_TAGS] },
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
