/**
 * The case list's frame: its title and the "new case" button, with the list
 * (or, while the phone's cases load, a loading line as tall as the empty
 * list's — or the empty list's line itself on a phone's first start) below.
 * It is in the first chunk, so it paints before the database and i18next (its
 * words are the shell's), and the build prerenders it into index.html.
 */
import type { ReactNode } from 'react';
import { noCasesAtStart } from '../../services/first-start';
import { ButtonLink } from '../../ui/Button';
import { useShellT } from '../../ui/i18n/shell-words';

/** The empty list's line (the same words i18next has for `cases.empty`). */
export function EmptyCaseList() {
  const { t } = useShellT();
  return <p className="empty">{t('cases.empty')}</p>;
}

export function CaseListFrame({ children }: { children?: ReactNode }) {
  const { t } = useShellT();
  return (
    <section aria-labelledby="cases-title">
      <div className="row-between">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <ButtonLink variant="primary" href="/cases/new">
          {t('cases.new')}
        </ButtonLink>
      </div>
      <div className="case-list-body">
        {children ??
          (noCasesAtStart() ? (
            <EmptyCaseList />
          ) : (
            <p role="status" className="empty">
              {t('app.loading')}
            </p>
          ))}
      </div>
    </section>
  );
}
