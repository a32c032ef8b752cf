/** "The facts are disputed": the case goes to the accident squad, with what is disputed. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disputeFacts, type CaseRecord } from '../../domain';
import { navigate } from '../../ui/router';
import { useStep } from './shared';

export function DisputeForm({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const { run, error } = useStep(c.id);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (reason.trim() === '') {
      setProblem(t('liability.dispute.needsReason'));
      return;
    }
    setProblem(null);
    void run((x, at) => disputeFacts(x, reason, at)).then(
      () => navigate(`/cases/${c.id}`),
      () => undefined,
    );
  };
  return (
    <details className="dispute">
      <summary>{t('liability.dispute.title')}</summary>
      <p className="muted">{t('liability.dispute.intro')}</p>
      <div className="field">
        <label htmlFor="dispute-reason">{t('liability.dispute.reason')}</label>
        <textarea
          id="dispute-reason"
          rows={3}
          value={reason}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'dispute-problem' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {problem && (
          <p id="dispute-problem" className="warn-text" role="alert">
            {problem}
          </p>
        )}
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button block" onClick={submit}>
        {t('liability.dispute.submit')}
      </button>
    </details>
  );
}
