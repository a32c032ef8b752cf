/**
 * The supervisor's recovery code of an officer's phone (issue 18), on its
 * card: the admin types why, the server audits it and answers the code in
 * force, shown in four groups to read out over a voice call. The code lives
 * in this card's state only.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealedRecoveryCode } from '../../contracts/devices';
import { formatRecoveryCode } from '../../domain/device/recovery-code';
import type { DeviceOf, DevicesView } from '../../services/useAccounts';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice, Notice } from '../../ui/Notice';

const REASON_MIN = 4;

export function RecoveryCodeReveal({ entry, view }: { entry: DeviceOf; view: DevicesView }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [failure, setFailure] = useState<string | null>(null);
  const [shown, setShown] = useState<RevealedRecoveryCode>();
  const { device } = entry;
  const owner = entry.owner?.displayName ?? device.userId;
  const id = `recovery-${device.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < REASON_MIN) return setReasonError(t('recoveryReveal.reasonShort'));
    setReasonError(undefined);
    const r = await view.revealRecoveryCode(device.id, reason.trim());
    if (r.ok) {
      setShown(r.value);
      setAsking(false);
      return setFailure(null);
    }
    if (r.code === 'no_recovery_code') return setFailure(t('recoveryReveal.noCode'));
    if (r.code === 'device_revoked') return setFailure(t('recoveryReveal.revoked'));
    setFailure(t(`admin.failure.${r.failure}`));
  };

  if (device.revokedAt) return null;
  return (
    <>
      {!asking && !shown && (
        <Button
          onClick={() => setAsking(true)}
          aria-label={t('recoveryReveal.openFor', { label: device.label, owner })}
        >
          {t('recoveryReveal.open')}
        </Button>
      )}
      {asking && (
        <form
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label={t('recoveryReveal.openFor', { label: device.label, owner })}
        >
          <p>{t('recoveryReveal.intro')}</p>
          <TextField
            id={`${id}-reason`}
            label={t('recoveryReveal.reason')}
            hint={t('recoveryReveal.reasonHint')}
            value={reason}
            onValue={setReason}
            maxLength={200}
            errors={reasonError}
            autoFocus
          />
          <p className="admin-links">
            <Button type="submit" variant="primary" disabled={view.sending}>
              {t('recoveryReveal.show')}
            </Button>
            <Button onClick={() => setAsking(false)}>{t('recoveryReveal.cancel')}</Button>
          </p>
        </form>
      )}
      <ErrorNotice error={failure} />
      {shown && (
        <Notice as="div" tone="warn" role="group" aria-labelledby={`${id}-title`}>
          <h3 id={`${id}-title`}>{t('recoveryReveal.codeTitle', { owner })}</h3>
          <p className="recovery-code" data-testid="recovery-code">
            {formatRecoveryCode(shown.code)}
          </p>
          <p>{t('recoveryReveal.codeSay')}</p>
        </Notice>
      )}
    </>
  );
}
