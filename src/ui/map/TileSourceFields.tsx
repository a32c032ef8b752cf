/**
 * The fields of a map tile source (src/contracts/tile-source.ts): the preset,
 * the URL template, the key where the template takes one, and a custom
 * server's subdomains, attribution and CORS. Used by the officer's Settings
 * and by the admin's brigade tile source; the words are the settings
 * feature's `tileSettings` bundle, which both screens load.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  TILE_PRESETS,
  type TilePreset,
  type TileSettings as Settings,
  type TileSettingsProblem,
} from '../../contracts/tile-source';
import { Check, TextField } from '../Field';

const PRESETS: TilePreset[] = ['osm', 'tianditu-vec', 'custom'];

export type ProblemField = TileSettingsProblem['field'];

/** The problems found on `field`, in words (`tileSettings.problem.*`). */
export function problemsOn(
  t: TFunction,
  problems: readonly TileSettingsProblem[],
  field: ProblemField,
): string[] {
  return problems
    .filter((p) => p.field === field)
    .map((p) =>
      t(`tileSettings.problem.${p.reason}`, {
        field: t(`tileSettings.${p.field}`),
        missing: 'missing' in p ? p.missing.join(' ') : '',
      }),
    );
}

export function PresetChoice({ s, onChoose }: { s: Settings; onChoose: (p: TilePreset) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t('tileSettings.preset')}</legend>
      {PRESETS.map((p) => (
        <label key={p} className="radio">
          <input
            type="radio"
            name="tile-preset"
            value={p}
            checked={s.preset === p}
            onChange={() => onChoose(p)}
          />
          {t(`tileSettings.presets.${p}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The template, the key where the template takes one, and a custom server's details. */
export function TileSourceFields({
  s,
  edit,
  errorsOf,
}: {
  s: Settings;
  edit: (patch: Partial<Settings>) => void;
  errorsOf: (field: ProblemField) => string[];
}) {
  const { t } = useTranslation();
  // Typing a preset's own template keeps the preset; anything else is custom.
  const setTemplate = (template: string) =>
    edit({
      template,
      preset:
        s.preset !== 'custom' && template === TILE_PRESETS[s.preset].template ? s.preset : 'custom',
    });
  return (
    <>
      <TextField
        id="tile-template"
        label={t('tileSettings.template')}
        hint={t('tileSettings.templateHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={s.template}
        errors={errorsOf('template')}
        onValue={setTemplate}
      />
      {(s.template.includes('{tk}') || s.preset === 'tianditu-vec') && (
        <TextField
          id="tile-key"
          label={t('tileSettings.key')}
          hint={t('tileSettings.keyHint')}
          autoComplete="off"
          spellCheck={false}
          value={s.key}
          errors={errorsOf('key')}
          onValue={(key) => edit({ key })}
        />
      )}
      {s.preset === 'custom' && (
        <>
          <TextField
            id="tile-subdomains"
            label={t('tileSettings.subdomains')}
            value={s.subdomains}
            errors={errorsOf('subdomains')}
            onValue={(subdomains) => edit({ subdomains })}
          />
          <TextField
            id="tile-attribution"
            label={t('tileSettings.attribution')}
            value={s.attribution}
            onValue={(attribution) => edit({ attribution })}
          />
          <Check
            className="radio"
            label={t('tileSettings.crossOrigin')}
            checked={s.crossOrigin}
            onCheck={(crossOrigin) => edit({ crossOrigin })}
          />
        </>
      )}
    </>
  );
}
