/**
 * The accident squad amended the case's liability, on the case screen, read
 * from the phone alone (it works offline): the squad's determination vehicle
 * by vehicle, its reason, and that the parties are to be told again and sign
 * again. One button adopts it (the domain's `applySquadAmendment`: a signed
 * determination is kept as superseded) and leads to the notices; once
 * adopted, the notice says when and leads there again, never offering it twice.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applySquadAmendment,
  determinationBytes,
  isSealed,
  squadAmendmentAppliedAt,
  type CaseRecord,
  type SquadDetermination,
  type SquadWord,
} from '../../domain';
import { sha256Hex } from '../../platform/hash/sha256';
import { useCaseStep } from '../../services/useCaseStep';
import { Button, ButtonLink } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';

export function AmendedNotice({ c, word }: { c: CaseRecord; word: SquadWord }) {
  const amendment = word.amendment;
  const appliedAt = amendment && squadAmendmentAppliedAt(c, amendment, word.receivedAt);
  return (
    <AmendedWord c={c} word={word} appliedAt={appliedAt}>
      {amendment && !appliedAt && <Adopt c={c} amendment={amendment} />}
    </AmendedWord>
  );
}

/** What the squad decided and why; `children` is the way to adopt it while it waits. */
export function AmendedWord({
  c,
  word,
  appliedAt,
  children,
}: {
  c: CaseRecord;
  word: SquadWord;
  appliedAt: string | undefined;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const amendment = word.amendment;
  const reason = amendment?.reason ?? word.note;
  return (
    <Notice
      as="div"
      tone={appliedAt ? undefined : 'warn'}
      data-testid="amended-notice"
      data-applied={appliedAt ? 'true' : 'false'}
    >
      <h2>{t('squad.amended.title')}</h2>
      {reason && <p>{t('squad.amended.reason', { reason })}</p>}
      {amendment ? (
        <SquadLiability c={c} amendment={amendment} />
      ) : (
        <p>{t('squad.amended.noDetermination')}</p>
      )}
      {appliedAt ? (
        <>
          <p role="status" data-testid="amendment-applied">
            {t('squad.amended.applied', { time: formatTime(appliedAt, i18n.language) })}
          </p>
          {c.state === 'liability-proposed' && (
            <ButtonLink href={`/cases/${c.id}/notices`} variant="primary" block>
              {t('squad.amended.toNotices')}
            </ButtonLink>
          )}
        </>
      ) : (
        <p id="amend-resign">{t('squad.amended.resign')}</p>
      )}
      {children}
    </Notice>
  );
}

/** The squad's liability, vehicle by vehicle (label and plate). */
function SquadLiability({ c, amendment }: { c: CaseRecord; amendment: SquadDetermination }) {
  const { t } = useTranslation();
  const plate = (label: string) => c.vehicles.find((v) => v.label === label)?.plate ?? '—';
  return (
    <>
      <h3>{t('squad.amended.determination')}</h3>
      <ul data-testid="squad-liability">
        {Object.entries(amendment.liability)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([label, level]) => (
            <li key={label} data-vehicle={label} data-level={level}>
              {t('squad.amended.line', {
                label,
                plate: plate(label),
                level: t(`squad.amended.level.${level}`),
              })}
            </li>
          ))}
      </ul>
    </>
  );
}

/**
 * The one button: the squad's determination becomes the case's (a signed
 * one superseded, bound to the SHA-256 of the determination shown), then on
 * to the notices.
 */
function Adopt({ c, amendment }: { c: CaseRecord; amendment: SquadDetermination }) {
  const { t } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  const adopt = async () => {
    const supersededSha256 = isSealed(c)
      ? await sha256Hex(determinationBytes(c) as Uint8Array<ArrayBuffer>)
      : undefined;
    run(
      (x, at) =>
        applySquadAmendment(x, amendment, supersededSha256 ? { supersededSha256 } : {}, at),
      () => navigate(`/cases/${c.id}/notices`),
    );
  };
  return (
    <>
      <Button variant="primary" block aria-describedby="amend-resign" onClick={() => void adopt()}>
        {t('squad.amended.apply')}
      </Button>
      <ErrorNotice error={error} />
    </>
  );
}
