/**
 * The extra way for a party to confirm (issue 16): a QR code of the public
 * page `/confirm`, with the determination's summary and hash in the link's
 * fragment, for the party to scan with their own phone's camera. The
 * officer's signature flow stays as it is.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../domain';
import { confirmSummary, confirmUrl } from '../../domain/case/party-confirm';
import { Button } from '../../ui/Button';
import { useQrImage } from './qr';

export function PartyConfirmQr({
  c,
  determinationHash,
}: {
  c: CaseRecord;
  determinationHash: string | null;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const url = useMemo(
    () =>
      determinationHash && confirmUrl(window.location.origin, confirmSummary(c, determinationHash)),
    [c, determinationHash],
  );
  const qr = useQrImage(shown ? url : null, 320);
  return (
    <div className="party-qr">
      <Button
        aria-expanded={shown}
        aria-controls="party-qr-panel"
        disabled={!url}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t('document.partyQrHide') : t('document.partyQr')}
      </Button>
      {shown && url && (
        <div id="party-qr-panel" data-testid="party-qr">
          <p>{t('document.partyQrHint')}</p>
          {qr ? (
            <img src={qr} alt={t('document.partyQrAlt')} className="party-qr-img" />
          ) : (
            <p role="status">{t('document.partyQrDrawing')}</p>
          )}
          <p>
            <a href={url} data-testid="party-qr-link">
              {t('document.partyQrLink')}
            </a>
          </p>
        </div>
      )}
    </div>
  );
}
