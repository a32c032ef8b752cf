/**
 * Evidence (`/cases/:id/evidence`): the required shots one by one with the
 * in-page camera (or the file picker), extra photos, and, once complete, the
 * confirmation that the scene is cleared.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  awaitsOfficer,
  enteredAt,
  evidenceStatus,
  formatPlate,
  isOnScene,
  transitionCase,
  validatePlate,
  type CaseRecord,
  type PhotoMeta,
  type RequiredShot,
} from '../../domain';
import { useCase, useCaseReview, usePhotos } from '../../services/useCase';
import { useCaseStep } from '../../services/useCaseStep';
import { useViewerRole } from '../../services/useSession';
import { Button, ButtonLink } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { hashParam } from '../../ui/hash-param';
import { navigate } from '../../ui/router';
import { Camera } from './Camera';
import { ShotHint } from './ShotHint';
import { Thumb } from './Thumb';
import { usePhotoCapture } from './usePhotoCapture';
import './evidence.css';

type Lang = 'zh' | 'en';
const EXTRA_SLOT = 'extra';

export function EvidenceScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  const photos = usePhotos(id);
  if (result === undefined || photos === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <Evidence c={result.value} photos={photos} />;
}

/**
 * The camera's slot: moves on to the next missing shot at each tap, while
 * the photo is processed meanwhile; extra photos keep the camera on "extra".
 */
function useShooting(c: CaseRecord, missing: readonly RequiredShot[]) {
  const { capture, inFlight, lastError } = usePhotoCapture(c);
  const [shooting, setShooting] = useState<string | null>(null);
  // Slots shot in this visit, so the camera moves on while photos are still processing.
  const shotHere = useRef(new Set<string>());
  const onShot = (file: Promise<Blob>) => {
    if (!shooting) return;
    void capture(file, shooting);
    shotHere.current.add(shooting);
    const next = missing.find((s) => !shotHere.current.has(s.slot));
    if (shooting !== EXTRA_SLOT) setShooting(next?.slot ?? null);
  };
  const onPick = (slot: string) => (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    for (const f of files) void capture(f, slot);
  };
  return { shooting, setShooting, onShot, onPick, inFlight, lastError };
}

/**
 * The shots the accident squad asked for in its return (while it waits for
 * the officer), and the one the screen was opened on (`#slot=`, from the
 * return's list on the case screen).
 */
function useAskedShots(c: CaseRecord): { asked: ReadonlySet<string>; opened: string | null } {
  const review = useCaseReview(c.id);
  const [opened] = useState(() => hashParam(window.location.hash, 'slot'));
  const verdict = review?.verdict;
  const asked = new Set(
    verdict && awaitsOfficer(review, c)
      ? verdict.missing.filter((m) => m.kind === 'shot').map((m) => m.key)
      : [],
  );
  return { asked, opened };
}

function Evidence({ c, photos }: { c: CaseRecord; photos: PhotoMeta[] }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const status = evidenceStatus(c, photos);
  const { shooting, setShooting, onShot, onPick, inFlight, lastError } = useShooting(
    c,
    status.missing,
  );
  const { run, error } = useCaseStep(c.id);
  const { asked, opened } = useAskedShots(c);
  const editable = isOnScene(c.state);
  const bySlot = new Map<string, PhotoMeta>();
  for (const p of photos) bySlot.set(p.slot, p);
  const done = status.required.length - status.missing.length;

  const titleOf = (slot: string) =>
    status.required.find((s) => s.slot === slot)?.title[lang] ?? t('evidence.extraTitle');
  // On to liability, which confirms the clearance at its top.
  const confirmCleared = () =>
    run(
      (x, at) => transitionCase(x, 'scene-cleared', at),
      () => navigate(`/cases/${c.id}/liability`),
    );
  const plateOf = (vehicleId: string | undefined) => {
    const vehicle = c.vehicles.find((v) => v.id === vehicleId);
    const plate = vehicle?.plate ?? '';
    const check = validatePlate(plate, vehicle?.plateType);
    return check.ok ? formatPlate(check.value) : plate;
  };

  return (
    <Page
      titleId="evidence-title"
      title={t('evidence.title')}
      back={{ href: `/cases/${c.id}`, label: c.caseNumber }}
    >
      <p role="status" data-testid="evidence-progress">
        {t('evidence.progress', { done, total: status.required.length })}
        {status.complete
          ? ` ${t('evidence.complete')}`
          : ` · ${t('evidence.missing', { count: status.missing.length })}`}
      </p>
      {c.state === 'opened' && <Notice tone="warn">{t('evidence.needTriage')}</Notice>}
      {inFlight > 0 && (
        <Notice role="status" data-testid="processing">
          {t('evidence.processing', { count: inFlight })}
        </Notice>
      )}
      <ErrorNotice error={lastError ?? error} />
      <Clearance c={c} onConfirm={confirmCleared} />
      <h2>{t('evidence.requiredShots')}</h2>
      <ul className="shot-list">
        {status.required.map((shot) => (
          <ShotRow
            key={shot.slot}
            shot={shot}
            lang={lang}
            photo={bySlot.get(shot.slot)}
            plate={shot.hintKind === 'plate' ? plateOf(shot.vehicleId) : undefined}
            editable={editable}
            asked={asked.has(shot.slot)}
            opened={opened === shot.slot}
            onTake={() => setShooting(shot.slot)}
            onPick={onPick(shot.slot)}
          />
        ))}
      </ul>
      <h2>{t('evidence.extraCount', { count: status.extra.length })}</h2>
      <div className="extra-photos">
        {status.extra.map((p) => (
          <Thumb key={p.sha256} sha256={p.sha256} alt={t('evidence.extraTitle')} />
        ))}
      </div>
      {editable && (
        <div className="row">
          <Button onClick={() => setShooting(EXTRA_SLOT)}>{t('evidence.extra')}</Button>
          <PickButton slot={EXTRA_SLOT} multiple onPick={onPick(EXTRA_SLOT)} />
        </div>
      )}
      {shooting && (
        <div className="camera-overlay">
          <p className="camera-title" role="status">
            {t('evidence.shooting', { title: titleOf(shooting) })}
          </p>
          <Camera onShot={onShot} onClose={() => setShooting(null)} />
        </div>
      )}
    </Page>
  );
}

