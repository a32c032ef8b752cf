/**
 * The triage record a case holds: every answer the officer gave, in the
 * order given, with its time. A revised answer is appended, never written
 * over, so the record shows what was known when.
 */
import * as z from 'zod/mini';
import { Instant } from '../ids';
import { TEXT_LIMITS, line } from '../text';

export const TRIAGE_SCHEMA_VERSION = 1;

/** One answer to one rule's question, as the officer tapped it. */
export const TriageAnswerEvent = z.object({
  ruleId: line(TEXT_LIMITS.line).check(z.minLength(1)),
  /** The answer to the question as worded (yes = true), not "fires". */
  answer: z.boolean(),
  /** Device clock when the answer was given. */
  at: Instant,
});
export type TriageAnswerEvent = z.infer<typeof TriageAnswerEvent>;

export const TriageRecord = z.object({
  schemaVersion: z.literal(TRIAGE_SCHEMA_VERSION),
  /** The catalogue version the questions were asked from. */
  rulesVersion: line(TEXT_LIMITS.line).check(z.minLength(1)),
  /** Every answer in the order given; the last one per rule counts. */
  history: z.array(TriageAnswerEvent),
});
export type TriageRecord = z.infer<typeof TriageRecord>;
