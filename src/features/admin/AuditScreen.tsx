/**
 * The admin's audit log (`/admin/audit`): the chain's verdict first (intact
 * with its head hash, or the first breaks), then a search by case or subject,
 * user, action and days, its entries newest first with "Older entries" for
 * the next page. Details show ids, hashes and codes only; the keys of text
 * the admin may not read are named, their values never sent.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditQuery, type AuditEvent } from '../../contracts/audit';
import { useAuditSearch, useAuditVerification, type AuditSearch } from '../../services/useAudit';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page, Section } from '../../ui/Page';
import { LoadFailure, Loading } from './shared';
import './admin.css';

function ChainVerdict() {
  const { t } = useTranslation();
  const { verdict, recheck } = useAuditVerification();
  return (
    <Section titleId="audit-chain-title" title={t('accounts.audit.chain')}>
      {verdict.status === 'loading' && <Loading />}
      {verdict.status === 'failed' && <LoadFailure failure={verdict.failure} onRetry={recheck} />}
      {verdict.status === 'ready' && verdict.value.ok && (
        <Notice data-testid="audit-verdict">
          {t('accounts.audit.intact', { count: verdict.value.count })}
          <br />
          <span className="admin-url">
            {t('accounts.audit.headHash', { hash: verdict.value.headHash })}
          </span>
        </Notice>
      )}
      {verdict.status === 'ready' && !verdict.value.ok && (
        <Notice as="div" tone="warn" role="alert" data-testid="audit-verdict">
          <p>
            {t('accounts.audit.broken', {
              count: verdict.value.breaks.length,
              at: verdict.value.breaks[0]?.at,
            })}
          </p>
          <ul>
            {verdict.value.breaks.map((b) => (
              <li key={`${b.at}-${b.reason}`}>
                {t('accounts.audit.breakLine', {
                  at: b.at,
                  reason: t(`accounts.audit.reason.${b.reason}`),
                })}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <Button onClick={recheck}>{t('accounts.audit.recheck')}</Button>
    </Section>
  );
}

type Draft = Required<Pick<AuditQuery, 'subject' | 'actor' | 'action' | 'from' | 'to'>>;
type DraftField = keyof Draft;
const EMPTY: Draft = { subject: '', actor: '', action: '', from: '', to: '' };
const ERROR_KEY: Record<DraftField, string> = {
  subject: 'accounts.error.tooLong',
  actor: 'accounts.error.tooLong',
  action: 'accounts.audit.actionHint',
  from: 'accounts.audit.dateError',
  to: 'accounts.audit.dateError',
};

/** The query the draft makes (empty fields left out), or the fields at fault. */
function checkDraft(draft: Draft): { query: AuditQuery } | { bad: DraftField[] } {
  const filled = Object.fromEntries(
    Object.entries(draft)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
  const parsed = AuditQuery.safeParse(filled);
  if (parsed.success) return { query: parsed.data };
  const keys = parsed.error.issues.map((i) => String(i.path[0]));
  return { bad: (Object.keys(EMPTY) as DraftField[]).filter((k) => keys.includes(k)) };
}

function SearchForm({ search }: { search: AuditSearch }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [bad, setBad] = useState<readonly DraftField[]>([]);
  const field = (key: DraftField, extra: { hint?: string; type?: string } = {}) => (
    <TextField
      id={`audit-${key}`}
      label={t(`accounts.audit.${key}`)}
      autoComplete="off"
      spellCheck={false}
      {...extra}
      value={draft[key]}
      onValue={(v) => setDraft((d) => ({ ...d, [key]: v }))}
      errors={bad.includes(key) ? t(ERROR_KEY[key]) : null}
    />
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDraft(draft);
    setBad('bad' in checked ? checked.bad : []);
    if ('query' in checked) await search.search(checked.query);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="admin-form">
      {field('subject', { hint: t('accounts.audit.subjectHint') })}
      {field('actor', { hint: t('accounts.audit.actorHint') })}
      {field('action', { hint: t('accounts.audit.actionHint') })}
      {field('from', { type: 'date' })}
      {field('to', { type: 'date' })}
      <Button type="submit" variant="primary" block disabled={search.results.status === 'loading'}>
        {search.results.status === 'loading'
          ? t('accounts.audit.searching')
          : t('accounts.audit.submit')}
      </Button>
    </form>
  );
}

function EventCard({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(event.details);
  return (
    <li className="admin-card" data-testid="audit-event">
      <h3>
        #{event.id} {event.action}
      </h3>
      <p>{formatTime(event.at, i18n.language)}</p>
      <p>{t('accounts.audit.by', { actor: event.actorName ?? event.actor })}</p>
      <p className="admin-url">{t('accounts.audit.about', { subject: event.subject })}</p>
      {entries.length > 0 && (
        <dl className="admin-facts">
          {entries.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {event.hidden.length > 0 && (
        <p>{t('accounts.audit.hidden', { keys: event.hidden.join(', ') })}</p>
      )}
    </li>
  );
}

function Results({ search }: { search: AuditSearch }) {
  const { t } = useTranslation();
  const { results } = search;
  if (results.status === 'failed') {
    return <ErrorNotice error={t(`admin.failure.${results.failure}`)} />;
  }
  if (results.status !== 'ready') return null;
  return (
    <Section titleId="audit-found-title" title={t('accounts.audit.found')}>
      <p role="status">{results.events.length === 0 && t('accounts.audit.none')}</p>
      <ul className="admin-cards">
        {results.events.map((e) => (
          <EventCard key={e.id} event={e} />
        ))}
      </ul>
      {results.next && (
        <Button onClick={() => void search.more()} disabled={results.loadingMore}>
          {results.loadingMore ? t('accounts.audit.loadingMore') : t('accounts.audit.more')}
        </Button>
      )}
    </Section>
  );
}

export function AuditScreen() {
  const { t } = useTranslation();
  const search = useAuditSearch();
  return (
    <Page
      titleId="audit-title"
      title={t('accounts.audit.title')}
      back={{ href: '/admin', label: t('admin.back') }}
      data-testid="audit-screen"
    >
      <p>{t('accounts.audit.intro')}</p>
      <ChainVerdict />
      <Section titleId="audit-search-title" title={t('accounts.audit.search')}>
        <SearchForm search={search} />
      </Section>
      <Results search={search} />
    </Page>
  );
}
