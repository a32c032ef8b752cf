/** What a reviewer, insurer or admin sees at an officer-only address: the reason, in words, and the way home. */
import { useTranslation } from 'react-i18next';
import { ROLE_HOMES, type OtherRole } from '../services/role-routes';
import { Link } from '../ui/router';

export function OfficerOnly({ role }: { role: OtherRole }) {
  const { t } = useTranslation();
  const name = t(`account.title.${role}`);
  return (
    <section aria-labelledby="officer-only-title">
      <h1 id="officer-only-title">{t('account.officerOnly.title')}</h1>
      <p className="notice">{t('account.officerOnly.body', { role: name })}</p>
      <Link href={ROLE_HOMES[role]} className="button primary block">
        {t('account.officerOnly.back', { role: name })}
      </Link>
    </section>
  );
}
