/**
 * A party's own confirmation of the determination (issue 16): on their own
 * phone, from the public page `/confirm` the officer's QR code opens, the
 * party presses "confirm" once they have signal. No session: the
 * determination's SHA-256 is the capability. It is printed on the PDF and
 * carried by the QR code, and it covers every party's name, ID and the case's
 * ids, so only someone shown this determination knows it; a guess is counted
 * against the address and the case like a failed sign-in.
 */
import * as z from 'zod/mini';
import { Sha256Hex } from '../domain/case/photo.schema';
import { TEXT_LIMITS, line } from '../domain/text';
import { ErrorBody } from './errors';
import { defineRoute } from './route';

export const PartyConfirmRequest = z.object({
  caseId: z.uuid(),
  /** The determination's SHA-256 as the page shows it (lower-case hex). */
  sha256: Sha256Hex,
  /** The vehicle the party is with: its label (A, B …). */
  vehicle: line(TEXT_LIMITS.code),
});
export type PartyConfirmRequest = z.infer<typeof PartyConfirmRequest>;

export const PartyConfirmation = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  vehicle: z.string(),
  sha256: Sha256Hex,
  /** When the server recorded it (the first time, when confirmed again). */
  confirmedAt: z.iso.datetime(),
  /** True when this party had already confirmed this determination. */
  already: z.boolean(),
});
export type PartyConfirmation = z.infer<typeof PartyConfirmation>;

export const partyConfirmationRoutes = [
  defineRoute({
    id: 'parties.confirm',
    method: 'POST',
    path: '/api/party-confirmations',
    summary: 'A party confirms the case’s determination from their own phone (no session)',
    description:
      'The hash must be the SHA-256 of the determination the server holds for the case now (as printed on the PDF); audited as `party.confirmed` and shown on the case’s timeline. Twenty refused tries from one address in 15 minutes, or more than five for one case, answer 429 with Retry-After.',
    access: 'public',
    scoped: false,
    body: PartyConfirmRequest,
    responses: {
      200: { description: 'Recorded (or already recorded)', schema: PartyConfirmation },
      404: {
        description: '`case_not_found`: no such case has reached the server (yet)',
        schema: ErrorBody,
      },
      409: {
        description:
          '`determination_mismatch` (`fields`: `body.sha256`, or `body.vehicle` for a vehicle the case does not have): not the determination the case holds now; `determination_amended` (`body.sha256`): a determination the case held before an amendment',
        schema: ErrorBody,
      },
      429: { description: '`rate_limited`', schema: ErrorBody },
    },
  }),
] as const;
