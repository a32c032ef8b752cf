/**
 * A brigade's lock settings for its officers' phones on its settings screen
 * (issue 18): the idle minutes before the app locks, the hours without the
 * server after which a phone opens no new case, and whether an officer must
 * set a PIN before using the app. Each number is checked before anything is
 * sent, its problem said on its field; saved on their own (only the lock is
 * sent); a phone takes them at its officer's next sign-in, as the form says.
 */
import { useTranslation } from 'react-i18next';
import type { BrigadeSettings } from '../../contracts/admin';
import { IDLE_MINUTES_RANGE, OFFLINE_LIMIT_HOURS_RANGE } from '../../domain/device/lock';
import type { BrigadesView } from '../../services/useBrigades';
import { Check } from '../../ui/Field';
import {
  checkPhoneLockDraft,
  phoneLockDraftOf,
  type PhoneLockDraft,
  type PhoneLockErrors,
} from './phone-lock-form';
import { BrigadePartForm } from './BrigadePartForm';
import type { BrigadePart } from './useBrigadePartForm';

const PHONE_LOCK: BrigadePart<PhoneLockDraft, PhoneLockErrors> = {
  draftOf: (b) => phoneLockDraftOf(b.phoneLock),
  check: (draft) => {
    const checked = checkPhoneLockDraft(draft);
    return checked.ok ? { ok: true, request: { phoneLock: checked.value } } : checked;
  },
};

const RANGES = { idleMinutes: IDLE_MINUTES_RANGE, offlineLimitHours: OFFLINE_LIMIT_HOURS_RANGE };

export function PhoneLockForm({ brigade, view }: { brigade: BrigadeSettings; view: BrigadesView }) {
  const { t } = useTranslation();
  return (
    <BrigadePartForm
      brigade={brigade}
      view={view}
      part={PHONE_LOCK}
      words="phoneLockAdmin"
      name="phone-lock"
    >
      {({ draft, edit, numberFields }) => (
        <>
          {numberFields(['idleMinutes', 'offlineLimitHours'], (k) => RANGES[k])}
          <Check
            label={t('phoneLockAdmin.pinRequired')}
            checked={draft.pinRequired}
            onCheck={(pinRequired) => edit({ pinRequired })}
          />
        </>
      )}
    </BrigadePartForm>
  );
}
