import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
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
import { useServices } from '../../services/ServicesContext';
import { describeSaveError } from '../../services/save-error';
import { useCase, usePhotos } from '../../services/useCase';
import { updateCase } from '../../storage';
import { formatTime } from '../../ui/format';
import { Link, navigate } from '../../ui/router';
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

function Evidence({ c, photos }: { c: CaseRecord; photos: PhotoMeta[] }) {
  const { t, i18n } = useTranslation();
  const { db, platform } = useServices();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const status = evidenceStatus(c, photos);
  const { capture, inFlight, lastError } = usePhotoCapture(c);
  const [shooting, setShooting] = useState<string | null>(null);
  // Slots shot in this visit, so the camera moves on while photos are still processing.
  const shotHere = useRef(new Set<string>());
  const [error, setError] = useState<string | null>(null);
  const editable = isOnScene(c.state);
  const bySlot = new Map<string, PhotoMeta>();
  for (const p of photos) bySlot.set(p.slot, p);
  const done = status.required.length - status.missing.length;

  const titleOf = (slot: string) =>
    status.required.find((s) => s.slot === slot)?.title[lang] ?? t('evidence.extraTitle');

  const onShot = (file: Promise<Blob>) => {
    if (!shooting) return;
    void capture(file, shooting);
    shotHere.current.add(shooting);
    // Move on to the next missing shot; the photo is processed meanwhile.
    const next = status.missing.find((s) => !shotHere.current.has(s.slot));
    if (shooting !== EXTRA_SLOT) setShooting(next?.slot ?? null);
  };

  const onPick = (slot: string) => (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    for (const f of files) void capture(f, slot);
  };

  const confirmCleared = () => {
    const at = platform.clock.now();
    updateCase(
      db,
      c.id,
      (x) => {
        const r = transitionCase(x, 'scene-cleared', at);
        if (!r.ok) throw new Error(r.reason);
        return r.value;
      },
      at,
    ).then(
      // On to liability, which confirms the clearance at its top.
      () => navigate(`/cases/${c.id}/liability`),
      async (err: unknown) => setError(await describeSaveError(err, db, t)),
    );
  };

  const failure = lastError;
  const clearedAt = enteredAt(c, 'scene-cleared');
  const plateOf = (vehicleId: string | undefined) => {
    const vehicle = c.vehicles.find((v) => v.id === vehicleId);
    const plate = vehicle?.plate ?? '';
    const check = validatePlate(plate, vehicle?.plateType);
    return check.ok ? formatPlate(check.value) : plate;
  };

  return (
    <section aria-labelledby="evidence-title">
      <Link href={`/cases/${c.id}`} className="back-link">
        ← {c.caseNumber}
      </Link>
      <h1 id="evidence-title">{t('evidence.title')}</h1>
      <p role="status" data-testid="evidence-progress">
        {t('evidence.progress', { done, total: status.required.length })}
        {status.complete
          ? ` ${t('evidence.complete')}`
          : ` · ${t('evidence.missing', { count: status.missing.length })}`}
      </p>
      {c.state === 'opened' && <p className="notice warn">{t('evidence.needTriage')}</p>}
      {inFlight > 0 && (
        <p className="notice" role="status" data-testid="processing">
          {t('evidence.processing', { count: inFlight })}
        </p>
      )}
      {(failure ?? error) && (
        <p className="notice error" role="alert">
          {failure ?? error}
        </p>
      )}
      {c.state === 'evidence-complete' && (
        <div className="notice ok clear-prompt" role="alert">
          <p>{t('evidence.clearPrompt')}</p>
          <button type="button" className="button primary block" onClick={confirmCleared}>
            {t('evidence.confirmCleared')}
          </button>
        </div>
      )}
      {clearedAt && (
        <div className="notice ok" role="status" data-testid="cleared-confirmation">
          <p>{t('evidence.clearedAt', { time: formatTime(clearedAt, i18n.language) })}</p>
          <Link href={`/cases/${c.id}/liability`} className="button primary block">
            {t('evidence.nextLiability')}
          </Link>
        </div>
      )}
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
          <button type="button" className="button" onClick={() => setShooting(EXTRA_SLOT)}>
            {t('evidence.extra')}
          </button>
          <label className="button file-button">
            {t('evidence.pick')}
            <input
              type="file"
              accept="image/*"
              multiple
              onChange={onPick(EXTRA_SLOT)}
              data-slot={EXTRA_SLOT}
            />
          </label>
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
    </section>
  );
}

function ShotRow(props: {
  shot: RequiredShot;
  lang: Lang;
  photo: PhotoMeta | undefined;
  plate: string | undefined;
  editable: boolean;
  onTake: () => void;
  onPick: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  const { t } = useTranslation();
  const { shot, lang, photo } = props;
  const titleId = `shot-${shot.slot}`;
  return (
    <li className={photo ? 'shot taken' : 'shot'} data-slot={shot.slot} aria-labelledby={titleId}>
      {photo ? (
        <Thumb sha256={photo.sha256} alt={shot.title[lang]} />
      ) : (
        <ShotHint kind={shot.hintKind} plate={props.plate} />
      )}
      <div className="shot-text">
        <h3 id={titleId}>{shot.title[lang]}</h3>
        <p className="muted">{shot.hint[lang]}</p>
        <span className={photo ? 'badge ok' : 'badge missing'}>
          {photo ? t('evidence.taken') : t('evidence.notTaken')}
        </span>
      </div>
      {props.editable && (
        <div className="shot-actions">
          <button type="button" className="button primary" onClick={props.onTake}>
            {photo ? t('evidence.retake') : t('evidence.take')}
          </button>
          <label className="button file-button">
            {t('evidence.pick')}
            <input type="file" accept="image/*" onChange={props.onPick} data-slot={shot.slot} />
          </label>
        </div>
      )}
    </li>
  );
}
