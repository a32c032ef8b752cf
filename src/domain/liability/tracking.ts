/**
 * Records which facts a derivation read, so every finding can list the facts
 * it used without each rule having to declare them by hand.
 */

/** Wraps `value` so that reads of its fields are recorded as dotted paths in `reads`. */
export function tracked<T extends object>(value: T, path: string, reads: Set<string>): T {
  return new Proxy(value, {
    get(target, prop, receiver) {
      const result: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string') return result;
      const child = `${path}.${prop}`;
      if (result !== null && typeof result === 'object' && !Array.isArray(result))
        return tracked(result, child, reads);
      reads.add(child);
      return result;
    },
  });
}
