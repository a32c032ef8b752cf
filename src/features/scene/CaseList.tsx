/** The officer's cases on this phone (`/`), each with where it stands and whether it was sent. */
import { useTranslation } from 'react-i18next';
import { useCaseList } from '../../services/useCase';
import { useCaseStatuses } from '../../services/useSyncStatus';
import { ButtonLink } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { OtherOfficersNote } from '../../ui/OtherOfficersNote';
import { Link } from '../../ui/router';

export function CaseList() {
  const { t, i18n } = useTranslation();
  const list = useCaseList();
  const statuses = useCaseStatuses();
  return (
    <section aria-labelledby="cases-title">
      <div className="row-between">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <ButtonLink variant="primary" href="/cases/new">
          {t('cases.new')}
        </ButtonLink>
      </div>
      {list === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          {list.unreadable.length > 0 && (
            <Notice tone="warn" role="alert">
              {t('cases.unreadable', { count: list.unreadable.length })}
            </Notice>
          )}
          <OtherOfficersNote others={list.others} />
          {list.cases.length === 0 ? (
            <p className="empty">{t('cases.empty')}</p>
          ) : (
            <ul className="case-list" data-testid="case-list">
              {list.cases.map((c) => (
                <li key={c.id}>
                  {/* Named by what it shows (number, state, place…), as a screen reader reads it. */}
                  <Link href={`/cases/${c.id}`} className="case-card">
                    <span className="case-number">{c.caseNumber}</span>
                    <span className={`badge state-${c.state}`}>{t(`state.${c.state}`)}</span>
                    <span className="case-place">{c.location.address}</span>
                    <span
                      className="case-sync"
                      data-sync={statuses?.get(c.id)?.kind ?? 'saved-on-phone'}
                    >
                      {t(`cases.sync.${statuses?.get(c.id)?.kind ?? 'saved-on-phone'}`)}
                    </span>
                    <span className="muted">
                      {t('cases.arrived')} {formatTime(c.arrivedAt, i18n.language)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
