/**
 * Adding an insurer company (`/admin/insurers/new`): its full name and the
 * short code the parties' policies name it by, each problem said on its
 * field (a code another insurer has included). Once added, the way to
 * register its delivery address and back to the admin's home.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Insurer } from '../../contracts/auth';
import { useOnce, type AdminFailure } from '../../services/useWebhooks';
import { Button, ButtonLink } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { newEndpointHref } from './admin-format';
import {
  checkInsurerDraft,
  EMPTY_INSURER,
  insurerRefusal,
  type InsurerDraft,
  type InsurerProblems,
} from './insurer-form';
import './admin.css';

function useNewInsurer() {
  const { once, sending } = useOnce();
  const [draft, setDraft] = useState<InsurerDraft>(EMPTY_INSURER);
  const [problems, setProblems] = useState<InsurerProblems>({});
  const [failure, setFailure] = useState<AdminFailure>();
  const [created, setCreated] = useState<Insurer>();
  const edit = (change: Partial<InsurerDraft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkInsurerDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setFailure(undefined);
      return;
    }
    const r = await once((api, t) => api.createInsurer(t, checked.value));
    if (r.ok) return setCreated(r.value);
    const onField = insurerRefusal(r.code);
    setProblems(onField ?? {});
    setFailure(onField ? undefined : r.failure);
  };
  return { draft, problems, failure, created, sending, edit, submit };
}

function Added({ insurer }: { insurer: Insurer }) {
  const { t } = useTranslation();
  return (
    <>
      <Notice tone="ok" role="status">
        {t('admin.insurerForm.done', { name: insurer.name, code: insurer.code })}
      </Notice>
      <ButtonLink href={newEndpointHref(insurer.id)} block>
        {t('admin.delivery.registerFor', { insurer: insurer.name })}
      </ButtonLink>
      <ButtonLink href="/admin" block>
        {t('admin.back')}
      </ButtonLink>
    </>
  );
}

export function NewInsurer() {
  const { t } = useTranslation();
  const { draft, problems, failure, created, sending, edit, submit } = useNewInsurer();
  const fieldError = (key: string | undefined) =>
    key ? t(`admin.insurerForm.error.${key}`) : null;
  return (
    <Page
      titleId="new-insurer-title"
      title={t('admin.insurerForm.title')}
      back={{ href: '/admin', label: t('admin.back') }}
      data-testid="new-insurer-screen"
    >
      {created ? (
        <Added insurer={created} />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="admin-form">
          <TextField
            id="insurer-name"
            label={t('admin.insurerForm.name')}
            hint={t('admin.insurerForm.nameHint')}
            autoComplete="organization"
            value={draft.name}
            onValue={(name) => edit({ name })}
            errors={fieldError(problems.name)}
          />
          <TextField
            id="insurer-code"
            label={t('admin.insurerForm.code')}
            hint={t('admin.insurerForm.codeHint')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={draft.code}
            onValue={(code) => edit({ code })}
            errors={fieldError(problems.code)}
          />
          <ErrorNotice error={failure && t(`admin.failure.${failure}`)} />
          <Button type="submit" variant="primary" block disabled={sending}>
            {sending ? t('admin.insurerForm.submitting') : t('admin.insurerForm.submit')}
          </Button>
        </form>
      )}
    </Page>
  );
}
