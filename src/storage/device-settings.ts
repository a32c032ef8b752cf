/**
 * Small settings kept on this phone beside the case database (idb-keyval's
 * own store): read as `unknown`, so whoever reads one parses it.
 */
import { del, get, set } from 'idb-keyval';

/** The stored value, or undefined when there is none or it cannot be read. */
export function readDeviceSetting(key: string): Promise<unknown> {
  return get<unknown>(key).catch(() => undefined);
}

export function writeDeviceSetting(key: string, value: unknown): Promise<void> {
  return set(key, value);
}

export function forgetDeviceSetting(key: string): Promise<void> {
  return del(key);
}