/** "Clear the scene" once the evidence is complete; when it is cleared, the way on. */
function Clearance({ c, onConfirm }: { c: CaseRecord; onConfirm: () => void }) {
  const { t, i18n } = useTranslation();
  // A rural station hands the case over to an officer where an officer determines liability.
  const station = useViewerRole() === 'station';
  const clearedAt = enteredAt(c, 'scene-cleared');
  return (
    <>
      {c.state === 'evidence-complete' && (
        <Notice as="div" tone="ok" className="clear-prompt" role="alert">
          <p>{t('evidence.clearPrompt')}</p>
          <Button variant="primary" block onClick={onConfirm}>
            {t('evidence.confirmCleared')}
          </Button>
        </Notice>
      )}
      {clearedAt && (
        <Notice as="div" tone="ok" role="status" data-testid="cleared-confirmation">
          <p>{t('evidence.clearedAt', { time: formatTime(clearedAt, i18n.language) })}</p>
          <ButtonLink href={`/cases/${c.id}/liability`} variant="primary" block>
            {station ? t('evidence.nextHandover') : t('evidence.nextLiability')}
          </ButtonLink>
        </Notice>
      )}
    </>
  );
}

/** Photos from the phone's gallery or files, for one slot. */
function PickButton({
  slot,
  multiple,
  onPick,
}: {
  slot: string;
  multiple?: boolean;
  onPick: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="button file-button">
      {t('evidence.pick')}
      <input type="file" accept="image/*" multiple={multiple} onChange={onPick} data-slot={slot} />
    </label>
  );
}

function ShotRow(props: {
  shot: RequiredShot;
  lang: Lang;
  photo: PhotoMeta | undefined;
  plate: string | undefined;
  editable: boolean;
  /** The accident squad asked for this shot. */
  asked: boolean;
  /** The screen was opened on this shot: it is scrolled to and its title focused. */
  opened: boolean;
  onTake: () => void;
  onPick: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  const { t } = useTranslation();
  const { shot, lang, photo, opened } = props;
  const titleId = `shot-${shot.slot}`;
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!opened) return;
    title.current?.scrollIntoView({ block: 'center' });
    title.current?.focus();
  }, [opened]);
  const classes = ['shot', photo && 'taken', props.asked && 'asked'].filter(Boolean).join(' ');
  return (
    <li className={classes} data-slot={shot.slot} aria-labelledby={titleId}>
      {photo ? (
        <Thumb sha256={photo.sha256} alt={shot.title[lang]} />
      ) : (
        <ShotHint kind={shot.hintKind} plate={props.plate} />
      )}
      <div className="shot-text">
        <h3 id={titleId} ref={title} tabIndex={opened ? -1 : undefined}>
          {shot.title[lang]}
        </h3>
        {props.asked && <span className="badge missing">{t('evidence.asked')}</span>}
        <p className="muted">{shot.hint[lang]}</p>
        <span className={photo ? 'badge ok' : 'badge missing'}>
          {photo ? t('evidence.taken') : t('evidence.notTaken')}
        </span>
      </div>
      {props.editable && (
        <div className="shot-actions">
          <Button variant="primary" onClick={props.onTake}>
            {photo ? t('evidence.retake') : t('evidence.take')}
          </Button>
          <PickButton slot={shot.slot} onPick={props.onPick} />
        </div>
      )}
    </li>
  );
}
