/**
 * Text as records keep it. A JavaScript string may hold a lone UTF-16
 * surrogate, which has no UTF-8 form: `JSON.stringify` writes it as `\ud800`
 * while a UTF-8 encoder (and SQLite) writes U+FFFD, so a hash over one and a
 * stored copy in the other no longer agree. Records therefore hold
 * well-formed text only, and typed text holds no control characters (a line
 * break or tab only where several lines are expected), within a length.
 */
import * as z from 'zod/mini';

/** With the `u` flag a surrogate only matches when it is not half of a pair. */
const LONE_SURROGATE = /\p{Surrogate}/u;
const LONE_SURROGATES = /\p{Surrogate}/gu;
/** C0 and C1 controls and DEL. */
const CONTROL = /\p{Cc}/u;
/** The same, except line feed, carriage return and tab. */
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\n\r\t]/u;

/** True when the string has a UTF-8 form (no lone surrogate). */
export const isWellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

/** The string with every lone surrogate replaced by U+FFFD, as a UTF-8 encoder writes it. */
export const toWellFormed = (s: string): string => s.replace(LONE_SURROGATES, '\uFFFD');

export const TEXT_MESSAGES = {
  illFormed: 'is not well-formed Unicode (it holds a lone UTF-16 surrogate)',
  control: 'must not contain control characters',
  controlButLineBreaks: 'must not contain control characters other than line breaks and tabs',
} as const;

const tooLong = (max: number) => `must be at most ${max} characters`;

/** One line of typed text, at most `max` UTF-16 code units. */
export const line = (max: number) =>
  z.string().check(
    z.maxLength(max, tooLong(max)),
    z.refine(isWellFormed, TEXT_MESSAGES.illFormed),
    z.refine((s) => !CONTROL.test(s), TEXT_MESSAGES.control),
  );

/** Text of several lines (line breaks and tabs allowed), at most `max` UTF-16 code units. */
export const paragraph = (max: number) =>
  z.string().check(
    z.maxLength(max, tooLong(max)),
    z.refine(isWellFormed, TEXT_MESSAGES.illFormed),
    z.refine((s) => !CONTROL_BUT_LINE_BREAKS.test(s), TEXT_MESSAGES.controlButLineBreaks),
  );

/** Limits of the record's text fields, in UTF-16 code units (what `maxlength` counts). */
export const TEXT_LIMITS = {
  /** Plates, VINs, ID and licence numbers, phones, policy numbers, case numbers, slugs. */
  code: 64,
  /** A person's, a company's or a vehicle owner's name. */
  name: 100,
  /** An address, a road, what a fixed object is, an id the liability engine gave. */
  line: 500,
  /** A written reason (override, refusal, escalation), a sentence of the engine, a photo slot. */
  text: 2000,
  /** The officer's notes on a case. */
  notes: 10_000,
} as const;
