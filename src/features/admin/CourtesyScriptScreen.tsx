/**
 * A brigade's courteous script (`/admin/brigades/:id/script`): the words an
 * officer reads around the three notices (三告知、两敬礼) — the greeting, the
 * request to sign, the thanks — in Chinese and English. Officers' phones
 * fetch the saved version when next online and use it offline after that.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourtesyScript } from '../../contracts/field-pack';
import {
  useCourtesyScriptAdmin,
  type CourtesyScriptView,
} from '../../services/useCourtesyScriptAdmin';
import type { AdminFailure } from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import {
  SCRIPT_LANGS,
  SCRIPT_PARTS,
  checkScriptDraft,
  scriptDraftOf,
  type ScriptDraft,
  type ScriptProblem,
} from './script-form';
import { LoadFailure, Loading } from './shared';
import './admin.css';

type Outcome =
  | { kind: 'saved'; version: number }
  | { kind: 'invalid'; problems: Partial<Record<keyof ScriptDraft, ScriptProblem>> }
  | { kind: 'failed'; failure: AdminFailure };

function ScriptForm({ script, view }: { script: CourtesyScript; view: CourtesyScriptView }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ScriptDraft>(() => scriptDraftOf(script));
  const [outcome, setOutcome] = useState<Outcome>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkScriptDraft(draft);
    if (!checked.ok) return setOutcome({ kind: 'invalid', problems: checked.problems });
    const r = await view.save(checked.value);
    if (!r.ok) return setOutcome({ kind: 'failed', failure: r.failure });
    setDraft(scriptDraftOf(r.value));
    setOutcome({ kind: 'saved', version: r.value.version });
  };
  const problem = (key: keyof ScriptDraft) => {
    const p = outcome?.kind === 'invalid' ? outcome.problems[key] : undefined;
    return p
      ? t(`accounts.script.problem.${p}`, { field: t(`accounts.script.field.${key}`) })
      : null;
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="admin-form admin-card">
      <p data-testid="script-version">
        {script.version === 0
          ? t('accounts.script.starter')
          : t('accounts.script.version', { version: script.version })}
      </p>
      {SCRIPT_PARTS.flatMap((part) =>
        SCRIPT_LANGS.map((lang) => {
          const key = `${part}.${lang}` as const;
          return (
            <TextArea
              key={key}
              id={`script-${part}-${lang}`}
              label={t(`accounts.script.field.${key}`)}
              rows={part === 'signRequest' ? 5 : 3}
              value={draft[key]}
              onValue={(v) => {
                setDraft((d) => ({ ...d, [key]: v }));
                setOutcome(undefined);
              }}
              errors={problem(key)}
            />
          );
        }),
      )}
      <ErrorNotice
        error={outcome?.kind === 'failed' ? t(`admin.failure.${outcome.failure}`) : null}
      />
      <p role="status" data-testid="script-saved">
        {outcome?.kind === 'saved' && t('accounts.script.saved', { version: outcome.version })}
      </p>
      <Button type="submit" variant="primary" block disabled={view.saving}>
        {view.saving ? t('admin.brigades.saving') : t('accounts.script.save')}
      </Button>
    </form>
  );
}

export function CourtesyScriptScreen({ brigadeId }: { brigadeId: string }) {
  const { t } = useTranslation();
  const view = useCourtesyScriptAdmin(brigadeId);
  const { script } = view;
  return (
    <Page
      titleId="courtesy-script-title"
      title={t('accounts.script.title')}
      back={{ href: '/admin/brigades', label: t('admin.brigades.settings') }}
    >
      <p>{t('accounts.script.intro')}</p>
      {script.status === 'loading' && <Loading />}
      {script.status === 'failed' && <LoadFailure failure={script.failure} onRetry={view.reload} />}
      {script.status === 'ready' && (
        <ScriptForm key={script.value.version} script={script.value} view={view} />
      )}
    </Page>
  );
}
