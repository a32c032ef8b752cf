/**
 * The shape every identity validator returns: the normalised value on
 * success, or the field and a stable reason slug on failure. Messages for the
 * reasons live in `messages.ts`, so validators stay free of wording.
 */

/** A text in both languages the app ships. */
export interface BilingualText {
  readonly zh: string;
  readonly en: string;
}

/** The identity fields the validators check. */
export type IdentityField = 'plate' | 'id-number' | 'licence-number' | 'phone' | 'vin';

/**
 * A refused value. `expected` carries what the message should name as
 * expected (a check digit, a plate type), when the reason has one.
 */
export interface FieldFailure<F extends IdentityField, R extends string> {
  readonly ok: false;
  readonly field: F;
  readonly reason: R;
  readonly expected?: string;
}

/** Builds a failure; `expected` is left out when not given. */
export function fail<F extends IdentityField, R extends string>(
  field: F,
  reason: R,
  expected?: string,
): FieldFailure<F, R> {
  return expected === undefined
    ? { ok: false, field, reason }
    : { ok: false, field, reason, expected };
}

/**
 * Full-width ASCII (Ａ１＋－ as typed by Chinese IMEs) to half-width, and the
 * ideographic space to a plain space.
 */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
