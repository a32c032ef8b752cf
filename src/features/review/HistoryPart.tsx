/**
 * The case's history: each version as received (when, its flags, what it
 * changed from the version before, photos added and removed), and every
 * review action with who, when, the note and what was missing.
 */
import { useTranslation } from 'react-i18next';
import type { CaseHistory, CaseVersion, ReviewEntry } from '../../contracts/review';
import { requiredShots, type PhotoMeta } from '../../domain';
import type { LiabilityFacts } from '../../domain/liability/facts.schema';
import {
  diffFromNothing,
  diffVersions,
  type DiffValue,
  type FieldChange,
} from '../../domain/review/diff';
import { DataTable } from '../../ui/DataTable';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';
import { factPathText, factValueText } from './fact-rows';
import { labelOfMissing, returnChoices } from './return-items';
import { inLanguage, labelText } from './review-format';

const LEVEL_PATH = /^liability\.(proposal|override\.liability|decision\.liability)\.[^.]+$/;
const FACT_PATH = /^liability\.facts\./;

/** A changed field's words: the engine's facts by the review's fact words, the rest by the diff's. */
function useFieldText(facts: LiabilityFacts | undefined) {
  const { t, i18n } = useTranslation();
  return (c: FieldChange) => {
    if (FACT_PATH.test(c.path)) {
      const label = factPathText(t, c.path.slice('liability.facts.'.length), facts);
      return t('review.factField.inFacts', { label });
    }
    return c.label ? inLanguage(c.label, i18n.language) : c.path;
  };
}

/** A value in words: liability levels and the engine's facts by their names, others as they are. */
function useValueText() {
  const { t } = useTranslation();
  return (path: string, v: DiffValue | undefined) => {
    if (v === undefined || v === null || v === '') return t('review.history.empty');
    if (LEVEL_PATH.test(path)) return t(`review.liability.level.${String(v)}`, String(v));
    if (FACT_PATH.test(path)) {
      const parts = path.split('.');
      return factValueText(t, parts.at(-1) ?? '', v, parts[2] === 'place');
    }
    return String(v);
  };
}

function Changes({
  changes,
  caption,
  facts,
}: {
  changes: FieldChange[];
  caption: string;
  facts: LiabilityFacts | undefined;
}) {
  const { t } = useTranslation();
  const text = useValueText();
  const fieldText = useFieldText(facts);
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
            cell: fieldText,
          },
          {
            key: 'before',
            header: t('review.history.before'),
            cell: (c) => text(c.path, c.before),
          },
          { key: 'after', header: t('review.history.after'), cell: (c) => text(c.path, c.after) },
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
          facts={version.case.liability?.facts ?? previous.case.liability?.facts}
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

/** The squad's amendment: its determination per vehicle, the reason, the engine's decision on its facts. */
function Amended({ entry }: { entry: ReviewEntry }) {
  const { t } = useTranslation();
  const a = entry.amendment;
  if (!a) return null;
  const levels = (l: Readonly<Record<string, string>>) =>
    Object.entries(l)
      .map(([vehicle, level]) =>
        t('review.liability.byVehicle', { vehicle, level: t(`review.liability.level.${level}`) }),
      )
      .join('；');
  return (
    <div className="review-amended" data-testid="history-amended">
      <p>{t('review.history.amended', { liability: levels(a.liability) })}</p>
      <p>{t('review.history.amendedReason', { reason: a.reason })}</p>
      {a.decision?.liability && (
        <p>{t('review.history.amendedEngine', { liability: levels(a.decision.liability) })}</p>
      )}
      {entry.manifestVersion !== undefined && (
        <p className="muted">
          {t('review.history.superseded', { version: entry.manifestVersion })}
        </p>
      )}
    </div>
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
      {entry.note && entry.note !== entry.amendment?.reason && (
        <p>{t('review.history.note', { note: entry.note })}</p>
      )}
      <Amended entry={entry} />
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
