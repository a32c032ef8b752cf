/**
 * The officer's cases on this phone (`/`), each with where it stands and
 * whether it was sent. Cases the accident squad returned come first, however
 * old, with the squad's reason on the card; a case taken over or approved by
 * the squad says so. A phone an admin revoked says so, with how many sent
 * cases were wiped. Everything is read from the phone (offline too). Loaded
 * with the database; its frame (CaseListFrame) paints before.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { returnedFirst } from '../../domain';
import { useCaseList, useCaseReviews } from '../../services/useCase';
import { useCaseStatuses, useRevocation } from '../../services/useSyncStatus';
import { useSession } from '../../services/useSession';
import { ButtonLink } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { OtherOfficersNote } from '../../ui/OtherOfficersNote';
import { addMessages } from '../../ui/i18n/setup';
import { Link } from '../../ui/router';
import { CaseListFrame, EmptyCaseList } from './CaseListFrame';

// The squad's word on a card (with the scene's messages, and for facts the
// liability catalog) loads only when a case has one: the first screen stays light.
const SquadLine = lazy(async () => {
  const [line, messages] = await Promise.all([import('./SquadLine'), import('./messages')]);
  addMessages(messages.sceneMessages);
  return { default: line.SquadLine };
});

export function CaseList() {
  const { t, i18n } = useTranslation();
  const list = useCaseList();
  const statuses = useCaseStatuses();
  const reviews = useCaseReviews();
  const session = useSession();
  const loaded = list !== undefined && reviews !== undefined;
  // A signed-in officer confirms the cases the brigade's rural stations hand over.
  const officer = session?.kind === 'active' && session.session.user.role === 'officer';
  // An admin revoked the phone: its sent cases were wiped (issue 18); the outbox says more.
  const revoked = useRevocation(
    session && session.kind !== 'signed-out' ? session.session.user.id : undefined,
  );
  return (
    <CaseListFrame>
      {loaded ? (
        <>
          {officer && (
            <ButtonLink href="/handovers" block data-testid="handovers-link">
              {t('cases.handovers')}
            </ButtonLink>
          )}
          {list.unreadable.length > 0 && (
            <Notice tone="warn" role="alert">
              {t('cases.unreadable', { count: list.unreadable.length })}
            </Notice>
          )}
          {revoked && (
            <Notice as="div" tone="warn" role="status" data-testid="revoked-on-list">
              <p>{t('cases.revoked', { wiped: revoked.wiped })}</p>
              <Link href="/outbox">{t('cases.revokedMore')}</Link>
            </Notice>
          )}
          <OtherOfficersNote others={list.others} />
          {list.cases.length === 0 ? (
            <EmptyCaseList />
          ) : (
            <ul className="case-list" data-testid="case-list">
              {returnedFirst(list.cases, reviews).map((c) => (
                <li key={c.id}>
                  {/* Named by what it shows (number, state, place…), as a screen reader reads it. */}
                  <Link href={`/cases/${c.id}`} className="case-card">
                    <span className="case-number">{c.caseNumber}</span>
                    <span className={`badge state-${c.state}`}>{t(`state.${c.state}`)}</span>
                    <span className="case-place">{c.location.address}</span>
                    {reviews.has(c.id) && (
                      <Suspense fallback={null}>
                        <SquadLine c={c} review={reviews.get(c.id)} />
                      </Suspense>
                    )}
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
      ) : undefined}
    </CaseListFrame>
  );
}
