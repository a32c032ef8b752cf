/** Joins the class names given, leaving out the empty ones: `classNames('notice', tone)`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
