/**
 * The warning-instead-of-a-fine suggestion (首违警告) on the notices screen,
 * with the violations: for each out-of-town driver (plate or licence outside
 * the brigade's region) whose violation is on the brigade's list — implied
 * by a finding, or recorded here by the officer — a card with the violation
 * and its basis, "确认首违警告" or "不适用" with a reason. The list comes
 * from the field pack kept on the phone, so it works offline. Decided before
 * the first signature; afterwards shown as decided (sealed).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decideLenient,
  lenientDecisionOf,
  lenientRefusal,
  lenientSuggestions,
  partyOrigin,
  type CaseRecord,
  type LenientBasis,
  type LenientDecision,
  type LenientList,
  type LenientWords,
} from '../../domain';
import { useCaseStep } from '../../services/useCaseStep';
import { useLenientList } from '../../services/useLenientList';
import { Button } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { LenientRecordForm, type Recorded } from './LenientRecordForm';
import { ReasonSubmit } from './ReasonSubmit';
import { citeBasis, useLang } from './shared';

/** One card: a party's listed violation, as the list words it or as it was decided. */
interface Card {
  partyId: string;
  itemId: string;
  violation: LenientWords;
  basis: readonly LenientBasis[];
  source: LenientDecision['source'];
}

/** The suggestions, then decisions whose item the list no longer holds (with their own words). */
function cardsOf(c: CaseRecord, list: LenientList, recorded: readonly Recorded[]): Card[] {
  const decisions = c.liability?.lenient ?? [];
  const byOfficer = decisions.filter((d) => d.source === 'officer');
  const cards: Card[] = lenientSuggestions(c, list, [...byOfficer, ...recorded]).map((s) => ({
    partyId: s.partyId,
    itemId: s.item.id,
    violation: s.item.violation,
    basis: s.item.basis,
    source: s.source,
  }));
  const shown = (d: LenientDecision) =>
    cards.some((k) => k.partyId === d.partyId && k.itemId === d.itemId);
  return [...cards, ...decisions.filter((d) => !shown(d))];
}

export function LenientSuggestions({ c }: { c: CaseRecord }) {
  return <LenientPanel c={c} list={useLenientList(c.officer?.id)} />;
}

/** The suggestions of the case by the list given (exported for its rendering test). */
export function LenientPanel({ c, list }: { c: CaseRecord; list: LenientList }) {
  const { t } = useTranslation();
  const [recorded, setRecorded] = useState<Recorded[]>([]);
  const outside = c.parties.filter((p) => partyOrigin(c, list.region, p) === 'outside');
  const cards = cardsOf(c, list, recorded);
  const refusal = lenientRefusal(c);
  if (outside.length === 0 && cards.length === 0) return null;
  return (
    <section className="lenient" aria-labelledby="lenient-title" data-testid="lenient">
      <h3 id="lenient-title">{t('lenient.title')}</h3>
      <p className="muted">{t('lenient.intro', { version: list.version })}</p>
      {refusal === 'already-signed' && <p className="muted">{t('lenient.sealed')}</p>}
      {cards.map((card) => (
        <LenientCard
          key={`${card.partyId}/${card.itemId}`}
          c={c}
          list={list}
          card={card}
          open={refusal === undefined}
        />
      ))}
      {refusal === undefined && outside.length > 0 && (
        <LenientRecordForm
          c={c}
          parties={outside}
          items={list.items}
          onRecord={(r) => setRecorded((all) => [...all, r])}
        />
      )}
    </section>
  );
}

function LenientCard(props: { c: CaseRecord; list: LenientList; card: Card; open: boolean }) {
  const { c, card, open } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const decision = lenientDecisionOf(c, card.partyId, card.itemId);
  const [editing, setEditing] = useState(false);
  const party = c.parties.find((p) => p.id === card.partyId);
  const vehicle = c.vehicles.find((v) => v.id === party?.vehicleId);
  const headingId = `lenient-${card.partyId}-${card.itemId}`;
  return (
    <article
      className="lenient-card"
      aria-labelledby={headingId}
      data-testid={`lenient-${card.itemId}`}
    >
      <h4 id={headingId}>{card.violation[lang]}</h4>
      <p>
        {t('lenient.party', {
          name: party?.name ?? '—',
          label: vehicle?.label ?? '—',
          plate: vehicle?.plate ?? '',
        })}
      </p>
      <p className="basis">
        {t('liability.basis')}：{card.basis.map(citeBasis).join('；')}
      </p>
      <p className="muted">
        {t(card.source === 'finding' ? 'lenient.fromFinding' : 'lenient.fromOfficer')}
      </p>
      {decision && !editing ? (
        <DecisionMade decision={decision} onChange={open ? () => setEditing(true) : undefined} />
      ) : (
        open && <DecideButtons {...props} onDone={() => setEditing(false)} />
      )}
    </article>
  );
}

function DecisionMade(props: { decision: LenientDecision; onChange: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const { decision } = props;
  const time = formatTime(decision.at, i18n.language);
  return (
    <>
      <Notice tone={decision.decision === 'warning' ? 'ok' : undefined} role="status">
        {decision.decision === 'warning'
          ? t('lenient.confirmed', { time })
          : t('lenient.declined', { time, reason: decision.reason ?? '' })}
      </Notice>
      {props.onChange && <Button onClick={props.onChange}>{t('lenient.change')}</Button>}
    </>
  );
}

function DecideButtons(props: {
  c: CaseRecord;
  list: LenientList;
  card: Card;
  onDone: () => void;
}) {
  const { c, list, card, onDone } = props;
  const { t } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const decide = (decision: LenientDecision['decision']) => {
    if (decision === 'declined' && reason.trim() === '') {
      setProblem(t('lenient.needsReason'));
      return;
    }
    setProblem(null);
    const choice = { partyId: card.partyId, itemId: card.itemId, source: card.source, decision };
    run((x, at) => decideLenient(x, list, { ...choice, reason }, at), onDone);
  };
  const id = `lenient-reason-${card.partyId}-${card.itemId}`;
  return (
    <>
      <Button variant="primary" block onClick={() => decide('warning')}>
        {t('lenient.confirm')}
      </Button>
      {declining ? (
        <ReasonSubmit
          id={id}
          label={t('lenient.reason')}
          value={reason}
          problem={problem}
          onChange={setReason}
          error={error}
          submitLabel={t('lenient.declineSubmit')}
          onSubmit={() => decide('declined')}
        />
      ) : (
        <>
          <ErrorNotice error={error} />
          <Button block onClick={() => setDeclining(true)}>
            {t('lenient.decline')}
          </Button>
        </>
      )}
    </>
  );
}
