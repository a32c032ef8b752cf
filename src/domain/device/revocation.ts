/**
 * What a phone's revocation means for a case it sends (issue 18, D7). A phone
 * offline when an admin revoked it signs its manifests only once it is back,
 * and its unsent cases must not be lost with it: a case whose content was
 * last changed before the revocation (its `updatedAt`) is taken, flagged for
 * the accident squad; one changed after it is refused. Pure.
 */

export type RevocationStanding =
  /** The phone is not revoked. */
  | 'active'
  /** Revoked, but the case was last changed before: taken, flagged `revoked_device`. */
  | 'recorded-before'
  /** Revoked before the case was last changed: refused `device_revoked`. */
  | 'changed-after';

export function revocationStanding(
  revokedAt: string | null,
  caseUpdatedAt: string,
): RevocationStanding {
  if (revokedAt === null) return 'active';
  return Date.parse(caseUpdatedAt) > Date.parse(revokedAt) ? 'changed-after' : 'recorded-before';
}
