/**
 * The collision sketch of a case (`/cases/:id/sketch`, 现场草图): the road,
 * the case's vehicles placed and turned, arrows of travel and the point of
 * impact, stored as data on the case. Every change runs a domain operation on
 * the draft at once and on the stored case (`useCaseStep`), so a reload never
 * loses one; a signed determination makes it read-only (it is printed on it).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canEditSketch,
  moveSketchVehicle,
  placeCaseVehicles,
  setSketchImpact,
  sketchOf,
  type CaseRecord,
  type Instant,
  type SketchResult,
} from '../../domain';
import { sketchSentences, whereWords } from '../../documents/sketch-words';
import { useServices } from '../../services/ServicesContext';
import { useCaseStep } from '../../services/useCaseStep';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { SaveStatus } from '../../ui/SaveStatus';
import { SealNotice } from './SealNotice';
import { SketchCanvas } from './sketch/SketchCanvas';
import { SketchControls } from './sketch/SketchControls';
import { WithCase } from './WithCase';
import './sketch/sketch.css';

export function SketchScreen({ id }: { id: string }) {
  return <WithCase id={id}>{(c) => <SketchEditor initial={c} />}</WithCase>;
}

export type SketchOp = (c: CaseRecord, at: Instant) => SketchResult;

/** The draft and its write-through, as on the parties screen. */
function useSketchDraft(initial: CaseRecord) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const step = useCaseStep(initial.id);
  const [draft, setDraft] = useState(initial);
  const latest = useRef(initial);
  const apply = (op: SketchOp) => {
    const at = platform.clock.now();
    const local = op(latest.current, at);
    if (!local.ok) return step.refuse(t(`sketch.refused.${local.reason}`));
    latest.current = local.value;
    setDraft(local.value);
    step.run((c) => {
      const stored = op(c, at);
      return stored.ok ? stored : { ok: false, reason: t(`sketch.refused.${stored.reason}`) };
    });
  };
  return { draft, status: step.status, apply, newId: platform.clock.newId };
}

function SketchEditor({ initial }: { initial: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { draft, status, apply, newId } = useSketchDraft(initial);
  const sketch = sketchOf(draft);
  const [selected, setSelected] = useState<string | undefined>(sketch.vehicles[0]?.vehicleId);
  const [marking, setMarking] = useState(false);
  const editable = canEditSketch(draft);
  const labelOf = (id: string) => draft.vehicles.find((v) => v.id === id)?.label ?? '?';
  const unplaced = draft.vehicles.filter((v) => !sketch.vehicles.some((p) => p.vehicleId === v.id));
  const describe = (id: string) => {
    const p = sketch.vehicles.find((v) => v.vehicleId === id);
    return p ? whereWords(p, lang) : '';
  };
  return (
    <Page
      titleId="sketch-title"
      title={t('sketch.title')}
      back={{ href: `/cases/${draft.id}`, label: t('sketch.backToCase') }}
      className="sketch-screen"
    >
      <p className="muted">{t('sketch.caseNumber', { number: draft.caseNumber })}</p>
      <SealNotice c={draft} />
      {editable && <p>{t('sketch.intro')}</p>}
      {draft.vehicles.length === 0 && <Notice>{t('sketch.noVehicles')}</Notice>}
      {editable && unplaced.length > 0 && (
        <Button variant="primary" block onClick={() => apply(placeCaseVehicles)}>
          {t('sketch.place', { labels: unplaced.map((v) => v.label).join('、') })}
        </Button>
      )}
      <SketchCanvas
        sketch={sketch}
        labelOf={labelOf}
        describe={describe}
        selected={selected}
        onSelect={setSelected}
        readOnly={!editable}
        onMove={(id, to) => apply((c, at) => moveSketchVehicle(c, id, to, at))}
        onImpact={
          marking
            ? (point) => {
                setMarking(false);
                apply((c, at) => setSketchImpact(c, point, at));
              }
            : undefined
        }
      />
      {/* Below the drawing, so the drawing does not move when it appears. */}
      {marking && <p role="status">{t('sketch.impactHint')}</p>}
      <section aria-labelledby="sketch-summary-title">
        <h2 id="sketch-summary-title">{t('sketch.summary')}</h2>
        <ul data-testid="sketch-summary">
          {sketchSentences(sketch, labelOf, lang).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      {editable && (
        <SketchControls
          c={draft}
          sketch={sketch}
          selected={selected}
          onSelect={setSelected}
          marking={marking}
          onMarking={setMarking}
          apply={apply}
          newId={newId}
        />
      )}
      <SaveStatus status={status} />
    </Page>
  );
}
