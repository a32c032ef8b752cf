import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { requiredShots } from '../evidence/required-shots';
import { advanceOnScene } from './advance';

const T1 = '2026-11-27T02:10:00.000Z';

describe('advanceOnScene', () => {
  const triaged = aCase().withVehicles(1).with({ state: 'triaged' }).build();
  const allShots = requiredShots(triaged).map((s) => ({ slot: s.slot }));

  it('stamps evidence complete when the last required shot arrives', () => {
    const next = advanceOnScene(triaged, allShots, T1);
    expect(next.state).toBe('evidence-complete');
    expect(next.transitions.at(-1)).toEqual({ from: 'triaged', to: 'evidence-complete', at: T1 });
  });

  it('waits while a shot is missing', () => {
    expect(advanceOnScene(triaged, allShots.slice(1), T1)).toBe(triaged);
  });

  it('does not skip triage: an untriaged case stays opened', () => {
    const opened = { ...triaged, state: 'opened' as const };
    expect(advanceOnScene(opened, allShots, T1).state).toBe('opened');
  });
});
