/**
 * A rural station's case, once an officer determined its liability remotely
 * (src/domain/case/station-determination.ts): on the station's case screen,
 * read from the phone alone, who determined it and when, each vehicle's
 * liability, his reason and the law and article — read-only: the station may
 * not change it. One button adopts it and leads to the notices, where the
 * station's helper reads them to the parties and collects their signatures;
 * once adopted, the way there again.
 */
import { useTranslation } from 'react-i18next';
import {
  adoptOfficerDetermination,
  enteredAt,
  type CaseRecord,
  type OfficerWord,
} from '../../domain';
import { useCaseStep } from '../../services/useCaseStep';
import { Button, ButtonLink } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';

export function OfficerNotice({ c, word }: { c: CaseRecord; word: OfficerWord }) {
  const { t, i18n } = useTranslation();
  const d = c.liability?.remote ?? word.determination;
  const adopted = c.liability?.remote !== undefined;
  const signed = enteredAt(c, 'signed') !== undefined;
  const plate = (label: string) => c.vehicles.find((v) => v.label === label)?.plate ?? '—';
  return (
    <Notice
      as="div"
      tone={adopted ? undefined : 'warn'}
      data-testid="officer-determination"
      data-adopted={adopted ? 'true' : 'false'}
    >
      <h2>{t('officerWord.title')}</h2>
      <p data-testid="officer-by">
        {t('officerWord.by', { name: d.by.name, time: formatTime(d.at, i18n.language) })}
      </p>
      <ul data-testid="officer-liability">
        {Object.entries(d.liability)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([label, level]) => (
            <li key={label} data-vehicle={label} data-level={level}>
              {t('officerWord.line', {
                label,
                plate: plate(label),
                level: t(`squad.amended.level.${level}`),
              })}
            </li>
          ))}
      </ul>
      <p>{t('officerWord.reason', { reason: d.reason })}</p>
      <p data-testid="officer-basis">
        {t('officerWord.basis', { basis: d.basis.map((b) => `${b.law}${b.article}`).join('；') })}
      </p>
      {d.decision === 'correct' && d.note && <p>{t('officerWord.corrected', { note: d.note })}</p>}
      <p className="muted" id="officer-read-only">
        {t('officerWord.readOnly')}
      </p>
      {!adopted && <Adopt c={c} word={word} />}
      {adopted && !signed && (
        <ButtonLink href={`/cases/${c.id}/notices`} variant="primary" block>
          {t('officerWord.toNotices')}
        </ButtonLink>
      )}
      {signed && (
        <p role="status" data-testid="officer-signed">
          {t('officerWord.signed')}
        </p>
      )}
    </Notice>
  );
}

/** The one button: the officer's determination becomes the case's, then on to the notices. */
function Adopt({ c, word }: { c: CaseRecord; word: OfficerWord }) {
  const { t } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  return (
    <>
      <Button
        variant="primary"
        block
        aria-describedby="officer-read-only"
        onClick={() =>
          run(
            (x, at) => adoptOfficerDetermination(x, word.determination, at),
            () => navigate(`/cases/${c.id}/notices`),
          )
        }
      >
        {t('officerWord.adopt')}
      </Button>
      <ErrorNotice error={error} />
    </>
  );
}
