/**
 * Settings (`/settings`), for every role: language, day or night, what the
 * phone keeps; for the patrol officer also the plate province, the unsent
 * count and the base map.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATE_PROVINCES } from '../../domain';
import type { StorageReport } from '../../platform';
import { useHomeProvince } from '../../services/home-province';
import { viewerRole } from '../../services/role-routes';
import { useServices } from '../../services/ServicesContext';
import { useSession } from '../../services/useSession';
import { useUnsentCount } from '../../services/useSyncStatus';
import { useVaultView } from '../../services/useVaultView';
import { capturesCases } from '../../domain/case/station-role';
import { lockPolicyOf } from '../../domain/device/lock';
import type { PhoneLock } from '../../contracts/auth';
import { ButtonLink } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { formatBytes } from '../../ui/format';
import { LanguageChoice } from '../../ui/LanguageChoice';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { setTheme, storedTheme, THEMES, type Theme } from '../../ui/theme';

// The base-map section loads with its own chunk (device settings, tile settings).
const TileSettings = lazy(() =>
  import('./TileSettings').then((m) => ({ default: m.TileSettings })),
);

export function Settings() {
  const { t } = useTranslation();
  const session = useSession();
  // Plates, unsent cases and base maps are the patrol officer's (also signed out, on scene).
  const officer = session !== undefined && viewerRole(session) === 'officer';
  return (
    <Page titleId="settings-title" title={t('settings.title')}>
      <LanguageChoice />
      <ThemeChoice />
      {officer && <HomeProvince />}
      <StorageFacts officer={officer} />
      {session && session.kind !== 'signed-out' && capturesCases(session.session.user.role) && (
        <Encryption lock={session.session.phoneLock} />
      )}
      {officer && (
        <Suspense fallback={null}>
          <TileSettings />
        </Suspense>
      )}
      <p className="muted">{t('settings.version', { version: __APP_VERSION__ })}</p>
    </Page>
  );
}

/**
 * Encryption at rest: set the officer's PIN (the phone seals from then on),
 * or change it; and his brigade's lock settings, as his sign-in gave them or a pull renewed them.
 */
function Encryption({ lock }: { lock: PhoneLock | undefined }) {
  const { t } = useTranslation();
  const view = useVaultView();
  const minutes = lockPolicyOf(lock).idleMinutes;
  return (
    <>
      <h2>{t('settings.encryption')}</h2>
      <p data-testid="encryption-status">
        {view.sealing ? t('settings.encryptionOn', { minutes }) : t('settings.encryptionOff')}
      </p>
      {lock && (
        <p data-testid="lock-policy">
          {t('settings.lockPolicy', {
            minutes: lock.idleMinutes,
            hours: lock.offlineLimitHours,
            pin: t(lock.pinRequired ? 'settings.pinRequired' : 'settings.pinOptional'),
          })}
        </p>
      )}
      <ButtonLink href="/pin">
        {view.openFor ? t('settings.changePin') : t('settings.setPin')}
      </ButtonLink>
    </>
  );
}

function ThemeChoice() {
  const { t } = useTranslation();
  const [theme, chooseTheme] = useState<Theme>(storedTheme);
  const pickTheme = (next: Theme) => {
    setTheme(next);
    chooseTheme(next);
  };
  return (
    <fieldset className="field">
      <legend>{t('settings.theme')}</legend>
      <div className="segmented">
        {THEMES.map((th) => (
          <label key={th} className="radio">
            <input
              type="radio"
              name="theme"
              value={th}
              checked={theme === th}
              onChange={() => pickTheme(th)}
            />
            {t(`settings.themes.${th}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function HomeProvince() {
  const { t } = useTranslation();
  const [homeProvince, setHomeProvince] = useHomeProvince();
  return (
    <SelectField
      id="home-province"
      label={t('settings.homeProvince')}
      hint={t('settings.homeProvinceHint')}
      value={homeProvince}
      options={[...PLATE_PROVINCES].map((p) => ({ value: p, label: p }))}
      onValue={setHomeProvince}
    />
  );
}

/** Whether the phone keeps the data, how much room is left, and (for the officer) what is unsent. */
function StorageFacts({ officer }: { officer: boolean }) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const [report, setReport] = useState<StorageReport | null>(null);
  const unsent = useUnsentCount();
  useEffect(() => {
    void platform.storage.report().then(setReport);
  }, [platform]);

  const persistText =
    report === null
      ? t('app.loading')
      : report.persisted === null
        ? t('settings.persistUnknown')
        : report.persisted
          ? t('settings.persisted')
          : t('settings.notPersisted');
  return (
    <>
      <h2>{t('settings.storage')}</h2>
      <Notice tone={report?.persisted ? 'ok' : 'warn'} data-testid="persist-status">
        {persistText}
      </Notice>
      {report?.usageBytes != null && report.quotaBytes != null && (
        <p>
          {t('settings.usage', {
            used: formatBytes(report.usageBytes),
            quota: formatBytes(Math.max(0, report.quotaBytes - report.usageBytes)),
          })}
        </p>
      )}
      {officer && unsent && <p>{t('settings.unsent', { cases: unsent.cases })}</p>}
    </>
  );
}
