/**
 * Identifiers and time as the domain sees them. The domain never makes either
 * itself (STYLE.md rule 5): callers pass ids and ISO timestamps in as arguments.
 */
import * as z from 'zod/mini';

/** A UUID (the device makes UUIDv7 for records). */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** An instant as ISO 8601 with offset, e.g. `2026-11-27T09:30:00.000Z`. */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;
