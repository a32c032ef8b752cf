/** What the liability screens share: language, words for levels and basis. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LiabilityByVehicle } from '../../domain';
import type { LiabilityLevel } from '../../domain/liability';

export type Lang = 'zh' | 'en';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

export const LEVELS: readonly LiabilityLevel[] = ['full', 'primary', 'equal', 'secondary', 'none'];

/** 《law》article, as cited on the screens and the document. */
export function citeBasis(b: { law: string; article: string }): string {
  return `《${b.law.replace(/^《|》$/g, '')}》${b.article}`;
}

/** Liability per vehicle on one line, by label: "A 全部责任，B 无责任". */
export function levelsText(m: LiabilityByVehicle, t: TFunction): string {
  return Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, level]) => `${label} ${t(`liability.level.${level}`)}`)
    .join('，');
}
