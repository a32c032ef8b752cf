/** The admin home's way to the accounts, units, enrolled phones and the audit log. */
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/Button';
import { Section } from '../../ui/Page';

export function AccountLinks() {
  const { t } = useTranslation();
  return (
    <Section titleId="accounts-links-title" title={t('accounts.links.title')}>
      <p className="admin-links">
        <ButtonLink href="/admin/accounts">{t('accounts.links.accounts')}</ButtonLink>
        <ButtonLink href="/admin/units">{t('accounts.links.units')}</ButtonLink>
        <ButtonLink href="/admin/devices">{t('accounts.links.devices')}</ButtonLink>
        <ButtonLink href="/admin/audit">{t('accounts.links.audit')}</ButtonLink>
      </p>
    </Section>
  );
}
