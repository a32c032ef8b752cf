/** The one line a shared phone shows about other officers' cases (never their content). */
import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';

export function OtherOfficersNote({ others }: { others: { count: number; names: string[] } }) {
  const { t, i18n } = useTranslation();
  if (others.count === 0) return null;
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(others.names);
  return (
    <Notice data-testid="other-officers">
      {t('cases.others', { count: others.count, names })}
    </Notice>
  );
}
