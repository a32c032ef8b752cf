/**
 * A photo's name from its slot (src/domain/evidence/required-shots.ts):
 * the scene shots, a vehicle's plate or damaged part, a driver's document,
 * a damaged object; anything else is an extra photo.
 */
import { useTranslation } from 'react-i18next';
import type { InsurerCaseView } from '../../contracts/claims';
import { damagedPartLabel } from '../../domain/evidence/damaged-part';

const SCENE = new Set(['scene-behind', 'scene-front', 'collision-point']);
const DOCUMENTS = new Set(['driving-licence', 'vehicle-licence', 'insurance']);

export function usePhotoTitle(view: InsurerCaseView): (slot: string) => string {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (slot) => {
    if (SCENE.has(slot)) return t(`insurer.slot.${slot}`);
    const [kind, id = '', rest = ''] = slot.split(':');
    const vehicle = view.vehicles.find((v) => v.id === id);
    const party = view.parties.find((p) => p.id === id);
    if (kind === 'vehicle' && vehicle) return t('insurer.slot.plate', { plate: vehicle.plate });
    if (kind === 'damage' && vehicle) {
      const label = damagedPartLabel(safeDecode(rest));
      return t('insurer.slot.damage', { plate: vehicle.plate, part: en ? label.en : label.zh });
    }
    if (kind === 'party' && party && DOCUMENTS.has(rest)) {
      return t('insurer.slot.document', { name: party.name, document: t(`insurer.slot.${rest}`) });
    }
    if (kind === 'object') return t('insurer.slot.object');
    return t('insurer.slot.extra');
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
