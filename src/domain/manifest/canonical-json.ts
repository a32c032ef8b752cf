/**
 * Canonical JSON, after RFC 8785 (JSON Canonicalization Scheme): the one byte
 * sequence a device signs and the server re-derives. Rules:
 *  - object keys sorted by UTF-16 code units (JavaScript's default string
 *    order, as JCS requires), members whose value is `undefined` left out
 *    (so an absent optional field and an `undefined` one hash the same);
 *  - no whitespace;
 *  - strings escaped as `JSON.stringify` does (the ECMAScript rules JCS adopts);
 *  - numbers as JavaScript serialises them (`JSON.stringify`), which is JCS's
 *    number format; NaN and ±Infinity are refused rather than turned into null;
 *  - anything that is not JSON (functions, bigint, symbols, `undefined` in an
 *    array or at the top) is refused with a {@link CanonicalJsonError}.
 */

/** A value that cannot be written as canonical JSON. */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
  readonly reason = 'not_json';
}

/** The canonical JSON text of `value`. */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    throw new CanonicalJsonError(`$${error.path.reverse().join('')}: ${error.detail}`);
  }
}

/**
 * What is not JSON, and where: the path is collected on the way out (the
 * innermost segment first), so a text that is JSON builds no paths at all.
 */
class NotJson {
  readonly path: string[] = [];
  constructor(readonly detail: string) {}
}

const along = (error: unknown, segment: string): unknown => {
  if (error instanceof NotJson) error.path.push(segment);
  return error;
};

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotJson(`${value} is not JSON`);
      // A finite number's JSON is its ECMAScript string (JSON.stringify writes the same).
      return String(value);
    case 'object':
      return Array.isArray(value)
        ? writeArray(value)
        : writeObject(value as Record<string, unknown>);
    default:
      throw new NotJson(`${typeof value} values are not JSON`);
  }
}

function writeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    try {
      out += write(items[i]);
    } catch (error) {
      throw along(error, `[${i}]`);
    }
  }
  return `${out}]`;
}

function writeObject(object: Record<string, unknown>): string {
  const proto: unknown = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) {
    throw new NotJson('only plain objects are JSON');
  }
  let out = '{';
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined) continue;
    let text: string;
    try {
      text = write(item);
    } catch (error) {
      throw along(error, `.${key}`);
    }
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${text}`;
  }
  return `${out}}`;
}

/**
 * UTF-8 bytes of a string. Written out because the domain runs without DOM or
 * Node typings (no TextEncoder); lone surrogates become U+FFFD, as TextEncoder does.
 */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else {
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
    }
  }
  return Uint8Array.from(out);
}

/** UTF-8 bytes of the canonical JSON of `value`: what gets hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8Bytes(canonicalJson(value));
}
