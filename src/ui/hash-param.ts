/**
 * An address that opens a screen on one thing (`/cases/:id/evidence#slot=…`):
 * kept apart from the router so the first screen does not carry it.
 */
/** `path#name=value`: an address that opens a screen on one thing (e.g. the evidence screen on a shot). */
export function withHashParam(path: string, name: string, value: string): string {
  return `${path}#${name}=${encodeURIComponent(value)}`;
}

/** The value of `#name=value` in `hash` (e.g. `location.hash`); null when absent or malformed. */
export function hashParam(hash: string, name: string): string | null {
  const prefix = `#${name}=`;
  if (!hash.startsWith(prefix) || hash.length === prefix.length) return null;
  try {
    return decodeURIComponent(hash.slice(prefix.length));
  } catch {
    return null;
  }
}
