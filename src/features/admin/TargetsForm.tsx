/**
 * A brigade's five-fast targets on its settings screen: one field per fast in
 * whole minutes, each checked before anything is sent and its problem said on
 * it; saved on their own (only the targets are sent, the call-back settings
 * above are left as they are), the answer said in a polite status or an alert.
 */
import type { BrigadeSettings } from '../../contracts/admin';
import { FIVE_FASTS } from '../../domain/metrics/five-fast';
import { FIVE_FAST_TARGET_MAX } from '../../domain/metrics/targets';
import type { BrigadesView } from '../../services/useBrigades';
import {
  checkTargetsDraft,
  targetsDraftOf,
  type TargetsDraft,
  type TargetsErrors,
} from './targets-form';
import { BrigadePartForm } from './BrigadePartForm';
import type { BrigadePart } from './useBrigadePartForm';

const TARGETS: BrigadePart<TargetsDraft, TargetsErrors> = {
  draftOf: (b) => targetsDraftOf(b.targets),
  check: (draft) => {
    const checked = checkTargetsDraft(draft);
    return checked.ok ? { ok: true, request: { targets: checked.value } } : checked;
  },
};

export function TargetsForm({ brigade, view }: { brigade: BrigadeSettings; view: BrigadesView }) {
  return (
    <BrigadePartForm
      brigade={brigade}
      view={view}
      part={TARGETS}
      words="targetsAdmin"
      name="targets"
    >
      {({ numberFields }) => numberFields(FIVE_FASTS, (k) => ({ max: FIVE_FAST_TARGET_MAX[k] }))}
    </BrigadePartForm>
  );
}
