/**
 * The case's history: each version as received (when, its flags, what it
 * changed from the version before, photos added and removed), and every
 * review action with who, when, the note and what was missing.
 */
import { useTranslation } from 'react-i18next';
import type { CaseHistory, CaseVersion, ReviewEntry } from '../../contracts/review';
import { requiredShots, type PhotoMeta } from '../../domain';
import {
  diffFromNothing,
  diffVersions,
  type DiffValue,
  type FieldChange,
} from '../../domain/review/diff';
import { DataTable } from '../../ui/DataTable';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';
import { labelOfMissing, returnChoices } from './return-items';
import { inLanguage, labelText } from './review-format';

function useValueText() {
  const { t } = useTranslation();
  return (v: DiffValue | undefined) =>
    v === undefined || v === null || v === '' ? t('review.history.empty') : String(v);
}

function Changes({ changes, caption }: { changes: FieldChange[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const text = useValueText();
  return (
    <div className="review-diff">
      <DataTable
        caption={caption}
        rows={changes}
        rowKey={(c) => c.path}
        empty={t('review.history.noChanges')}
        columns={[
          {
            key: 'field',
            header: t('review.history.field'),
            rowHeader: true,
            cell: (c) => (c.label ? inLanguage(c.label, i18n.language) : c.path),
          },
          { key: 'before', header: t('review.history.before'), cell: (c) => text(c.before) },
          { key: 'after', header: t('review.history.after'), cell: (c) => text(c.after) },
        ]}
      />
    </div>
  );
}

function Version({
  version,
  previous,
}: {
  version: CaseVersion;
  previous: CaseVersion | undefined;
}) {
  const { t, i18n } = useTranslation();
  const diff = previous ? diffVersions(previous, version) : diffFromNothing(version);
  const shots = requiredShots(version.case);
  const slots = (photos: readonly PhotoMeta[]) =>
    photos
      .map((p) => {
        const s = shots.find((x) => x.slot === p.slot);
        return s ? inLanguage(s.title, i18n.language) : t('review.case.extraPhoto');
      })
      .join('、');
  return (
    <li>
      <h3>
        {t('review.history.version', {
          version: version.version,
          time: formatTime(version.receivedAt, i18n.language),
        })}
      </h3>
      <p className="muted">{version.officer.name}</p>
      {version.flags.length > 0 && (
        <p>
          {t('review.history.flags', {
            flags: version.flags.map((f) => t(`review.history.flag.${f}`, f)).join('、'),
          })}
        </p>
      )}
      {previous ? (
        <Changes
          changes={diff.changes}
          caption={t('review.history.changes', { count: diff.changes.length })}
        />
      ) : (
        <p>{t('review.history.first')}</p>
      )}
      {diff.photosAdded.length > 0 && previous && (
        <p>{t('review.history.photosAdded', { slots: slots(diff.photosAdded) })}</p>
      )}
      {diff.photosRemoved.length > 0 && (
        <p>{t('review.history.photosRemoved', { slots: slots(diff.photosRemoved) })}</p>
      )}
    </li>
  );
}

function Action({ entry, history }: { entry: ReviewEntry; history: CaseHistory }) {
  const { t, i18n } = useTranslation();
  const latest = history.versions[history.versions.length - 1];
  const choices = latest ? returnChoices(latest.case) : { shots: [], fields: [], facts: [] };
  return (
    <li>
      {t('review.history.action', {
        time: formatTime(entry.at, i18n.language),
        name: entry.by.name,
        kind: t(`review.history.kind.${entry.kind}`, entry.kind),
      })}
      {entry.note && <p>{t('review.history.note', { note: entry.note })}</p>}
      {entry.missing && entry.missing.length > 0 && (
        <p>
          {t('review.history.missing', {
            items: entry.missing
              .map((m) => labelText(t, i18n.language, labelOfMissing(m, choices)))
              .join('、'),
          })}
        </p>
      )}
    </li>
  );
}

export function HistoryPart({ history }: { history: CaseHistory }) {
  const { t } = useTranslation();
  const versions = [...history.versions].sort((a, b) => a.version - b.version);
  return (
    <Section titleId="review-history" title={t('review.history.title')}>
      {versions.length === 0 && history.actions.length === 0 && <p>{t('review.history.none')}</p>}
      <ol className="review-versions">
        {versions.map((v, i) => (
          <Version key={v.version} version={v} previous={versions[i - 1]} />
        ))}
      </ol>
      {history.actions.length > 0 && (
        <>
          <h3>{t('review.history.actions')}</h3>
          <ul>
            {history.actions.map((a) => (
              <Action key={a.cursor} entry={a} history={history} />
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
