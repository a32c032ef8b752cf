/**
 * One packet (`/insurer/packets/:id`): its case as the insurer sees it, its
 * determination as a PDF, every photo, the manifest it was built from, the
 * claim's progress with the call-back clock, the assessment's photos once
 * recorded, and the step to record next — beside the case on a desk, below it
 * on a phone. The status comes from the list's summary of this
 * packet (it alone knows the call-back), else from the claim.
 */
import { useTranslation } from 'react-i18next';
import type { ClaimPacket } from '../../contracts/packets';
import { usePacket, usePacketList } from '../../services/usePackets';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';
import { AssessmentPhotos } from './AssessmentPhotos';
import { PacketActions } from './PacketActions';
import { PacketDocument } from './PacketDocument';
import { PacketFacts } from './PacketFacts';
import { failureKey, useClock } from './insurer-time';
import { statusOf } from './packet-model';
import { PacketPhotos } from './PacketPhotos';
import { PacketProgress } from './PacketProgress';
import './insurer.css';

const ALL = {};

function Loaded({ packet, reload }: { packet: ClaimPacket; reload(): Promise<void> }) {
  const { t } = useTranslation();
  const list = usePacketList(ALL);
  const summary = list.list.value?.packets.find((p) => p.id === packet.id);
  const status = statusOf(packet, summary);
  const now = useClock();
  const onChanged = async () => {
    list.reload();
    await reload();
  };
  return (
    <>
      <h1 id="insurer-packet-title">
        {t('insurer.view.title', { number: packet.case.caseNumber })}
      </h1>
      <p className="muted">{t('insurer.view.insurer', { name: packet.insurer.name })}</p>
      {packet.supersedes && <Notice>{t('insurer.view.supersedes')}</Notice>}
      <div className="insurer-packet-layout">
        <div>
          <PacketProgress packet={packet} status={status} summary={summary} now={now} />
          <AssessmentPhotos claim={packet.claim} />
          <PacketFacts packet={packet} />
          <PacketDocument packet={packet} />
          <PacketPhotos photos={packet.photos} view={packet.case} onRefresh={() => void reload()} />
        </div>
        <PacketActions packet={packet} status={status} onChanged={onChanged} />
      </div>
    </>
  );
}

export function PacketScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { packet, reload } = usePacket(id);
  return (
    <section
      aria-labelledby="insurer-packet-title"
      className="insurer-wide"
      data-testid="insurer-packet"
    >
      <Link href="/insurer" className="back-link">
        ← {t('insurer.view.back')}
      </Link>
      {packet.status === 'loading' && (
        <>
          <h1 id="insurer-packet-title">{t('insurer.loading')}</h1>
          <p role="status">{t('insurer.loading')}</p>
        </>
      )}
      {packet.status === 'failed' && (
        <>
          <h1 id="insurer-packet-title">{t('insurer.view.unavailable')}</h1>
          <Notice tone="error" as="div" role="alert">
            <p>
              {t(
                packet.failure === 'not-found'
                  ? 'insurer.view.notFound'
                  : failureKey(packet.failure),
              )}
            </p>
            <Button onClick={() => void reload()}>{t('insurer.retry')}</Button>
          </Notice>
        </>
      )}
      {packet.status === 'ready' && <Loaded packet={packet.value} reload={reload} />}
    </section>
  );
}
