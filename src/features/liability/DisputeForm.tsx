/** "The facts are disputed": the case goes to the accident squad, with what is disputed. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disputeFacts, type CaseRecord } from '../../domain';
import { navigate } from '../../ui/router';
import { ReasonSubmit } from './ReasonSubmit';
import { useCaseStep } from '../../services/useCaseStep';

export function DisputeForm({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (reason.trim() === '') {
      setProblem(t('liability.dispute.needsReason'));
      return;
    }
    setProblem(null);
    run(
      (x, at) => disputeFacts(x, reason, at),
      () => navigate(`/cases/${c.id}`),
    );
  };
  return (
    <details className="dispute">
      <summary>{t('liability.dispute.title')}</summary>
      <p className="muted">{t('liability.dispute.intro')}</p>
      <ReasonSubmit
        id="dispute-reason"
        label={t('liability.dispute.reason')}
        value={reason}
        problem={problem}
        onChange={setReason}
        error={error}
        submitLabel={t('liability.dispute.submit')}
        onSubmit={submit}
      />
    </details>
  );
}
