/**
 * A remove button that asks first, in place: no browser dialog, so it works
 * the same with a screen reader, a keyboard, and in the browser tests. Focus
 * goes to "cancel" when it asks (the safe choice), and back when cancelled.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';

export function ConfirmRemove({
  action,
  question,
  onConfirm,
}: {
  /** The button's words, naming what it removes. */
  action: string;
  question: string;
  onConfirm(): void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const askRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const hasAsked = useRef(false);

  useEffect(() => {
    if (asking) {
      hasAsked.current = true;
      cancelRef.current?.focus();
    } else if (hasAsked.current) {
      askRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <Button variant="danger" ref={askRef} onClick={() => setAsking(true)}>
        {action}
      </Button>
    );
  }
  return (
    <Notice
      as="div"
      tone="warn"
      role="group"
      aria-labelledby={questionId}
      className="confirm-remove"
    >
      <p id={questionId}>{question}</p>
      <div className="row">
        <Button variant="danger-solid" onClick={onConfirm}>
          {t('parties.confirmRemove')}
        </Button>
        <Button ref={cancelRef} onClick={() => setAsking(false)}>
          {t('parties.cancel')}
        </Button>
      </div>
    </Notice>
  );
}
