import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StorageReport } from '../../platform';
import { countUnsent } from '../../storage';
import { useHomeProvince } from '../../services/home-province';
import { useServices } from '../../services/ServicesContext';
import { useSession } from '../../services/useSession';
import { viewerRole } from '../../services/role-routes';
import { PLATE_PROVINCES } from '../../domain';
import { formatBytes } from '../../ui/format';
import { LanguageChoice } from '../../ui/LanguageChoice';
import { setTheme, storedTheme, THEMES, type Theme } from '../../ui/theme';

// The base-map section loads with its own chunk (idb-keyval, tile settings).
const TileSettings = lazy(() =>
  import('../map/TileSettings').then((m) => ({ default: m.TileSettings })),
);

export function Settings() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const [report, setReport] = useState<StorageReport | null>(null);
  const unsent = useLiveQuery(() => countUnsent(db), [db]);
  const [homeProvince, setHomeProvince] = useHomeProvince();
  const session = useSession();
  // Plates, unsent cases and base maps are the patrol officer's (also signed out, on scene).
  const officer = session !== undefined && viewerRole(session) === 'officer';

  const [theme, chooseTheme] = useState<Theme>(storedTheme);
  const pickTheme = (next: Theme) => {
    setTheme(next);
    chooseTheme(next);
  };

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
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <LanguageChoice />
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
      {officer && (
        <div className="field">
          <label htmlFor="home-province">{t('settings.homeProvince')}</label>
          <select
            id="home-province"
            value={homeProvince}
            aria-describedby="home-province-hint"
            onChange={(e) => setHomeProvince(e.target.value)}
          >
            {[...PLATE_PROVINCES].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <small id="home-province-hint" className="muted">
            {t('settings.homeProvinceHint')}
          </small>
        </div>
      )}
      <h2>{t('settings.storage')}</h2>
      <p data-testid="persist-status" className={report?.persisted ? 'notice ok' : 'notice warn'}>
        {persistText}
      </p>
      {report?.usageBytes != null && report.quotaBytes != null && (
        <p>
          {t('settings.usage', {
            used: formatBytes(report.usageBytes),
            quota: formatBytes(Math.max(0, report.quotaBytes - report.usageBytes)),
          })}
        </p>
      )}
      {officer && unsent && <p>{t('settings.unsent', { cases: unsent.cases })}</p>}
      {officer && (
        <Suspense fallback={null}>
          <TileSettings />
        </Suspense>
      )}
      <p className="muted">{t('settings.version', { version: __APP_VERSION__ })}</p>
    </section>
  );
}
