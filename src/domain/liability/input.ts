/**
 * Accepts what a caller hands the engine from outside (the CLI, a test, an
 * import): one facts record, a fixture that wraps one under `facts`, or an
 * array of either, and returns one decision per record.
 */
import type { Result } from '../result';
import { ok, refuse } from '../result';
import type { LiabilityCatalog } from './catalog.schema';
import type { LiabilityDecision } from './decision';
import { evaluateLiability } from './evaluate';
import { parseLiabilityFacts } from './facts.schema';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The facts inside a fixture wrapper (`{ facts, expected, … }`), or the value itself. */
function unwrap(value: unknown): { facts: unknown; prefix: string } {
  if (isRecord(value) && 'facts' in value && !('schemaVersion' in value))
    return { facts: value['facts'], prefix: 'facts.' };
  return { facts: value, prefix: '' };
}

function evaluateOne(
  catalog: LiabilityCatalog,
  value: unknown,
  at: string,
): Result<LiabilityDecision, 'invalid-facts'> {
  const { facts, prefix } = unwrap(value);
  const parsed = parseLiabilityFacts(facts);
  if (!parsed.ok) {
    const detail = (parsed.detail ?? '')
      .split('; ')
      .map((d) => `${at}${prefix}${d}`)
      .join('; ');
    return refuse('invalid-facts', detail);
  }
  return ok(evaluateLiability(catalog, parsed.value));
}

/**
 * Evaluates one record or an array of them. The refusal's detail names the
 * field, e.g. `[1].facts.vehicles.0.action: expected one of …`,
 * `[0].vehicles.1.passdStopLine: unknown key`.
 */
export function evaluateLiabilityInput(
  catalog: LiabilityCatalog,
  input: unknown,
): Result<LiabilityDecision | LiabilityDecision[], 'invalid-facts'> {
  if (!Array.isArray(input)) return evaluateOne(catalog, input, '');
  const decisions: LiabilityDecision[] = [];
  for (const [i, item] of input.entries()) {
    const r = evaluateOne(catalog, item, `[${i}].`);
    if (!r.ok) return r;
    decisions.push(r.value);
  }
  return ok(decisions);
}
