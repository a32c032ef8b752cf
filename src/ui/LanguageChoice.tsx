/** The language radios (简体中文 / English): the choice shows at once, the language follows. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from './i18n/setup';

export function LanguageChoice() {
  const { t, i18n } = useTranslation();
  // The choice shows at once; the language follows when its messages have loaded.
  const [chosen, setChosen] = useState<string | null>(null);
  const choose = (lng: Language) => {
    setChosen(lng);
    void changeLanguage(lng).finally(() => setChosen(null));
  };
  return (
    <fieldset className="field">
      <legend>{t('settings.language')}</legend>
      <div className="segmented">
        {LANGUAGES.map((l) => (
          <label key={l.code} className="radio">
            <input
              type="radio"
              name="language"
              value={l.code}
              checked={(chosen ?? i18n.language) === l.code}
              onChange={() => choose(l.code)}
            />
            <span lang={l.code}>{l.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
