/** A typed outcome for domain operations that can be refused. */
export type Result<T, R extends string = string> =
  { ok: true; value: T } | { ok: false; reason: R; detail?: string };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const refuse = <R extends string>(reason: R, detail?: string): Result<never, R> =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
