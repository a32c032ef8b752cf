/**
 * One step of the courteous script (三告知、两敬礼) on the notices screen: a
 * button the officer taps as the step is done, then the time it was marked.
 * The mark keeps the version of the script the phone shows.
 */
import { useTranslation } from 'react-i18next';
import {
  canMarkCourtesy,
  courtesyMarkedAt,
  markCourtesy,
  type CaseRecord,
  type CourtesyStep,
} from '../../domain';
import { useCaseStep } from '../../services/useCaseStep';
import { useCourtesyScript } from '../../services/useCourtesyScript';
import { Button } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice } from '../../ui/Notice';

export function CourtesyMark({ c, step }: { c: CaseRecord; step: CourtesyStep }) {
  const { t, i18n } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  const { version } = useCourtesyScript(c.officer?.id);
  const at = courtesyMarkedAt(c.liability, step);
  if (at !== undefined) {
    return (
      <p className="courtesy-done" data-testid={`courtesy-${step}`}>
        {t(`notices.courtesy.done.${step}`, { time: formatTime(at, i18n.language) })}
      </p>
    );
  }
  if (!canMarkCourtesy(c, step)) return null;
  return (
    <>
      <ErrorNotice error={error} />
      <Button
        className="courtesy"
        onClick={() => run((x, now) => markCourtesy(x, step, now, version))}
      >
        {t(`notices.courtesy.mark.${step}`)}
      </Button>
    </>
  );
}
