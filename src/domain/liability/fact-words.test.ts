import { describe, expect, it } from 'vitest';
import { factPathLabel, factRows, factValueWords, wordsIn, ACTION_WORDS } from './fact-words';
import type { LiabilityFacts } from './facts.schema';

const facts: LiabilityFacts = {
  schemaVersion: 1,
  place: { kind: 'signalised-junction', light: 'night' },
  vehicles: [
    { id: 'A', action: 'turning-left', signal: 'green', conditions: ['speeding'] },
    { id: 'B', action: 'going-straight', heading: 'N' },
  ],
  impacts: [{ striking: 'A', struck: 'B', relation: 'crossing' }],
  checks: { allClear: true, answers: { 'E04-alcohol-or-drugs': 'no' } },
  answers: [{ questionId: 'q1', vehicleId: 'A', value: 'yes' }],
};

describe('facts in words', () => {
  it('words every recorded fact, vehicles by their id, values by their enum', () => {
    const rows = factRows(facts).map((r) => [r.label.zh, r.value.zh]);
    expect(rows).toContainEqual(['事故地点类型', '有信号灯的路口']);
    expect(rows).toContainEqual(['事故地点 光线', '夜间']);
    expect(rows).toContainEqual(['车辆 A 行为', '左转']);
    expect(rows).toContainEqual(['车辆 A 面对的信号', '绿灯']);
    expect(rows).toContainEqual(['车辆 A 其他违法情形', '明显超速']);
    expect(rows).toContainEqual(['车辆 B 行驶方向', '由南向北']);
    expect(rows).toContainEqual(['第 1 次碰撞 相对关系', '交叉方向']);
    expect(rows).toContainEqual(['分流排除项均已确认', '是']);
    expect(rows).toContainEqual(['分流核查 E04-alcohol-or-drugs', '否']);
    expect(rows).toContainEqual(['问题 q1 (A)', '是']);
    expect(factRows(facts).map((r) => r.value.en)).toContain('Turning left');
  });

  it('keeps an unknown value as it is and labels paths inside the facts', () => {
    expect(factValueWords('striking', 'A')).toEqual({ zh: 'A', en: 'A' });
    expect(factPathLabel('vehicles.1.signal', facts)?.en).toBe('Vehicle B signal facing it');
    expect(factPathLabel('unknown')).toBeUndefined();
  });

  it('gives one language of a table for a feature’s messages', () => {
    expect(wordsIn(ACTION_WORDS, 'en')['u-turn']).toBe('U-turn');
    expect(wordsIn(ACTION_WORDS, 'zh')['u-turn']).toBe('掉头');
  });
});
