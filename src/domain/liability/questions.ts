/**
 * The officer-question flow: when the facts do not decide an impact, the
 * engine returns the next catalog question, shaped so a UI can ask it and
 * write the answer back into `facts.answers`.
 */
import type { Match } from './match';
import type { NextQuestion } from './decision';
import { questionScope } from './derive';

/** Options of a yes/no question. */
export const yesNoOptions: NextQuestion['options'] = [
  { value: 'yes', text: { zh: '是', en: 'Yes' } },
  { value: 'no', text: { zh: '否', en: 'No' } },
];

/** The first unanswered question of an open match, about its first-role vehicle when the question depends on roles. */
export function questionFor(
  open: Extract<Match, { status: 'open' }>,
  impact: number,
): NextQuestion {
  const q = open.unknown[0];
  if (q === undefined) throw new Error('an open match has at least one unknown question');
  const options =
    q.type === 'yes_no'
      ? yesNoOptions
      : (q.options ?? []).map((o) => ({ value: o.value, text: { zh: o.zh, en: o.en } }));
  const [r0, r1] = [open.scenario.roles[0], open.scenario.roles[1] ?? open.scenario.roles[0]];
  const about =
    questionScope(q.id) === 'pair'
      ? {
          vehicleId: open.x.id,
          otherVehicleId: open.y.id,
          roles: {
            vehicle: { zh: r0?.role_zh ?? '', en: r0?.role_en ?? '' },
            other: { zh: r1?.role_zh ?? '', en: r1?.role_en ?? '' },
          },
        }
      : {};
  return {
    id: q.id,
    source: 'scenario',
    ...about,
    text: { zh: q.zh, en: q.en },
    options,
    scenarioId: open.scenario.id,
    impact,
  };
}
