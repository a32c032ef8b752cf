/**
 * Kuaichu's own versioned copy of the 18 escalation rules, parsed once at
 * load. Bump {@link TRIAGE_RULES_VERSION} whenever `escalation-rules.json`
 * changes: every triage record stores the version it was answered under.
 */
import raw from './escalation-rules.json';
import { parseTriageRules, type TriageCatalog } from './triage-rules.schema';

/** The version of `escalation-rules.json` bundled with this build. */
export const TRIAGE_RULES_VERSION = 'escalation-rules/2026.2';

/**
 * Rules whose question was worded the other way round (yes = the safe
 * answer) in an earlier catalogue version; records answered under that
 * version are read with these answers negated (`upgradeTriageRecord`).
 * 2026.1 asked whether the good thing was so (valid licence, valid plates,
 * vehicles movable, everyone present, inspection and insurance, facts
 * agreed, motor vehicles only) and fired on "no".
 */
export const TRIAGE_INVERTED_BEFORE: Readonly<Record<string, readonly string[]>> = {
  'escalation-rules/2026.1': [
    'E05-no-valid-licence',
    'E07-no-or-false-plates',
    'E08-vehicle-cannot-be-moved',
    'E09-party-left-scene',
    'E11-no-inspection-or-insurance-mark',
    'E14-facts-or-cause-disputed',
    'E18-non-motor-vehicle-or-pedestrian',
  ],
};

/**
 * The answer that fires each rule. Every question asks whether the risky
 * thing is so, so "是" (yes) is always the answer that fires: the officer
 * never has to work out which way round a question is.
 */
export const TRIAGE_FIRES_ON: Readonly<Record<string, boolean>> = {
  'E01-death': true,
  'E02-injury': true,
  'E03-suspected-crime': true,
  'E04-alcohol-or-drugs': true,
  'E05-no-valid-licence': true,
  'E06-school-bus-or-passenger-transport-overload-speeding': true,
  'E07-no-or-false-plates': true,
  'E08-vehicle-cannot-be-moved': true,
  'E09-party-left-scene': true,
  'E10-intentional': true,
  'E11-no-inspection-or-insurance-mark': true,
  'E12-public-facility-or-building-damage': true,
  'E13-dangerous-goods': true,
  'E14-facts-or-cause-disputed': true,
  'E15-scene-destroyed-or-faked': true,
  'E16-assembled-or-scrapped-vehicle': true,
  'E17-diplomatic-immunity': true,
  'E18-non-motor-vehicle-or-pedestrian': true,
};

function load(): TriageCatalog {
  const result = parseTriageRules(raw, TRIAGE_RULES_VERSION, TRIAGE_FIRES_ON);
  // The file ships with the build and is tested: failing here is a build defect.
  if (!result.ok) throw new Error(`escalation-rules.json: ${result.reason} ${result.detail ?? ''}`);
  return result.value;
}

/** The bundled catalogue, validated. */
export const TRIAGE_RULES: TriageCatalog = load();
