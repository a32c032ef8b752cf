/**
 * The vehicles and parties of a case (`/cases/:id/parties`). Every change goes
 * through a domain operation and is written to the phone at once, so a
 * reload never loses one. The draft checks of the domain mark wrong fields,
 * under the field, in the current language; they never stop a save.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addFixedObject,
  addVehicle,
  driverOf,
  fixedObjectsOf,
  isOnScene,
  isSealed,
  removeParty,
  removeVehicle,
  updateParty,
  updateVehicle,
  validateCaseDraft,
  type CaseRecord,
  type FieldIssue,
  type Instant,
  type PartiesResult,
} from '../../domain';
import { describeSaveError } from '../../services/save-error';
import { useServices } from '../../services/ServicesContext';
import { updateCase } from '../../storage';
import { Link } from '../../ui/router';
import { FixedObjectCard } from './parties/FixedObjectCard';
import {
  FIXED_OBJECTS_LIST,
  INSURERS_LIST,
  PartiesFormContext,
  type PartiesForm,
} from './parties/form';
import { COMMON_FIXED_OBJECTS, COMMON_INSURERS } from './parties/suggestions';
import { VehicleCard } from './parties/VehicleCard';
import { WithCase } from '../../services/WithCase';
import { SealNotice } from './SealNotice';
import './parties.css';

export function PartiesScreen({ id }: { id: string }) {
  return <WithCase id={id}>{(c) => <PartiesEditor initial={c} />}</WithCase>;
}

type CaseOp = (c: CaseRecord, at: Instant) => PartiesResult;
type Status = 'idle' | 'saving' | 'saved' | { error: string };

const keyOf = (path: readonly string[]) => path.join('/');

/** The draft and its write-through: each operation runs here, then on the stored case. */
function useWriteThrough(initial: CaseRecord) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const [draft, setDraft] = useState(initial);
  const latest = useRef(initial);
  const pending = useRef(0);
  const [status, setStatus] = useState<Status>('idle');

  const apply = (op: CaseOp): boolean => {
    const at = platform.clock.now();
    const local = op(latest.current, at);
    if (!local.ok) {
      setStatus({ error: t(`parties.refused.${local.reason}`) });
      return false;
    }
    latest.current = local.value;
    setDraft(local.value);
    setStatus('saving');
    pending.current += 1;
    // Transactions run in the order they are made, so the stored case takes
    // the same steps as the draft, and the last edit wins.
    const change = (c: CaseRecord) => {
      const stored = op(c, at);
      if (!stored.ok) throw new Error(t(`parties.refused.${stored.reason}`));
      return stored.value;
    };
    updateCase(db, initial.id, change, at)
      .then(() => {
        pending.current -= 1;
        setStatus((s) => (pending.current === 0 && typeof s !== 'object' ? 'saved' : s));
      })
      .catch(async (err: unknown) => {
        pending.current -= 1;
        setStatus({ error: await describeSaveError(err, db, t) });
      });
    return true;
  };
  return { draft, status, apply, newId: platform.clock.newId };
}

/** Messages show once the officer has left a field, or at once for values saved before. */
function useRevealedIssues(initial: CaseRecord, issues: readonly FieldIssue[], lang: 'zh' | 'en') {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(
    () => new Set(validateCaseDraft(initial).map((i) => keyOf(i.path))),
  );
  const byPath = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const issue of issues) {
      const key = keyOf(issue.path);
      map.set(key, [...(map.get(key) ?? []), issue.message[lang]]);
    }
    return map;
  }, [issues, lang]);
  const messagesAt = (path: readonly string[]) => {
    const key = keyOf(path);
    return revealed.has(key) ? (byPath.get(key) ?? []) : [];
  };
  const reveal = (...paths: (readonly string[])[]) => {
    const keys = paths.map(keyOf);
    if (keys.every((k) => revealed.has(k))) return;
    setRevealed((r) => new Set([...r, ...keys]));
  };
  return { messagesAt, reveal };
}

