/** What the officer sees once his confirmation and determination are on the server. */
import { useTranslation } from 'react-i18next';
import type { StationConfirmation } from '../../contracts/station';
import { ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';

export function ConfirmResult({
  done,
  back,
}: {
  done: StationConfirmation;
  back: { href: string; label: string };
}) {
  const { t } = useTranslation();
  return (
    <Page titleId="confirm-title" title={t('station.confirm.done')} back={back}>
      <Notice tone="ok" role="status" data-testid="determined">
        {t(`station.confirm.${done.decision}`)}
      </Notice>
      <ul data-testid="determination">
        {Object.entries(done.liability).map(([label, level]) => (
          <li key={label}>
            {t('station.confirm.result', { label, level: t(`station.level.${level}`) })}
          </li>
        ))}
      </ul>
      <p>{done.reason}</p>
      {done.basis.length > 0 && (
        <p data-testid="determination-basis">
          {t('station.confirm.basis', {
            basis: done.basis.map((b) => `${b.law}${b.article}`).join('；'),
          })}
        </p>
      )}
      <p>{t('station.confirm.next')}</p>
      <ButtonLink href="/handovers" variant="primary" block>
        {t('station.confirm.toList')}
      </ButtonLink>
    </Page>
  );
}
