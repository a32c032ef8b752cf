/**
 * A sealed export file (issue 18) that nothing on this phone could open: it
 * asks for the PIN of the officer who exported it (his own escrow key opens
 * it without one when he is signed in here online). Works offline.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

/** A picked file, read, waiting for its PIN. */
export type PendingFile = { name: string; text: string };

export function SealedImportForm({
  file,
  busy,
  onPin,
  onCancel,
}: {
  file: PendingFile;
  busy: boolean;
  onPin: (pin: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPin(pin);
    setPin('');
  };
  return (
    <form
      className="sealed-import"
      onSubmit={submit}
      noValidate
      aria-labelledby="sealed-import-title"
      data-testid="sealed-import"
    >
      <p id="sealed-import-title">{t('outbox.exchange.sealed.intro', { file: file.name })}</p>
      <TextField
        id="sealed-import-pin"
        label={t('outbox.exchange.sealed.pin')}
        hint={t('outbox.exchange.sealed.pinHint')}
        value={pin}
        onValue={setPin}
        type="password"
        inputMode="numeric"
        autoComplete="off"
      />
      <Button type="submit" variant="primary" block disabled={busy || pin === ''}>
        {busy ? t('outbox.exchange.importing') : t('outbox.exchange.sealed.open')}
      </Button>
      <Button block onClick={onCancel} disabled={busy}>
        {t('outbox.exchange.sealed.cancel')}
      </Button>
    </form>
  );
}
