/**
 * Loads the project's own versioned copy of the liability catalog
 * (catalog/*.json, copied from shared/liability) and validates it, so the app
 * never depends on the research folder at run time.
 */
import scenariosJson from './catalog/scenarios.json';
import escalationRulesJson from './catalog/escalation-rules.json';
import overlayJson from './catalog/overlay.json';
import manifestJson from './catalog/manifest.json';
import * as z from 'zod/mini';
import type { Result } from '../result';
import { ok, refuse } from '../result';
import type { EscalationRule, LiabilityCatalog } from './catalog.schema';
import { EscalationRuleSource, Manifest, Overlay, Scenario } from './catalog.schema';

/** The raw files of a catalog, before validation. */
export interface RawCatalog {
  scenarios: unknown;
  escalationRules: unknown;
  overlay: unknown;
  manifest: unknown;
}

const describe = (file: string, error: z.core.$ZodError): string =>
  `${file}: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;

/** Checks the cross-references the schemas cannot: ids that must exist and be unique. */
function crossCheck(catalog: LiabilityCatalog): string[] {
  const problems: string[] = [];
  const scenarioIds = new Set(catalog.scenarios.map((s) => s.id));
  if (scenarioIds.size !== catalog.scenarios.length) problems.push('duplicate scenario id');
  const ruleIds = new Set(catalog.escalationRules.map((r) => r.id));
  const engineIds = new Set(catalog.overlay.engineEscalations.map((e) => e.id));
  for (const m of catalog.overlay.modifiers) {
    const scenario = catalog.scenarios.find((s) => s.id === m.scenarioId);
    if (scenario === undefined) problems.push(`modifier ${m.id}: unknown scenario`);
    for (const q of Object.keys(m.when))
      if (!q.startsWith('x_') && !scenario?.officer_questions.some((oq) => oq.id === q))
        problems.push(`modifier ${m.id}: question ${q} is not in the scenario`);
    if (
      m.effect.kind === 'escalate' &&
      !ruleIds.has(m.effect.ruleId) &&
      !engineIds.has(m.effect.ruleId)
    )
      problems.push(`modifier ${m.id}: unknown rule ${m.effect.ruleId}`);
    if (m.effect.kind === 'swap-to' && !scenarioIds.has(m.effect.scenarioId))
      problems.push(`modifier ${m.id}: unknown scenario ${m.effect.scenarioId}`);
  }
  for (const id of catalog.overlay.conditionFaults)
    if (!scenarioIds.has(id)) problems.push(`conditionFaults: unknown scenario ${id}`);
  for (const s of catalog.scenarios.filter((x) => x.escalate)) {
    const target = catalog.overlay.scenarioEscalations[s.id];
    if (target === undefined || (!ruleIds.has(target) && !engineIds.has(target)))
      problems.push(`scenario ${s.id} escalates but has no known rule in scenarioEscalations`);
  }
  return problems;
}

/** Validates raw catalog files; the refusal's detail names the file and field. */
export function parseLiabilityCatalog(
  raw: RawCatalog,
): Result<LiabilityCatalog, 'invalid-catalog'> {
  const scenarios = z.array(Scenario).safeParse(raw.scenarios);
  if (!scenarios.success)
    return refuse('invalid-catalog', describe('scenarios.json', scenarios.error));
  const rules = z.array(EscalationRuleSource).safeParse(raw.escalationRules);
  if (!rules.success)
    return refuse('invalid-catalog', describe('escalation-rules.json', rules.error));
  const overlay = Overlay.safeParse(raw.overlay);
  if (!overlay.success) return refuse('invalid-catalog', describe('overlay.json', overlay.error));
  const manifest = Manifest.safeParse(raw.manifest);
  if (!manifest.success)
    return refuse('invalid-catalog', describe('manifest.json', manifest.error));
  const escalationRules: EscalationRule[] = [];
  for (const rule of rules.data) {
    const escalateWhen = overlay.data.escalationTriggers[rule.id];
    if (escalateWhen === undefined)
      return refuse('invalid-catalog', `overlay.json: no escalation trigger for ${rule.id}`);
    escalationRules.push({ ...rule, escalateWhen });
  }
  const catalog: LiabilityCatalog = {
    version: manifest.data.catalogVersion,
    scenarios: scenarios.data,
    escalationRules,
    overlay: overlay.data,
  };
  const problems = crossCheck(catalog);
  return problems.length > 0 ? refuse('invalid-catalog', problems.join('; ')) : ok(catalog);
}

/** The raw files bundled with the app. */
export const bundledCatalogFiles: RawCatalog = {
  scenarios: scenariosJson,
  escalationRules: escalationRulesJson,
  overlay: overlayJson,
  manifest: manifestJson,
};

let cached: LiabilityCatalog | undefined;

/**
 * The bundled catalog, validated once. Throws if the bundled data is broken:
 * that is a build defect, caught by catalog.test.ts, never a user error.
 */
export function loadLiabilityCatalog(): LiabilityCatalog {
  if (cached !== undefined) return cached;
  const parsed = parseLiabilityCatalog(bundledCatalogFiles);
  if (!parsed.ok) throw new Error(`liability catalog invalid: ${parsed.detail ?? parsed.reason}`);
  cached = parsed.value;
  return cached;
}