function PartiesEditor({ initial }: { initial: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { draft, status, apply, newId } = useWriteThrough(initial);
  const issues = useMemo(() => validateCaseDraft(draft), [draft]);
  const { messagesAt, reveal } = useRevealedIssues(initial, issues, lang);
  const focusNext = useRef<string | null>(null);
  const editable = isOnScene(draft.state) && !isSealed(draft);

  // After adding or removing a card, move focus where the officer continues.
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [draft]);

  const form: PartiesForm = {
    messagesAt,
    reveal,
    lang,
    editVehicle: (vehicleId, patch) => apply((c, at) => updateVehicle(c, vehicleId, patch, at)),
    editParty: (partyId, patch) => apply((c, at) => updateParty(c, partyId, patch, at)),
  };
  const onAddVehicle = () => {
    const ids = { vehicleId: newId(), driverId: newId() };
    if (apply((c, at) => addVehicle(c, ids, at))) focusNext.current = `v-${ids.vehicleId}-plate`;
  };
  // Most cases are two vehicles: both cards, each with its driver, in one tap.
  const onAddTwoVehicles = () => {
    const a = { vehicleId: newId(), driverId: newId() };
    const b = { vehicleId: newId(), driverId: newId() };
    const both: CaseOp = (c, at) => {
      const first = addVehicle(c, a, at);
      return first.ok ? addVehicle(first.value, b, at) : first;
    };
    if (apply(both)) focusNext.current = `v-${a.vehicleId}-plate`;
  };
  const onAddFixedObject = () => {
    const partyId = newId();
    if (apply((c, at) => addFixedObject(c, partyId, at)))
      focusNext.current = `p-${partyId}-objectDescription`;
  };
  const removed = (ok: boolean) => {
    if (ok) focusNext.current = 'parties-title';
  };

  return (
    <section aria-labelledby="parties-title" className="parties">
      <Link href={`/cases/${initial.id}`} className="back-link">
        ← {t('parties.backToCase')}
      </Link>
      <h1 id="parties-title" tabIndex={-1}>
        {t('parties.title')}
      </h1>
      <p className="muted">{t('parties.caseNumber', { number: initial.caseNumber })}</p>
      {editable && <p className="muted">{t('parties.intro')}</p>}
      {isSealed(draft) ? (
        <SealNotice c={draft} />
      ) : (
        !isOnScene(draft.state) && <p className="notice">{t('parties.notEditable')}</p>
      )}
      {!isSealed(draft) && <SealNotice c={draft} />}
      <PartiesFormContext.Provider value={form}>
        <fieldset disabled={!editable} className="plain">
          {draft.vehicles.length === 0 && <p className="empty">{t('parties.empty')}</p>}
          {draft.vehicles.map((v) => (
            <VehicleCard
              key={v.id}
              vehicle={v}
              driver={driverOf(draft, v.id)}
              onRemove={() => removed(apply((c, at) => removeVehicle(c, v.id, at)))}
            />
          ))}
          {fixedObjectsOf(draft).map((p, i) => (
            <FixedObjectCard
              key={p.id}
              party={p}
              n={i + 1}
              onRemove={() => removed(apply((c, at) => removeParty(c, p.id, at)))}
            />
          ))}
          <div className="parties-actions">
            {draft.vehicles.length === 0 && (
              <button type="button" className="button primary" onClick={onAddTwoVehicles}>
                {t('parties.addTwoVehicles')}
              </button>
            )}
            <button type="button" className="button primary" onClick={onAddVehicle}>
              {t('parties.addVehicle')}
            </button>
            <button type="button" className="button" onClick={onAddFixedObject}>
              {t('parties.addFixedObject')}
            </button>
          </div>
        </fieldset>
      </PartiesFormContext.Provider>
      <datalist id={INSURERS_LIST}>
        {COMMON_INSURERS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id={FIXED_OBJECTS_LIST}>
        {COMMON_FIXED_OBJECTS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p role="status" aria-live="polite" className="save-status" data-testid="save-status">
        {status === 'saving' && t('parties.saving')}
        {status === 'saved' && t('parties.saved')}
      </p>
      {typeof status === 'object' && (
        <p className="notice error" role="alert">
          {status.error}
        </p>
      )}
      {draft.vehicles.length > 0 && (
        <Link href={`/cases/${initial.id}/evidence`} className="button primary block">
          {t('nextStep.evidence')}
        </Link>
      )}
    </section>
  );
}
