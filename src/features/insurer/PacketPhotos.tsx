/**
 * Every photo of the packet, as a thumbnail from its signed link (its bytes
 * checked against the SHA-256 the packet names), each opening full size in
 * the kit's PhotoDialog with zoom.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsurerCaseView } from '../../contracts/claims';
import type { PacketPhoto } from '../../contracts/packets';
import { usePacketPhoto } from '../../services/usePackets';
import { Button } from '../../ui/Button';
import { formatBytes } from '../../ui/format';
import { Section } from '../../ui/Page';
import { PhotoDialog, photoDialogWords, PhotoThumb } from '../../ui/PhotoDialog';
import { usePhotoTitle } from './photo-title';

interface Open {
  title: string;
  url: string;
  opener: HTMLButtonElement;
}

function Thumb({
  photo,
  title,
  onOpen,
}: {
  photo: PacketPhoto;
  title: string;
  onOpen(o: Open): void;
}) {
  const { t } = useTranslation();
  return (
    <PhotoThumb
      url={usePacketPhoto(photo)}
      title={title}
      openLabel={t('insurer.photos.open', { slot: title })}
      failedText={t('insurer.photos.failed', { slot: title })}
      onOpen={(url, opener) => onOpen({ title, url, opener })}
    />
  );
}

function Dialog({ open, onClose }: { open: Open; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <PhotoDialog
      name={open.title}
      url={open.url}
      opener={open.opener}
      onClose={onClose}
      words={photoDialogWords(t, 'insurer.photos', open.title)}
    />
  );
}

export function PacketPhotos({
  photos,
  view,
  onRefresh,
}: {
  photos: readonly PacketPhoto[];
  view: InsurerCaseView;
  /** Reads the packet again: its links signed afresh (an expired link fails). */
  onRefresh(): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const titleOf = usePhotoTitle(view);
  const total = photos.reduce((n, p) => n + p.byteLength, 0);
  return (
    <Section titleId="insurer-photos" title={t('insurer.photos.title', { count: photos.length })}>
      {photos.length === 0 && <p>{t('insurer.photos.none')}</p>}
      {photos.length > 0 && (
        <p className="muted">{t('insurer.photos.size', { size: formatBytes(total) })}</p>
      )}
      <ul className="photo-thumbs">
        {photos.map((p) => (
          <li key={p.sha256}>
            <Thumb photo={p} title={titleOf(p.slot)} onOpen={setOpen} />
          </li>
        ))}
      </ul>
      {photos.length > 0 && <Button onClick={onRefresh}>{t('insurer.photos.refresh')}</Button>}
      {open && <Dialog open={open} onClose={() => setOpen(undefined)} />}
    </Section>
  );
}
