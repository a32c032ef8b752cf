/**
 * The brigade's own plate province (a phone setting, 蒙 unless changed): the
 * plate fields start from it. Kept in localStorage like the language.
 */
import { useCallback, useState } from 'react';
import { DEFAULT_HOME_PROVINCE, isPlateProvince } from '../domain';

const KEY = 'kuaichu.homeProvince';

export function readHomeProvince(): string {
  const saved = globalThis.localStorage?.getItem(KEY) ?? '';
  return isPlateProvince(saved) ? saved : DEFAULT_HOME_PROVINCE;
}

/** The setting and a way to change it (remembered on the phone). */
export function useHomeProvince(): [string, (province: string) => void] {
  const [province, setProvince] = useState(readHomeProvince);
  const change = useCallback((next: string) => {
    if (!isPlateProvince(next)) return;
    globalThis.localStorage?.setItem(KEY, next);
    setProvince(next);
  }, []);
  return [province, change];
}
