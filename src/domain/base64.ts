/**
 * Base64, the one codec of the app: standard (RFC 4648 §4, with `=` padding)
 * for export files, and base64url without padding (§5) for signatures, keys
 * and links. Written out because the domain runs without DOM or Node typings
 * (no `btoa`, no `Buffer`). Decoding is strict: any character outside the
 * alphabet, a wrong length or misplaced padding gives `null`, so a damaged
 * photo in an export file is caught before its bytes are even hashed.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
const PAD = 0x3d; // '='
const VALUES: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  CODES.forEach((code, i) => (table[code] = i));
  return table;
})();
/** Characters turned into a string at a time (keeps `String.fromCharCode` arguments small). */
const CHUNK = 0x2000;

/**
 * The base64 text of some bytes as ASCII codes: what a file holds. Callers
 * with `TextDecoder` turn it into a string far faster than {@link encodeBase64}
 * can; a `Blob` can take it as it is.
 */
export function encodeBase64Ascii(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = CODES[(n >> 6) & 63]!;
    out[o++] = CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? CODES[(n >> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return out;
}

/** The base64 text of some bytes. */
export function encodeBase64(bytes: Uint8Array): string {
  const ascii = encodeBase64Ascii(bytes);
  const parts: string[] = [];
  for (let at = 0; at < ascii.length; at += CHUNK) {
    // `apply` takes the typed array as it is (spreading would iterate it).
    parts.push(
      String.fromCharCode.apply(null, ascii.subarray(at, at + CHUNK) as unknown as number[]),
    );
  }
  return parts.join('');
}

/** The bytes of a base64 text, or null when it is not well-formed base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const a = value(text, i);
    const b = value(text, i + 1);
    const c = last && padding === 2 ? 0 : value(text, i + 2);
    const d = last && padding >= 1 ? 0 : value(text, i + 3);
    if (a < 0 || b < 0 || c < 0 || d < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

function value(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code < 128 ? VALUES[code]! : -1;
}

/** base64url without padding (RFC 4648 §5): signatures, escrow keys, links. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

/** The bytes of unpadded base64url text, or null when it is not well-formed. */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1 || /[^A-Za-z0-9_-]/.test(text)) return null;
  const standard = text.replaceAll('-', '+').replaceAll('_', '/');
  return decodeBase64(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
}
