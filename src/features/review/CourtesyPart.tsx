/**
 * The courteous script (三告知、两敬礼) as the officer marked it: each step
 * with the time it was marked and the version of the brigade's script the
 * phone showed, or "not marked" — so the reviewer sees a missed salute or
 * notice, and which words were read out.
 */
import { useTranslation } from 'react-i18next';
import { COURTESY_STEPS, type CourtesyMark } from '../../domain';
import { formatTime } from '../../ui/format';
import { Facts } from './CaseFacts';

export function CourtesyPart({ marks }: { marks: readonly CourtesyMark[] | undefined }) {
  const { t, i18n } = useTranslation();
  const value = (m: CourtesyMark | undefined) => {
    if (!m) return t('reviewScript.unmarked');
    const time = formatTime(m.at, i18n.language);
    if (m.scriptVersion === undefined) return time;
    return m.scriptVersion === 0
      ? t('reviewScript.atStarter', { time })
      : t('reviewScript.atVersion', { time, version: m.scriptVersion });
  };
  return (
    <>
      <h3>{t('reviewScript.title')}</h3>
      <Facts
        rows={COURTESY_STEPS.map((step) => [
          t(`reviewScript.step.${step}`),
          value(marks?.find((m) => m.step === step)),
        ])}
      />
    </>
  );
}
