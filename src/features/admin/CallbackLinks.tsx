/** The admin home's "Call-back target": the way to the brigades' settings and to the overdue packets. */
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/Button';
import { Section } from '../../ui/Page';

export function CallbackLinks() {
  const { t } = useTranslation();
  return (
    <Section titleId="callback-title" title={t('admin.brigades.title')}>
      <p>{t('admin.brigades.intro')}</p>
      <p className="admin-links">
        <ButtonLink href="/admin/brigades">{t('admin.brigades.settings')}</ButtonLink>
        <ButtonLink href="/admin/overdue">{t('admin.brigades.overdue')}</ButtonLink>
      </p>
    </Section>
  );
}
