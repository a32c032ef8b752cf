/**
 * A brigade's map tile source (`/admin/brigades/:id/tiles`): OpenStreetMap,
 * 天地图 with the brigade's key, or the county's own tile server. Officers'
 * phones fetch it with the field pack and use it unless the officer set his
 * own in Settings. The server refuses a host its pages may not load tiles
 * from (TILE_HOSTS), said on the template field.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_TILE_SETTINGS,
  presetSettings,
  validateTileSettings,
  type BrigadeTileSource,
  type TileSettings,
  type TileSettingsProblem,
} from '../../contracts/tile-source';
import { useTileSourceAdmin, type TileSourceView } from '../../services/useTileSourceAdmin';
import type { AdminFailure } from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import {
  PresetChoice,
  problemsOn,
  TileSourceFields,
  type ProblemField,
} from '../../ui/map/TileSourceFields';
import { ErrorNotice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { LoadFailure, Loading } from './shared';
import './admin.css';

type Outcome =
  | { kind: 'saved'; version: number }
  | { kind: 'invalid'; problems: TileSettingsProblem[] }
  | { kind: 'host' }
  | { kind: 'failed'; failure: AdminFailure };

function useTileSourceForm(current: BrigadeTileSource, view: TileSourceView) {
  const [s, setS] = useState<TileSettings>(current.source ?? DEFAULT_TILE_SETTINGS);
  const [outcome, setOutcome] = useState<Outcome>();
  const edit = (patch: Partial<TileSettings>) => {
    setS((cur) => ({ ...cur, ...patch }));
    setOutcome(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validateTileSettings(s);
    if (problems.length > 0) return setOutcome({ kind: 'invalid', problems });
    const r = await view.save(s);
    if (r.ok) return setOutcome({ kind: 'saved', version: r.value.version });
    if (r.code === 'tile_host_not_allowed') return setOutcome({ kind: 'host' });
    setOutcome({ kind: 'failed', failure: r.failure });
  };
  return { s, outcome, edit, submit };
}

function TileSourceForm({ current, view }: { current: BrigadeTileSource; view: TileSourceView }) {
  const { t } = useTranslation();
  const { s, outcome, edit, submit } = useTileSourceForm(current, view);
  const errorsOf = (field: ProblemField): string[] => {
    if (outcome?.kind === 'host' && field === 'template') return [t('admin.tiles.hostRefused')];
    return outcome?.kind === 'invalid' ? problemsOn(t, outcome.problems, field) : [];
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="admin-form admin-card">
      <p data-testid="tile-source-version">
        {current.source === null
          ? t('admin.tiles.none')
          : t('admin.tiles.version', { version: current.version })}
      </p>
      <PresetChoice
        s={s}
        onChoose={(preset) =>
          edit(preset === 'custom' ? { preset } : presetSettings(preset, s.key))
        }
      />
      <TileSourceFields s={s} edit={edit} errorsOf={errorsOf} />
      <ErrorNotice
        error={outcome?.kind === 'failed' ? t(`admin.failure.${outcome.failure}`) : null}
      />
      <p role="status" data-testid="tile-source-saved">
        {outcome?.kind === 'saved' && t('admin.tiles.saved', { version: outcome.version })}
      </p>
      <Button type="submit" variant="primary" block disabled={view.saving}>
        {view.saving ? t('admin.brigades.saving') : t('admin.tiles.save')}
      </Button>
    </form>
  );
}

export function TileSourceScreen({ brigadeId }: { brigadeId: string }) {
  const { t } = useTranslation();
  const view = useTileSourceAdmin(brigadeId);
  const { source } = view;
  return (
    <Page
      titleId="tile-source-title"
      title={t('admin.tiles.title')}
      back={{ href: '/admin/brigades', label: t('admin.brigades.settings') }}
    >
      <p>{t('admin.tiles.intro')}</p>
      {source.status === 'loading' && <Loading />}
      {source.status === 'failed' && <LoadFailure failure={source.failure} onRetry={view.reload} />}
      {source.status === 'ready' && <TileSourceForm current={source.value} view={view} />}
    </Page>
  );
}
