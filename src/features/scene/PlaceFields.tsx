/** Where the accident is, in words: the place, the road and the km post (new case and case screen). */
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';

export interface Place {
  address: string;
  road: string;
  kmPost: string;
}

export function PlaceFields({
  place,
  onChange,
  withHint,
}: {
  place: Place;
  onChange: (name: keyof Place, value: string) => void;
  /** Says what a place looks like (when it is typed for the first time). */
  withHint?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id="address"
        label={t('newCase.address')}
        hint={withHint ? t('newCase.addressHint') : undefined}
        autoComplete={withHint ? 'off' : undefined}
        value={place.address}
        onValue={(v) => onChange('address', v)}
      />
      <div className="two-col">
        <TextField
          id="road"
          label={t('newCase.road')}
          value={place.road}
          onValue={(v) => onChange('road', v)}
        />
        <TextField
          id="kmPost"
          label={t('newCase.kmPost')}
          value={place.kmPost}
          placeholder={t('newCase.kmPostHint')}
          onValue={(v) => onChange('kmPost', v)}
        />
      </div>
    </>
  );
}
