/**
 * Correcting a signed determination: an explicit amendment with a written
 * reason (determination.ts `openAmendment`). The old determination and its
 * signatures are kept, marked superseded; new notices and signatures follow.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAmend, openAmendment, type CaseRecord } from '../../domain';
import { ReasonSubmit } from './ReasonSubmit';
import { useCaseStep } from '../../services/useCaseStep';
import { ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

export function AmendForm({ c, hash }: { c: CaseRecord; hash: string | null }) {
  const { t } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!canAmend(c)) return null;
  const submit = () => {
    if (reason.trim() === '') {
      setProblem(t('amendment.needsReason'));
      return;
    }
    if (hash === null) return;
    setProblem(null);
    run((x, at) => openAmendment(x, { reason, supersededSha256: hash }, at));
  };
  return (
    <details className="dispute" id="amend" open={location.hash === '#amend'}>
      <summary>{t('amendment.title')}</summary>
      <p className="muted">{t('amendment.intro')}</p>
      <ReasonSubmit
        id="amend-reason"
        label={t('amendment.reason')}
        value={reason}
        problem={problem}
        onChange={setReason}
        error={error}
        submitLabel={t('amendment.submit')}
        onSubmit={submit}
      />
    </details>
  );
}

/** While a correction is open and nobody has signed again: what to do next. */
export function AmendmentInProgress({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const amendment = c.liability?.amendments?.at(-1);
  if (!amendment || c.state !== 'liability-proposed' || c.liability?.signatures.length) return null;
  return (
    <Notice as="div" tone="warn" role="status" data-testid="amendment-in-progress">
      <p>{t('amendment.inProgress', { reason: amendment.reason })}</p>
      <ButtonLink href={`/cases/${c.id}/parties`} block>
        {t('amendment.toParties')}
      </ButtonLink>
      <ButtonLink href={`/cases/${c.id}/liability`} block>
        {t('amendment.toLiability')}
      </ButtonLink>
    </Notice>
  );
}
