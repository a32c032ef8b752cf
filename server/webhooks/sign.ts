/**
 * The Standard Webhooks headers of one attempt, signed with the
 * `standardwebhooks` library: `webhook-id` (the message id, the same on every
 * retry and replay), `webhook-timestamp` (seconds) and `webhook-signature`
 * (`v1,<base64>`; during a rotation's overlap the signatures of the current
 * and the previous secret, space-separated, so a receiver holding either
 * verifies).
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export interface SigningSecrets {
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
}

/** A new secret: `whsec_` and the base64 of 24 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

/** The secrets that sign at `at`: the current one, and the previous one until its overlap ends. */
export function signingSecrets(endpoint: SigningSecrets, at: Date): string[] {
  const previousValid =
    endpoint.previous_secret !== null &&
    endpoint.previous_secret_until !== null &&
    endpoint.previous_secret_until > at.toISOString();
  return previousValid && endpoint.previous_secret
    ? [endpoint.secret, endpoint.previous_secret]
    : [endpoint.secret];
}

export function webhookHeaders(
  endpoint: SigningSecrets,
  messageId: string,
  at: Date,
  payload: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const signatures = signingSecrets(endpoint, at).map((secret) =>
    new Webhook(secret).sign(messageId, at, payload),
  );
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
