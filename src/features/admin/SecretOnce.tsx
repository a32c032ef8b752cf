/**
 * A secret the server answered this once (on registration or rotation): in
 * a read-only field to select, a copy button, and the words that it will not
 * be shown again. It lives in the screen's state only: leaving the page lets
 * it go.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';

type Copy = 'copied' | 'copyFailed' | undefined;

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export interface SecretOnceProps {
  secret: string;
  /** The field's id; the heading's is `<id>-title`. */
  id: string;
  /** The heading's level where it stands (2 under the page's title, 3 in a section). */
  level: 2 | 3;
}

export function SecretOnce({ secret, id, level }: SecretOnceProps) {
  const { t } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  const [copy, setCopy] = useState<Copy>();
  return (
    <Notice
      as="div"
      tone="warn"
      role="group"
      aria-labelledby={`${id}-title`}
      className="admin-secret"
      data-testid="secret-once"
    >
      <Heading id={`${id}-title`}>{t('admin.secret.title')}</Heading>
      <p id={`${id}-once`}>
        <strong>{t('admin.secret.once')}</strong>
      </p>
      <TextField
        id={id}
        label={t('admin.secret.label')}
        value={secret}
        onValue={() => undefined}
        readOnly
        spellCheck={false}
        autoComplete="off"
        className="admin-secret-field"
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button
        variant="primary"
        onClick={() => void copyText(secret).then((ok) => setCopy(ok ? 'copied' : 'copyFailed'))}
      >
        {t('admin.secret.copy')}
      </Button>
      <p role="status" className="admin-copy-status">
        {copy && t(`admin.secret.${copy}`)}
      </p>
    </Notice>
  );
}
