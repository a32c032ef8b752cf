/** What the liability screens share: language, words for levels and basis, fixed objects' names, the determination's hash. */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  determinationContent,
  fixedObjectsOf,
  type CaseRecord,
  type LiabilityByVehicle,
} from '../../domain';
import { canonicalJson, utf8Bytes } from '../../domain/manifest';
import { sha256Hex } from '../../platform/hash/sha256';
import type { LiabilityLevel } from '../../domain/liability';

export type Lang = 'zh' | 'en';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** The case's fixed objects by party id, each named as the officer wrote it (or "固定物 1"). */
export function objectPartiesOf(c: CaseRecord, t: TFunction): { id: string; name: string }[] {
  return fixedObjectsOf(c).map((p, i) => ({
    id: p.id,
    name: p.objectDescription?.trim() || t('liability.objectName', { n: i + 1 }),
  }));
}

export const LEVELS: readonly LiabilityLevel[] = ['full', 'primary', 'equal', 'secondary', 'none'];

export { citeBasis } from '../../documents/document-model';

/** Liability per vehicle on one line, by label: "A 全部责任，B 无责任". */
export function levelsText(m: LiabilityByVehicle, t: TFunction): string {
  return Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, level]) => `${label} ${t(`liability.level.${level}`)}`)
    .join('，');
}

/**
 * SHA-256 of the determination content (what the parties are shown and sign,
 * `determinationContent`), recomputed when it changes; null while computing.
 */
export function useDeterminationHash(c: CaseRecord): string | null {
  const [hash, setHash] = useState<{ of: string; hex: string } | null>(null);
  const text = canonicalJson(determinationContent(c));
  useEffect(() => {
    let live = true;
    void sha256Hex(utf8Bytes(text) as Uint8Array<ArrayBuffer>).then(
      (hex) => live && setHash({ of: text, hex }),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return hash?.of === text ? hash.hex : null;
}
