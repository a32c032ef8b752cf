/**
 * A rural station's notices and document: the station does not determine
 * liability, so until an officer's remote determination is on the case these
 * addresses show the hand-over; once adopted (src/domain/case/
 * station-determination.ts) the officer's screens for the notices, the
 * signatures and the document.
 */
import type { ComponentType } from 'react';
import { useCase } from '../services/useCase';
import { useShellT } from '../ui/i18n/shell-words';

type CaseScreen = ComponentType<{ id: string }>;

export function stationStep(Determined: CaseScreen, HandedOver: CaseScreen): CaseScreen {
  return function StationStep({ id }: { id: string }) {
    const { t } = useShellT();
    const result = useCase(id);
    if (result === undefined) return <p role="status">{t('app.loading')}</p>;
    const determined = result.found && result.value.liability?.remote !== undefined;
    return determined ? <Determined id={id} /> : <HandedOver id={id} />;
  };
}
