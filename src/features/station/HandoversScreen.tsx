/**
 * The officer's list of the cases the brigade's rural stations handed over
 * and that wait for an officer: read from the server (it needs the link),
 * read again while the page shows; those the station named the viewer for
 * first, marked. Each opens the check and determination.
 */
import { useTranslation } from 'react-i18next';
import type { HandedOverCase } from '../../contracts/station';
import { useSession, useViewerRole } from '../../services/useSession';
import { handoversForViewer, isMeantFor } from '../../domain';
import { useHandovers } from '../../services/useStation';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Link } from '../../ui/router';

export function HandoversScreen() {
  const { t } = useTranslation();
  const handovers = useHandovers();
  const session = useSession();
  const viewerId = session && session.kind !== 'signed-out' ? session.session.user.id : undefined;
  // A reviewer comes from his workspace and goes back there; an officer has his case list in the header.
  const back =
    useViewerRole() === 'reviewer'
      ? { href: '/review', label: t('station.list.toReview') }
      : undefined;
  return (
    <Page titleId="handovers-title" title={t('station.list.title')} back={back}>
      <p>{t('station.list.intro')}</p>
      {handovers.status === 'loading' && <p role="status">{t('station.list.loading')}</p>}
      {handovers.status === 'failed' && (
        <Notice tone="error" role="alert">
          {t(`station.failure.${handovers.failure}`)}
        </Notice>
      )}
      {handovers.status === 'ready' &&
        (handovers.value.length === 0 ? (
          <p role="status">{t('station.list.empty')}</p>
        ) : (
          <ul className="record-cards" data-testid="handovers">
            {handoversForViewer(handovers.value, viewerId).map((item) => (
              <HandoverCard key={item.caseId} item={item} mine={isMeantFor(item, viewerId)} />
            ))}
          </ul>
        ))}
    </Page>
  );
}

function HandoverCard({ item, mine }: { item: HandedOverCase; mine: boolean }) {
  const { t, i18n } = useTranslation();
  const plates = item.vehicles.map((v) => `${v.label} ${v.plate}`).join('、');
  return (
    <li className="record-card" data-case={item.caseId} data-mine={mine ? 'true' : 'false'}>
      {mine ? (
        <p className="badge" data-testid="meant-for-you">
          <strong>{t('station.list.forYou')}</strong>
        </p>
      ) : (
        item.meantFor && (
          <p className="muted">{t('station.list.meantFor', { name: item.meantFor.name })}</p>
        )
      )}
      <p>
        <strong>{t('station.list.item', { number: item.caseNumber, unit: item.unitName })}</strong>
      </p>
      <p>
        {t('station.list.by', {
          name: item.handover.by.name,
          time: formatTime(item.handover.at, i18n.language),
        })}
      </p>
      <p>{t('station.list.vehicles', { plates })}</p>
      {item.handover.note && <p className="muted">{item.handover.note}</p>}
      <Link href={`/handovers/${item.caseId}`} className="button primary block">
        {t('station.list.open', { number: item.caseNumber })}
      </Link>
    </li>
  );
}
