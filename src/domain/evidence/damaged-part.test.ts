import { describe, expect, it } from 'vitest';
import {
  DAMAGED_PART_LABELS,
  DamagedPart,
  PAPER_FORM_COLLISION_POINTS,
  damagedPartLabel,
  isDamagedPart,
} from './damaged-part';

describe('damaged parts', () => {
  it('starts with the eight collision points of the paper form, in its order', () => {
    expect(PAPER_FORM_COLLISION_POINTS.map((p) => DAMAGED_PART_LABELS[p].zh)).toEqual([
      '车头',
      '左前角',
      '右前角',
      '左侧',
      '右侧',
      '车尾',
      '左后角',
      '右后角',
    ]);
    expect(DamagedPart.options.slice(0, 8)).toEqual(PAPER_FORM_COLLISION_POINTS);
  });

  it('labels every part in both languages, with no two parts sharing a label', () => {
    const labels = DamagedPart.options.map((p) => DAMAGED_PART_LABELS[p]);
    expect(labels.every((l) => l.zh !== '' && l.en !== '')).toBe(true);
    expect(new Set(labels.map((l) => l.zh)).size).toBe(labels.length);
    expect(new Set(labels.map((l) => l.en)).size).toBe(labels.length);
  });

  it.each([
    ['front-left', true, { zh: '左前角', en: 'front left corner' }],
    ['headlight-right', true, { zh: '右前大灯', en: 'right headlight' }],
    ['左前门把手', false, { zh: '左前门把手', en: '左前门把手' }],
  ])('%s: in vocabulary %s', (part, known, label) => {
    expect(isDamagedPart(part)).toBe(known);
    expect(damagedPartLabel(part)).toEqual(label);
  });
});
