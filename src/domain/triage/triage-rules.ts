/**
 * Kuaichu's own versioned copy of the 18 escalation rules, parsed once at
 * load. Bump {@link TRIAGE_RULES_VERSION} whenever `escalation-rules.json`
 * changes: every triage record stores the version it was answered under.
 */
import raw from './escalation-rules.json';
import { parseTriageRules, type TriageCatalog } from './triage-rules.schema';

/** The version of `escalation-rules.json` bundled with this build. */
export const TRIAGE_RULES_VERSION = 'escalation-rules/2026.1';

/**
 * The answer that fires each rule. Most questions ask whether the bad thing
 * is so; these ask whether the good thing is so, and fire on "no":
 * E05 valid licence, E07 valid plates, E08 vehicles movable, E09 all parties
 * present, E11 inspection and insurance, E14 facts agreed or settleable on
 * scene, E18 all parties motor vehicles.
 */
export const TRIAGE_FIRES_ON: Readonly<Record<string, boolean>> = {
  'E01-death': true,
  'E02-injury': true,
  'E03-suspected-crime': true,
  'E04-alcohol-or-drugs': true,
  'E05-no-valid-licence': false,
  'E06-school-bus-or-passenger-transport-overload-speeding': true,
  'E07-no-or-false-plates': false,
  'E08-vehicle-cannot-be-moved': false,
  'E09-party-left-scene': false,
  'E10-intentional': true,
  'E11-no-inspection-or-insurance-mark': false,
  'E12-public-facility-or-building-damage': true,
  'E13-dangerous-goods': true,
  'E14-facts-or-cause-disputed': false,
  'E15-scene-destroyed-or-faked': true,
  'E16-assembled-or-scrapped-vehicle': true,
  'E17-diplomatic-immunity': true,
  'E18-non-motor-vehicle-or-pedestrian': false,
};

function load(): TriageCatalog {
  const result = parseTriageRules(raw, TRIAGE_RULES_VERSION, TRIAGE_FIRES_ON);
  // The file ships with the build and is tested: failing here is a build defect.
  if (!result.ok) throw new Error(`escalation-rules.json: ${result.reason} ${result.detail ?? ''}`);
  return result.value;
}

/** The bundled catalogue, validated. */
export const TRIAGE_RULES: TriageCatalog = load();
