/**
 * Registering an insurer's endpoint (`/admin/insurers/:id/endpoints/new`):
 * its address, checked before it is sent and named in the message of every
 * refusal (the server's `endpoint_refused` included), a description, and
 * whether a private address is allowed, with the risk in words. Once
 * registered, the secret is shown this once.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndpointWithSecret } from '../../contracts/webhooks';
import { useInsurer, useWebhookActions, type AdminFailure } from '../../services/useWebhooks';
import { Button, ButtonLink } from '../../ui/Button';
import { Check, TextField } from '../../ui/Field';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { endpointHref } from './admin-format';
import { checkDraft, EMPTY_DRAFT, type DraftErrors, type EndpointDraft } from './endpoint-form';
import { SecretOnce } from './SecretOnce';
import './admin.css';

interface FormState {
  draft: EndpointDraft;
  /** Shown after a submit: what is wrong, by field (message keys). */
  errors: Omit<DraftErrors, 'url'> & { url?: DraftErrors['url'] | 'urlRefused' };
  failure: AdminFailure | undefined;
}

function Registered({ created }: { created: EndpointWithSecret }) {
  const { t } = useTranslation();
  return (
    <>
      <Notice tone="ok" role="status">
        {t('admin.form.done', { url: created.endpoint.url })}
      </Notice>
      <SecretOnce secret={created.secret} id="new-endpoint-secret" level={2} />
      <ButtonLink href={endpointHref(created.endpoint)} block>
        {t('admin.form.view')}
      </ButtonLink>
      <ButtonLink href="/admin" block>
        {t('admin.back')}
      </ButtonLink>
    </>
  );
}

function useRegister(insurerId: string) {
  const actions = useWebhookActions();
  const [form, setForm] = useState<FormState>({
    draft: EMPTY_DRAFT,
    errors: {},
    failure: undefined,
  });
  const [created, setCreated] = useState<EndpointWithSecret>();
  const edit = (change: Partial<EndpointDraft>) =>
    setForm((f) => ({ ...f, draft: { ...f.draft, ...change } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDraft(form.draft);
    if (!checked.ok) {
      setForm((f) => ({ ...f, errors: checked.errors, failure: undefined }));
      return;
    }
    const r = await actions.createEndpoint(insurerId, checked.value);
    if (r.ok) setCreated(r.value);
    else if (r.failure === 'refused') {
      setForm((f) => ({ ...f, errors: { url: 'urlRefused' }, failure: undefined }));
    } else setForm((f) => ({ ...f, errors: {}, failure: r.failure }));
  };
  return { form, created, edit, submit, sending: actions.sending };
}

function EndpointForm({ insurerId }: { insurerId: string }) {
  const { t } = useTranslation();
  const { form, created, edit, submit, sending } = useRegister(insurerId);
  if (created) return <Registered created={created} />;
  const { draft, errors } = form;
  const fieldError = (key: string | undefined) => key && t(`admin.form.error.${key}`);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="admin-form">
      <TextField
        id="endpoint-url"
        label={t('admin.form.url')}
        hint={t('admin.form.urlHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={draft.url}
        onValue={(url) => edit({ url })}
        errors={fieldError(errors.url) || null}
        urgent
      />
      <TextField
        id="endpoint-description"
        label={t('admin.form.description')}
        hint={t('admin.form.descriptionHint')}
        value={draft.description}
        onValue={(description) => edit({ description })}
        errors={fieldError(errors.description) || null}
        urgent
      />
      <Check
        label={t('admin.form.allowPrivate')}
        checked={draft.allowPrivate}
        onCheck={(allowPrivate) => edit({ allowPrivate })}
        aria-describedby="endpoint-private-warning"
      />
      <Notice tone="warn" id="endpoint-private-warning">
        {t('admin.form.privateWarning')}
      </Notice>
      <ErrorNotice error={form.failure && t(`admin.failure.${form.failure}`)} />
      <Button type="submit" variant="primary" block disabled={sending}>
        {sending ? t('admin.form.submitting') : t('admin.form.submit')}
      </Button>
    </form>
  );
}

export function NewEndpoint({ insurerId }: { insurerId: string }) {
  const { t } = useTranslation();
  const insurer = useInsurer(insurerId);
  return (
    <Page
      titleId="new-endpoint-title"
      title={t('admin.form.title')}
      back={{ href: '/admin', label: t('admin.back') }}
    >
      {insurer.status === 'ready' && <p>{t('admin.form.insurer', { name: insurer.value.name })}</p>}
      {insurer.status === 'failed' && insurer.failure === 'not-found' ? (
        <Notice tone="warn">{t('admin.failure.not-found')}</Notice>
      ) : (
        <EndpointForm insurerId={insurerId} />
      )}
    </Page>
  );
}
