/**
 * The packet's determination (认定书) as a PDF: a link to its signed,
 * expiring download (no session needed, so the browser's own PDF viewer opens
 * it in a new tab). The server makes it from this insurer's redacted view.
 */
import { useTranslation } from 'react-i18next';
import type { ClaimPacket } from '../../contracts/packets';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';

export function PacketDocument({ packet }: { packet: ClaimPacket }) {
  const { t, i18n } = useTranslation();
  const pdf = packet.determinationPdf;
  return (
    <Section titleId="insurer-document" title={t('insurer.document.title')}>
      {pdf ? (
        <>
          <p>
            <a
              className="button primary"
              href={pdf.download.url}
              type="application/pdf"
              target="_blank"
              rel="noopener"
              data-testid="packet-pdf"
            >
              {t('insurer.document.open')}
            </a>
          </p>
          <p className="muted">
            {t('insurer.document.hint', {
              time: formatTime(pdf.download.expiresAt, i18n.language),
            })}
          </p>
        </>
      ) : (
        <p>{t('insurer.document.none')}</p>
      )}
    </Section>
  );
}
