/**
 * The page a reviewer, insurer or admin lands on until their own screens
 * come: what the role does in Kuaichu and what is coming, who is signed in,
 * sign-out, the language and the way to settings. The role features
 * (src/features/review, insurer, admin) give the words.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageChoice } from '../ui/LanguageChoice';
import { Link } from '../ui/router';
import { AccountPanel } from './AccountPanel';

export interface RoleHomeProps {
  title: string;
  intro: string;
  /** What the role does in Kuaichu (today through the server). */
  can: readonly string[];
  /** What comes to this phone next. */
  coming: readonly string[];
  /** A closing note under "coming" (how it is done meanwhile). */
  meanwhile?: ReactNode;
}

export function RoleHome({ title, intro, can, coming, meanwhile }: RoleHomeProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="role-home-title" data-testid="role-home">
      <h1 id="role-home-title">{title}</h1>
      <AccountPanel />
      <p>{intro}</p>
      <h2>{t('account.canDo')}</h2>
      <ul>
        {can.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{t('account.coming')}</h2>
      <ul>
        {coming.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {meanwhile && <p>{meanwhile}</p>}
      <p className="muted">{t('account.officerScreens')}</p>
      <LanguageChoice />
      <Link href="/settings" className="button block">
        {t('account.settings')}
      </Link>
    </section>
  );
}
