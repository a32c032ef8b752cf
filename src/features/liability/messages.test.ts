/**
 * Every deadline the liability screens and the document state is the
 * regulation's, with its article beside it: 《道路交通事故处理程序规定》
 * (公安部令第146号) 第七十一条 (review: 三日内 of service), 第八十六条
 * (mediation by the traffic police: 十日内 of service), 第一百一十一条 (those
 * days are working days, holidays excluded); refusal to sign is noted on the
 * determination under 第二十四条第三款.
 */
import { STARTER_COURTESY_SCRIPT } from '../../contracts/field-pack';
import { describe, expect, it } from 'vitest';
import { liabilityMessages } from './messages';

/** Every message string with its key path. */
function strings(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (o && typeof o === 'object')
    return Object.entries(o).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const zh = strings(liabilityMessages['zh-CN']);
const en = strings(liabilityMessages.en);

/** A sentence (up to its full stop or semicolon) of `text` around `at`. */
function sentenceAt(text: string, at: number): string {
  const start = Math.max(
    text.lastIndexOf('。', at),
    text.lastIndexOf('；', at),
    text.lastIndexOf('. ', at),
    text.lastIndexOf('; ', at),
  );
  const ends = ['。', '；', '. ', '; '].map((s) => text.indexOf(s, at)).filter((i) => i >= 0);
  return text.slice(start + 1, ends.length ? Math.min(...ends) + 1 : undefined);
}

describe('deadlines in the liability messages', () => {
  it('states review within 三日 (第七十一条) and mediation within 十日 (第八十六条), article beside each', () => {
    const found: string[] = [];
    for (const [key, text] of zh) {
      for (const m of text.matchAll(/([0-9０-９一二三四五六七八九十]+)\s*(?:个)?(?:工作)?日内/g)) {
        const sentence = sentenceAt(text, m.index);
        found.push(key);
        if (/复核/.test(sentence)) {
          expect(m[1], `${key}: ${sentence}`).toBe('三');
          expect(sentence, key).toMatch(/第七十一条/);
        } else if (/调解/.test(sentence)) {
          expect(m[1], `${key}: ${sentence}`).toBe('十');
          expect(sentence, key).toMatch(/第八十六条/);
        } else throw new Error(`${key}: a deadline the regulation does not give: ${sentence}`);
      }
    }
    expect(found).toEqual(
      expect.arrayContaining([
        'notices.rightReview',
        'notices.rightMediation',
        'notices.reviewHow',
      ]),
    );
    expect(found.filter((k) => k === 'document.rights')).toHaveLength(2);
  });

  it('says, with 第一百一十一条, that those days are working days', () => {
    for (const key of ['notices.daysNote', 'notices.reviewHow', 'document.rights']) {
      const text = zh.find(([k]) => k === key)?.[1] ?? '';
      expect(text, key).toMatch(/工作日.*第一百一十一条/);
    }
    // "N 个工作日" is not how the regulation counts: it says 三日/十日 and defines them.
    expect(zh.filter(([, t]) => /个工作日/.test(t)).map(([k]) => k)).toEqual([]);
  });

  it('cites 第二十四条第三款 where a refusal to sign is noted', () => {
    for (const key of ['document.refusedNote']) {
      expect(zh.find(([k]) => k === key)?.[1], key).toMatch(/第二十四条第三款/);
      expect(en.find(([k]) => k === key)?.[1], key).toMatch(/Article 24\(3\)/);
    }
    // the request to sign is the brigade's to edit; the project's starter cites it
    expect(STARTER_COURTESY_SCRIPT.signRequest.zh).toMatch(/第二十四条第三款/);
    expect(STARTER_COURTESY_SCRIPT.signRequest.en).toMatch(/Article 24\(3\)/);
  });

  it('gives the same deadlines and articles in English', () => {
    for (const [key, text] of en) {
      for (const m of text.matchAll(/within (\w+) (?:working )?days/g)) {
        const sentence = sentenceAt(text, m.index);
        if (/review/i.test(sentence)) {
          expect(m[1], key).toBe('three');
          expect(sentence, key).toMatch(/Articles? 71/);
        } else if (/mediation/i.test(sentence)) {
          expect(m[1], key).toBe('ten');
          expect(sentence, key).toMatch(/Article 86/);
        } else throw new Error(`${key}: a deadline the regulation does not give: ${sentence}`);
      }
    }
    for (const key of ['notices.daysNote', 'document.rights'])
      expect(en.find(([k]) => k === key)?.[1], key).toMatch(/working days.*Article 111/);
  });
});
