/**
 * The page a reviewer, insurer or admin lands on: what the role does in
 * Kuaichu and what is coming, the screens that have come (`children`), who
 * is signed in, sign-out, the language and the way to settings. The role features
 * (src/features/review, insurer, admin) give the words and the account
 * (`useAccountView`).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountPanel, type AccountView } from './AccountPanel';
import { ButtonLink } from './Button';
import { LanguageChoice } from './LanguageChoice';

export interface RoleHomeProps {
  title: string;
  intro: string;
  /** What the role does in Kuaichu (today through the server). */
  can: readonly string[];
  /** What comes to this phone next. */
  coming: readonly string[];
  /** A closing note under "coming" (how it is done meanwhile). */
  meanwhile?: ReactNode;
  /** Who is signed in; null while the session loads or when nobody is. */
  account: AccountView | null;
  /** The role's screens that have come (sections with their `h2`), after the intro. */
  children?: ReactNode;
}

export function RoleHome({
  title,
  intro,
  can,
  coming,
  meanwhile,
  account,
  children,
}: RoleHomeProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="role-home-title" data-testid="role-home">
      <h1 id="role-home-title">{title}</h1>
      {account && <AccountPanel account={account} />}
      <p>{intro}</p>
      {children}
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
      <ButtonLink href="/settings" block>
        {t('account.settings')}
      </ButtonLink>
    </section>
  );
}
