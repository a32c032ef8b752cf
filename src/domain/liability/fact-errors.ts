/**
 * Why facts were refused, one line per problem, each naming the field:
 * `vehicles.0.passdStopLine: unknown key`, `vehicles.1.action: required`,
 * `place.kind: expected one of "road-section"|…`. zod/mini carries no message
 * locale (every issue would read "Invalid input"), so the words are made here
 * from the issue itself. The input's values are never echoed.
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

const pathOf = (path: readonly PropertyKey[]): string =>
  path.length > 0 ? path.map(String).join('.') : '(root)';

const listed = (values: readonly unknown[]): string =>
  values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join('|');

const UNITS: Readonly<Record<string, string>> = { string: 'characters', array: 'items' };

function bound(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const unit = UNITS[issue.origin];
  const words = issue.exact ? 'exactly' : small ? 'at least' : 'at most';
  if (unit === undefined) return `${words} ${String(limit)}`;
  return `${words} ${String(limit)} ${Number(limit) === 1 ? unit.slice(0, -1) : unit}`;
}

/** A discriminated union (the schema version): the discriminator missing, or the values allowed. */
function unionWords(issue: Issue & { code: 'invalid_union' }): string {
  const { discriminator, options } = issue as { discriminator?: unknown; options?: unknown };
  if (typeof discriminator !== 'string' || !Array.isArray(options))
    return 'matches none of the allowed forms';
  const input: unknown = issue.input;
  const given =
    typeof input === 'object' && input !== null
      ? (input as Record<string, unknown>)[discriminator]
      : undefined;
  return given === undefined ? 'required' : `expected one of ${listed(options)}`;
}

/** The words for one issue whose field is present or missing. */
function wordsFor(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${issue.expected}`;
    case 'invalid_value':
      if (issue.input === undefined) return 'required';
      return `expected ${issue.values.length > 1 ? 'one of ' : ''}${listed(issue.values)}`;
    case 'too_small':
    case 'too_big':
      return bound(issue);
    case 'invalid_format':
      return `expected the ${issue.format} format`;
    case 'invalid_union':
      return unionWords(issue);
    case 'custom':
      return issue.message;
    default:
      return issue.message === 'Invalid input' ? 'invalid' : issue.message;
  }
}

/** One line per issue; an unknown key is named in the path, one line per key. */
export function describeFactIssues(issues: readonly Issue[]): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${pathOf([...issue.path, key])}: unknown key`)
      : [`${pathOf(issue.path)}: ${wordsFor(issue)}`],
  );
}
