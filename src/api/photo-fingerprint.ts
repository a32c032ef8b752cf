/** The name a photo's upload is remembered by for resuming: its hash, never file metadata. */
export const photoFingerprint = (sha256: string) => `kuaichu-photo-${sha256}`;

/** The same for a photo an insurer attaches to its assessment of a claim. */
export const assessmentFingerprint = (claimId: string, sha256: string) =>
  `kuaichu-assessment-${claimId}-${sha256}`;
