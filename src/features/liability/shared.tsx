/** What the liability screens share: language, writing a step, words for levels and basis. */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  determinationContent,
  type CaseRecord,
  type LiabilityByVehicle,
  type Result,
} from '../../domain';
import { canonicalJson, utf8Bytes } from '../../domain/manifest';
import { sha256Hex } from '../../platform/hash/sha256';
import type { LiabilityLevel } from '../../domain/liability';
import { useServices } from '../../services/ServicesContext';
import { describeSaveError } from '../../services/save-error';
import { updateCase } from '../../storage';

export type Lang = 'zh' | 'en';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** A domain refusal surfaced as an error the officer sees. */
export class StepRefused extends Error {
  constructor(
    readonly reason: string,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'StepRefused';
  }
}

/**
 * Writes one domain step through at once. Resolves with the stored case;
 * a refusal or a failed write is shown in `error` and rejects.
 */
export function useStep(caseId: string) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const [error, setError] = useState<string | null>(null);
  const run = (step: (c: CaseRecord, at: string) => Result<CaseRecord, string>) => {
    const at = platform.clock.now();
    setError(null);
    return updateCase(
      db,
      caseId,
      (x) => {
        const r = step(x, at);
        if (!r.ok) throw new StepRefused(r.reason, r.detail);
        return r.value;
      },
      at,
    ).catch(async (err: unknown) => {
      setError(await describeSaveError(err, db, t));
      throw err;
    });
  };
  return { run, error, setError };
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
