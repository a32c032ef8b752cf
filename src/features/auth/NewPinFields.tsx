/** A new PIN typed twice: the PIN setting's and the recovery code's last step. */
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';
import { pinInput } from './pin-words';

export interface NewPinFieldsProps {
  /** The fields' ids are `<idPrefix>new-pin` and `<idPrefix>repeat-pin`. */
  idPrefix?: string;
  pin: string;
  again: string;
  onPin(value: string): void;
  onAgain(value: string): void;
}

export function NewPinFields({ idPrefix = '', pin, again, onPin, onAgain }: NewPinFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}new-pin`}
        label={t('vault.newPin')}
        hint={t('vault.pinHint')}
        value={pin}
        onValue={onPin}
        {...pinInput}
      />
      <TextField
        id={`${idPrefix}repeat-pin`}
        label={t('vault.repeatPin')}
        value={again}
        onValue={onAgain}
        {...pinInput}
      />
    </>
  );
}
