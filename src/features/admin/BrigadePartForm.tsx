/**
 * The frame of a form for one part of a brigade's settings (the five-fast
 * targets, the phones' lock): its heading and introduction, its fields (the
 * caller's), and the save button with what the save said — the words under
 * the part's own i18n key. The draft and its checks: useBrigadePartForm.ts.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrigadeSettings } from '../../contracts/admin';
import type { BrigadesView } from '../../services/useBrigades';
import { TextField } from '../../ui/Field';
import { SaveEnd } from './shared';
import { useBrigadePartForm, type BrigadePart } from './useBrigadePartForm';

export interface PartFields<D, E> {
  draft: D;
  edit: (change: Partial<D>) => void;
  /**
   * A whole-number field for each key, its label, hint and problem under the
   * part's words (`field.<key>`, `hint.<key>`, `error.<problem>`, the latter
   * given the field's name and `params(key)`).
   */
  numberFields: <K extends keyof D & keyof E & string>(
    keys: readonly K[],
    params: (key: K) => Record<string, number>,
  ) => ReactNode;
}

export function BrigadePartForm<D, E>({
  brigade,
  view,
  part,
  words,
  name,
  children,
}: {
  brigade: BrigadeSettings;
  view: BrigadesView;
  part: BrigadePart<D, E>;
  /** The part's i18n key: title, intro, field, hint, error, save, saveFor, saving, saved. */
  words: 'targetsAdmin' | 'phoneLockAdmin';
  /** The part's name in ids and test ids (`<name>-form`, `<name>-saved`). */
  name: string;
  children: (fields: PartFields<D, E>) => ReactNode;
}) {
  const { t } = useTranslation();
  const { draft, outcome, edit, submit } = useBrigadePartForm(brigade, view.save, part);
  const id = `${name}-${brigade.id}`;
  const errors: Partial<E> = outcome?.kind === 'invalid' ? outcome.errors : {};
  const numberFields: PartFields<D, E>['numberFields'] = (keys, params) =>
    keys.map((k) => {
      const field = t(`${words}.field.${k}`);
      const error = errors[k];
      return (
        <TextField
          key={k}
          id={`${id}-${k}`}
          label={field}
          hint={t(`${words}.hint.${k}`)}
          inputMode="numeric"
          autoComplete="off"
          value={String(draft[k])}
          onValue={(v) => edit({ [k]: v } as Partial<D>)}
          errors={error ? t(`${words}.error.${String(error)}`, { field, ...params(k) }) : null}
        />
      );
    });
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="admin-form admin-card"
      aria-labelledby={`${id}-title`}
      data-testid={`${name}-form`}
    >
      <h2 id={`${id}-title`}>{t(`${words}.title`, { name: brigade.name })}</h2>
      <p>{t(`${words}.intro`)}</p>
      {children({ draft, edit, numberFields })}
      <SaveEnd
        failure={outcome?.kind === 'failed' ? outcome.failure : undefined}
        saved={outcome?.kind === 'saved' && t(`${words}.saved`, { name: brigade.name })}
        savedTestId={`${name}-saved`}
        saving={view.saving}
        save={t(`${words}.save`)}
        savingText={t(`${words}.saving`)}
        label={`${t(`${words}.save`)}${t(`${words}.saveFor`, { name: brigade.name })}`}
      />
    </form>
  );
}
