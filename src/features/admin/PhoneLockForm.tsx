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
import { Check, TextField } from '../../ui/Field';
import {
  checkPhoneLockDraft,
  phoneLockDraftOf,
  type PhoneLockDraft,
  type PhoneLockErrors,
} from './phone-lock-form';
import { SaveEnd } from './shared';
import { useBrigadePartForm, type BrigadePart } from './useBrigadePartForm';

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
  const { draft, outcome, edit, submit } = useBrigadePartForm(brigade, view.save, PHONE_LOCK);
  const id = `phone-lock-${brigade.id}`;
  const errors = outcome?.kind === 'invalid' ? outcome.errors : {};
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="admin-form admin-card"
      aria-labelledby={`${id}-title`}
      data-testid="phone-lock-form"
    >
      <h2 id={`${id}-title`}>{t('phoneLockAdmin.title', { name: brigade.name })}</h2>
      <p>{t('phoneLockAdmin.intro')}</p>
      {(['idleMinutes', 'offlineLimitHours'] as const).map((k) => {
        const field = t(`phoneLockAdmin.field.${k}`);
        const error = errors[k];
        return (
          <TextField
            key={k}
            id={`${id}-${k}`}
            label={field}
            hint={t(`phoneLockAdmin.hint.${k}`)}
            inputMode="numeric"
            autoComplete="off"
            value={draft[k]}
            onValue={(v) => edit({ [k]: v })}
            errors={error ? t(`phoneLockAdmin.error.${error}`, { field, ...RANGES[k] }) : null}
          />
        );
      })}
      <Check
        label={t('phoneLockAdmin.pinRequired')}
        checked={draft.pinRequired}
        onCheck={(pinRequired) => edit({ pinRequired })}
      />
      <SaveEnd
        failure={outcome?.kind === 'failed' ? outcome.failure : undefined}
        saved={outcome?.kind === 'saved' && t('phoneLockAdmin.saved', { name: brigade.name })}
        savedTestId="phone-lock-saved"
        saving={view.saving}
        save={t('phoneLockAdmin.save')}
        savingText={t('phoneLockAdmin.saving')}
        label={`${t('phoneLockAdmin.save')}${t('targetsAdmin.saveFor', { name: brigade.name })}`}
      />
    </form>
  );
}
