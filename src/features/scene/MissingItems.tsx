/**
 * What the accident squad asked the officer to add, item by item, in his
 * words: on the case screen each with whether it is done (computed from what
 * is on the phone) and the way to the screen that fixes it; on the case list
 * as one line. A fact is named by its liability question, from the catalog,
 * which loads only when a return names a fact.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isAskDone,
  missingTarget,
  type CaseRecord,
  type MissingAsk,
  type PhotoMeta,
  type SquadWord,
} from '../../domain';
import type { LiabilityCatalog } from '../../domain/liability';
import { ButtonLink } from '../../ui/Button';
import { fixHref, missingWords } from './missing-words';

/** The liability catalog, loaded once `needed`; undefined until then (facts are named by id). */
function useFactCatalog(needed: boolean): LiabilityCatalog | undefined {
  const [catalog, setCatalog] = useState<LiabilityCatalog>();
  useEffect(() => {
    if (!needed || catalog) return;
    let live = true;
    import('../../domain/liability')
      .then((m) => live && setCatalog(m.loadLiabilityCatalog()))
      // Without it the fact is named by its id; nothing else depends on it.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [needed, catalog]);
  return catalog;
}

const needsCatalog = (asks: readonly MissingAsk[]) => asks.some((a) => a.kind === 'fact');

/** The items of a return, each with its state and the way to fix it (the case screen). */
export function MissingItems({
  c,
  word,
  photos,
}: {
  c: CaseRecord;
  word: SquadWord;
  photos: readonly PhotoMeta[];
}) {
  const { t, i18n } = useTranslation();
  const catalog = useFactCatalog(needsCatalog(word.missing));
  return (
    <ul className="missing-items" data-testid="missing-items">
      {word.missing.map((ask) => {
        const target = missingTarget(c, ask, catalog);
        const done = isAskDone(ask, c, photos, word.receivedAt);
        const words = missingWords(target, t, i18n.language);
        const fix = t(`returned.fix.${ask.kind}`);
        return (
          <li
            key={`${ask.kind}:${ask.key}`}
            data-kind={ask.kind}
            data-key={ask.key}
            data-done={done}
          >
            <span className="missing-what">{words}</span>
            <span className={done ? 'badge ok' : 'badge missing'}>
              {done ? t('returned.done') : t('returned.todo')}
            </span>
            <ButtonLink
              href={fixHref(c.id, target)}
              aria-label={t('missing.fixLabel', { fix, what: words })}
            >
              {fix}
            </ButtonLink>
          </li>
        );
      })}
    </ul>
  );
}

/** The items of a return as one line of words (the case list's card). */
export function MissingLine({ c, asks }: { c: CaseRecord; asks: readonly MissingAsk[] }) {
  const { t, i18n } = useTranslation();
  const catalog = useFactCatalog(needsCatalog(asks));
  const words = asks.map((ask) => missingWords(missingTarget(c, ask, catalog), t, i18n.language));
  return (
    <span className="case-missing" data-testid="case-missing">
      {t('returned.reason', { reason: words.join(i18n.language === 'en' ? '; ' : '；') })}
    </span>
  );
}
