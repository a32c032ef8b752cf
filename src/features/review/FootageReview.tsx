/**
 * The case view's roadside video for the accident squad: the brigade's units
 * near the case (its field pack, read from the server), requests made from
 * here, and the answer to each open one — retrieved with the video's file or
 * reference, or unavailable with why (each checked before it is sent, the
 * message naming the field).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootageRequest, FootageResolution } from '../../contracts/video';
import type { CaseRecord } from '../../domain';
import { useDeskVideoPack, type FootageView } from '../../services/useFootage';
import { useFootagePart } from '../../services/useFootagePart';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Notice';
import { FootagePart } from '../../ui/Footage';

export function FootageReview({ record }: { record: CaseRecord }) {
  const pack = useDeskVideoPack();
  const { props, view } = useFootagePart(record, pack);
  return <FootagePart {...props} answer={(r) => <AnswerForm request={r} view={view} />} />;
}

type Kind = FootageResolution['status'];

function AnswerForm({ request, view }: { request: FootageRequest; view: FootageView }) {
  const { t } = useTranslation();
  const [text, setText] = useState<Record<Kind, string>>({ retrieved: '', unavailable: '' });
  const [blank, setBlank] = useState<Kind>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async (kind: Kind, e: FormEvent) => {
    e.preventDefault();
    const value = text[kind].trim();
    if (!value) return setBlank(kind);
    setBlank(undefined);
    setBusy(true);
    const answer: FootageResolution =
      kind === 'retrieved' ? { status: kind, reference: value } : { status: kind, note: value };
    const r = await view.resolve(request.id, answer);
    setBusy(false);
    setFailure(r.ok ? undefined : r.failure);
  };
  const field = (kind: Kind) => {
    const id = `footage-${kind}-${request.id}`;
    const label = t(`footage.answer.${kind}Field`);
    return (
      <form onSubmit={(e) => void send(kind, e)} noValidate className="footage-answer">
        <TextField
          id={id}
          label={label}
          value={text[kind]}
          onValue={(v) => setText((was) => ({ ...was, [kind]: v }))}
          errors={blank === kind ? t('footage.answer.required', { field: label }) : null}
        />
        <Button type="submit" disabled={busy}>
          {t(`footage.answer.${kind}`)}
        </Button>
      </form>
    );
  };
  return (
    <div role="group" aria-label={t('footage.answer.label', { name: request.unit.name })}>
      {field('retrieved')}
      {field('unavailable')}
      <ErrorNotice error={failure ? t(`footage.failure.${failure}`) : null} />
    </div>
  );
}
