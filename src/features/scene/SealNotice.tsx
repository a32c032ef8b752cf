/**
 * What the officer sees on a screen whose fields are part of a signed
 * determination: why they are read-only and the way to correct them (an
 * amendment on the signing screen), or the amendment in progress.
 */
import { useTranslation } from 'react-i18next';
import { canAmend, isSealed, type CaseRecord } from '../../domain';
import { ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

export function SealNotice({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const amendment = c.liability?.amendments?.at(-1);
  if (isSealed(c)) {
    return (
      <Notice as="div" data-testid="seal-notice">
        <p>{t('seal.notice')}</p>
        {canAmend(c) && (
          <ButtonLink href={`/cases/${c.id}/notices#amend`} block>
            {t('seal.amend')}
          </ButtonLink>
        )}
      </Notice>
    );
  }
  if (amendment && c.state === 'liability-proposed') {
    return (
      <Notice tone="warn" data-testid="amending-notice">
        {t('seal.amending', { reason: amendment.reason })}
      </Notice>
    );
  }
  return null;
}
