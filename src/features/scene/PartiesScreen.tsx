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
import { useServices } from '../../services/ServicesContext';
import { useCaseStep } from '../../services/useCaseStep';
import { Button, ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { SaveStatus } from '../../ui/SaveStatus';
import { FixedObjectCard } from './parties/FixedObjectCard';
import {
  FIXED_OBJECTS_LIST,
  INSURERS_LIST,
  PartiesFormContext,
  type PartiesForm,
} from './parties/form';
import { COMMON_FIXED_OBJECTS, COMMON_INSURERS } from './parties/suggestions';
import { VehicleCard } from './parties/VehicleCard';
import { WithCase } from './WithCase';
import { SealNotice } from './SealNotice';
import './parties.css';

export function PartiesScreen({ id }: { id: string }) {
  return <WithCase id={id}>{(c) => <PartiesEditor initial={c} />}</WithCase>;
}

type CaseOp = (c: CaseRecord, at: Instant) => PartiesResult;

const keyOf = (path: readonly string[]) => path.join('/');

/**
 * The draft and its write-through: each operation runs on the draft at once
 * (a refusal is said and nothing is written), then on the stored case at the
 * same instant, so the stored case takes the same steps as the draft.
 */
function useWriteThrough(initial: CaseRecord) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const step = useCaseStep(initial.id);
  const [draft, setDraft] = useState(initial);
  const latest = useRef(initial);
  const refused = (reason: string) => t(`parties.refused.${reason}`);

  const apply = (op: CaseOp): boolean => {
    const at = platform.clock.now();
    const local = op(latest.current, at);
    if (!local.ok) {
      step.refuse(refused(local.reason));
      return false;
    }
    latest.current = local.value;
    setDraft(local.value);
    step.run((c) => {
      const stored = op(c, at);
      return stored.ok ? stored : { ok: false, reason: refused(stored.reason) };
    });
    return true;
  };
  return { draft, status: step.status, apply, newId: platform.clock.newId };
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
  // Where the focus goes once an operation has been applied.
  const applyThenFocus = (op: CaseOp, focus: string) => {
    if (apply(op)) focusNext.current = focus;
  };

  return (
    <Page
      titleId="parties-title"
      title={t('parties.title')}
      focusableTitle
      back={{ href: `/cases/${initial.id}`, label: t('parties.backToCase') }}
      className="parties"
    >
      <p className="muted">{t('parties.caseNumber', { number: initial.caseNumber })}</p>
      {editable && <p className="muted">{t('parties.intro')}</p>}
      {isSealed(draft) ? (
        <SealNotice c={draft} />
      ) : (
        !isOnScene(draft.state) && <Notice>{t('parties.notEditable')}</Notice>
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
              onRemove={() =>
                applyThenFocus((c, at) => removeVehicle(c, v.id, at), 'parties-title')
              }
            />
          ))}
          {fixedObjectsOf(draft).map((p, i) => (
            <FixedObjectCard
              key={p.id}
              party={p}
              n={i + 1}
              onRemove={() => applyThenFocus((c, at) => removeParty(c, p.id, at), 'parties-title')}
            />
          ))}
          <AddParties
            twoAtOnce={draft.vehicles.length === 0}
            newId={newId}
            apply={applyThenFocus}
          />
        </fieldset>
      </PartiesFormContext.Provider>
      <Suggestions />
      <SaveStatus status={status} />
      {draft.vehicles.length > 0 && (
        <ButtonLink href={`/cases/${initial.id}/evidence`} variant="primary" block>
          {t('nextStep.evidence')}
        </ButtonLink>
      )}
    </Page>
  );
}

/** Add a vehicle (or, on an empty case, the usual two at once) or a fixed object. */
function AddParties({
  twoAtOnce,
  newId,
  apply,
}: {
  twoAtOnce: boolean;
  newId: () => string;
  /** Applies the operation; `focus` is the id of the field the officer continues in. */
  apply: (op: CaseOp, focus: string) => void;
}) {
  const { t } = useTranslation();
  const newVehicle = () => ({ vehicleId: newId(), driverId: newId() });
  const onAddVehicle = () => {
    const ids = newVehicle();
    apply((c, at) => addVehicle(c, ids, at), `v-${ids.vehicleId}-plate`);
  };
  // Most cases are two vehicles: both cards, each with its driver, in one tap.
  const onAddTwoVehicles = () => {
    const a = newVehicle();
    const b = newVehicle();
    const both: CaseOp = (c, at) => {
      const first = addVehicle(c, a, at);
      return first.ok ? addVehicle(first.value, b, at) : first;
    };
    apply(both, `v-${a.vehicleId}-plate`);
  };
  const onAddFixedObject = () => {
    const partyId = newId();
    apply((c, at) => addFixedObject(c, partyId, at), `p-${partyId}-objectDescription`);
  };
  return (
    <div className="parties-actions">
      {twoAtOnce && (
        <Button variant="primary" onClick={onAddTwoVehicles}>
          {t('parties.addTwoVehicles')}
        </Button>
      )}
      <Button variant="primary" onClick={onAddVehicle}>
        {t('parties.addVehicle')}
      </Button>
      <Button onClick={onAddFixedObject}>{t('parties.addFixedObject')}</Button>
    </div>
  );
}

/** What the insurer and fixed-object fields suggest while typing. */
function Suggestions() {
  return (
    <>
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
    </>
  );
}
