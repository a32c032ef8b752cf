import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { aCase, testId } from '../../../tests/builders/case.builder';
import type { CaseRecord } from '../../domain';
import { labelOfMissing, returnChoices, returnProblem } from './return-items';
import { reviewMessages } from './messages';
import { ageOf, ageText } from './review-format';

function withDriver(c: CaseRecord): CaseRecord {
  const vehicle = c.vehicles[0]!;
  return {
    ...c,
    parties: [{ id: testId(), kind: 'driver', vehicleId: vehicle.id, name: '张三' }],
  };
}

describe('returnChoices', () => {
  const c = withDriver(aCase().withVehicles(1).build());

  it('offers every shot of the guided list, by slot, with its title', () => {
    const { shots } = returnChoices(c);
    expect(shots[0]).toEqual({
      item: { kind: 'shot', key: 'scene-behind' },
      label: { text: { zh: '现场全景（后方）', en: 'Scene overview from behind' } },
    });
    expect(shots.map((s) => s.item.key)).toContain(`vehicle:${c.vehicles[0]!.id}:plate`);
  });

  it('offers the case fields by path, each party by name', () => {
    const keys = returnChoices(c).fields.map((f) => f.item.key);
    expect(keys).toEqual([
      'location.address',
      'location.kmPost',
      'occurredAt',
      'vehicles.0.plate',
      'parties.0.name',
      'parties.0.idNumber',
      'parties.0.licenceNumber',
      'parties.0.phone',
      'parties.0.compulsoryInsurance',
    ]);
    expect(returnChoices(c).fields[5]?.label).toEqual({
      key: 'review.field.partyId',
      values: { who: '张三' },
    });
  });

  it('offers no facts before liability was proposed', () => {
    expect(returnChoices(c).facts).toEqual([]);
  });

  it('words a past return’s item from the case, or shows its key', () => {
    const choices = returnChoices(c);
    expect(labelOfMissing({ kind: 'field', key: 'occurredAt' }, choices)).toEqual({
      key: 'review.field.occurredAt',
    });
    expect(labelOfMissing({ kind: 'fact', key: 'gone' }, choices)).toEqual({
      text: { zh: 'gone', en: 'gone' },
    });
  });
});

describe('returnProblem', () => {
  it('needs an item or a note', () => {
    expect(returnProblem([], '  ')).toBe('empty');
    expect(returnProblem([], '请补拍')).toBeNull();
    expect(returnProblem([{ kind: 'shot', key: 'scene-front' }], '')).toBeNull();
  });
});

describe('the waiting time', () => {
  const at = '2026-11-27T02:00:00.000Z';
  const after = (min: number) => Date.parse(at) + min * 60_000;

  it('counts whole days, hours and minutes, never below zero', () => {
    expect(ageOf(at, after(130))).toEqual({ days: 0, hours: 2, minutes: 10 });
    expect(ageOf(at, after(1440 + 65))).toEqual({ days: 1, hours: 1, minutes: 5 });
    expect(ageOf(at, after(-5))).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it('says "2 h 10 min"', async () => {
    const t = await i18next.createInstance().init({
      lng: 'en',
      resources: { en: { translation: reviewMessages.en } },
    });
    expect(ageText(t, ageOf(at, after(130)))).toBe('2 h 10 min');
    expect(ageText(t, ageOf(at, after(45)))).toBe('45 min');
    expect(ageText(t, ageOf(at, after(3 * 1440 + 240)))).toBe('3 d 4 h');
  });
});
