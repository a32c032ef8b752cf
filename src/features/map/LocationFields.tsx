/** The location's fields beside the map: "use my position", coordinates, road and km post. */
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import type { LocationEdit } from './useLocationEdit';

export function LocationFields({ edit, editable }: { edit: LocationEdit; editable: boolean }) {
  const { t } = useTranslation();
  const { locating, coords } = edit;
  // One message for the pair, under the second: a coordinate alone is not wrong, the point is.
  const coordsErrors = edit.coordsInvalid ? [t('map.coordsInvalid')] : [];
  const shared = { id: 'longitude', invalid: edit.coordsInvalid };
  return (
    <fieldset disabled={!editable} className="plain">
      <Button block onClick={() => void edit.locate()} disabled={locating === 'locating'}>
        {locating === 'locating' ? t('map.locating') : t('map.useMyPosition')}
      </Button>
      {locating !== 'idle' && locating !== 'locating' && (
        <Notice tone="warn" role="alert">
          {t(`map.locateFailed.${locating}`)}
        </Notice>
      )}
      <div className="two-col">
        <TextField
          id="latitude"
          label={t('map.latitude')}
          inputMode="decimal"
          autoComplete="off"
          value={coords.lat}
          sharedErrors={shared}
          onValue={edit.changeCoord('lat')}
        />
        <TextField
          id="longitude"
          label={t('map.longitude')}
          inputMode="decimal"
          autoComplete="off"
          value={coords.lng}
          errors={coordsErrors}
          onValue={edit.changeCoord('lng')}
        />
      </div>
      <div className="two-col">
        <TextField
          id="road"
          label={t('map.road')}
          value={edit.road}
          onValue={edit.changeText('road')}
        />
        <TextField
          id="kmPost"
          label={t('map.kmPost')}
          value={edit.kmPost}
          placeholder={t('map.kmPostHint')}
          onValue={edit.changeText('kmPost')}
        />
      </div>
    </fieldset>
  );
}
