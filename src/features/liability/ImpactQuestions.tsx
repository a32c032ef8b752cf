/**
 * Who struck whom, once per impact: every ordered pair of vehicles ("B 撞
 * A"), a vehicle striking one of the case's fixed objects ("A 撞 护栏"), and
 * for each two vehicles "not known who struck whom" (a mutual scrape). With
 * several impacts, each vehicle's action at each impact (by default its
 * action above); for a struck fixed object, what kind of object it is.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiabilityDraft } from '../../domain';
import { Button } from '../../ui/Button';
import { Chip } from './Chip';
import { ImpactActionQuestion } from './ImpactActionQuestion';
import { ObjectKindQuestion } from './ObjectKindQuestion';

type Impact = LiabilityDraft['impacts'][number];

/** A fixed object of the case: its party id and what the officer called it. */
export interface ObjectParty {
  id: string;
  name: string;
}

/** One choice of an impact: who struck whom, or that it is not known between the two. */
interface Choice {
  striking: string;
  struck: string;
  whoStruck?: 'unknown';
}

function choicesOf(labels: readonly string[], objects: readonly ObjectParty[]): Choice[] {
  const ordered = labels.flatMap((s) =>
    labels.filter((x) => x !== s).map((x) => ({ striking: s, struck: x })),
  );
  const onObjects = labels.flatMap((s) => objects.map((o) => ({ striking: s, struck: o.id })));
  const unknown = labels.flatMap((s, i) =>
    labels.slice(i + 1).map((x) => ({ striking: s, struck: x, whoStruck: 'unknown' as const })),
  );
  return [...ordered, ...onObjects, ...unknown];
}

const isChosen = (imp: Impact, ch: Choice) =>
  imp.striking === ch.striking &&
  imp.struck === ch.struck &&
  (imp.whoStruck === 'unknown') === (ch.whoStruck === 'unknown');

export function ImpactQuestions({
  labels,
  objects,
  draft,
  editable,
  onChange,
}: {
  labels: string[];
  objects: readonly ObjectParty[];
  draft: LiabilityDraft;
  editable: boolean;
  onChange: (next: LiabilityDraft) => void;
}) {
  const { t } = useTranslation();
  const setImpacts = (impacts: Impact[]) => onChange({ ...draft, impacts });
  const setImpact = (i: number, patch: (o: Impact) => Impact) =>
    setImpacts(draft.impacts.map((o, j) => (j === i ? patch(o) : o)));
  const several = draft.impacts.length > 1;
  const struckObjects = (draft.objects ?? []).filter((o) =>
    draft.impacts.some((imp) => imp.struck === o.id),
  );
  return (
    <fieldset className="plain" disabled={!editable}>
      <legend className="q">{t('liability.impacts')}</legend>
      {draft.impacts.map((imp, i) => (
        <ImpactQuestion
          key={i}
          n={i}
          impact={imp}
          choices={choicesOf(labels, objects)}
          objects={objects}
          onChoose={({ striking, struck, whoStruck }) =>
            setImpact(i, ({ whoStruck: _old, ...o }) => ({
              ...o,
              striking,
              struck,
              ...(whoStruck && { whoStruck }),
            }))
          }
          onRemove={several ? () => setImpacts(draft.impacts.filter((_, j) => j !== i)) : undefined}
        >
          {several && (
            <ImpactActionQuestion
              n={i}
              impact={imp}
              vehicles={draft.vehicles}
              onChange={(actions) => setImpact(i, (o) => ({ ...o, actions }))}
            />
          )}
        </ImpactQuestion>
      ))}
      {labels.length + objects.length > 2 && (
        <Button onClick={() => setImpacts([...draft.impacts, {}])}>
          {t('liability.addImpact')}
        </Button>
      )}
      {struckObjects.map((o) => (
        <ObjectKindQuestion
          key={o.id}
          object={o}
          name={objects.find((p) => p.id === o.id)?.name ?? o.id}
          onChoose={(kind) =>
            onChange({
              ...draft,
              objects: (draft.objects ?? []).map((x) => (x.id === o.id ? { ...x, kind } : x)),
            })
          }
        />
      ))}
    </fieldset>
  );
}

/** One impact: its choices as a radio group, then what the caller adds (per-impact actions). */
function ImpactQuestion({
  n,
  impact,
  choices,
  objects,
  onChoose,
  onRemove,
  children,
}: {
  /** 0-based. */
  n: number;
  impact: Impact;
  choices: readonly Choice[];
  objects: readonly ObjectParty[];
  onChoose: (choice: Choice) => void;
  /** Absent while it is the only impact. */
  onRemove: (() => void) | undefined;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const nameOf = (id: string) => objects.find((o) => o.id === id)?.name ?? id;
  const labelOf = (ch: Choice) =>
    ch.whoStruck === 'unknown'
      ? t('liability.whoStruckUnknown', { a: ch.striking, b: ch.struck })
      : t('liability.strikes', { striking: ch.striking, struck: nameOf(ch.struck) });
  return (
    <fieldset className="plain impact">
      <legend className="muted">{t('liability.impact', { n: n + 1 })}</legend>
      <div className="chips" role="radiogroup">
        {choices.map((ch) => (
          <Chip
            key={`${ch.striking}|${ch.struck}|${ch.whoStruck ?? ''}`}
            name={`impact-${n}`}
            checked={isChosen(impact, ch)}
            onChange={() => onChoose(ch)}
            label={labelOf(ch)}
          />
        ))}
      </div>
      {children}
      {onRemove && <Button onClick={onRemove}>{t('liability.removeImpact')}</Button>}
    </fieldset>
  );
}
