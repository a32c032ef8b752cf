/** The name a photo's upload is remembered by for resuming: its hash, never file metadata. */
export const photoFingerprint = (sha256: string) => `kuaichu-photo-${sha256}`;
