import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { CaseRecord } from '../domain/case/case.schema';
import { TEXT_LIMITS } from '../domain/text';
import { VaultLockedError, type KuaichuDb } from '../storage';
import { en } from '../ui/i18n/en';
import { zhCN } from '../ui/i18n/zh-CN';
import { describeSaveError } from './save-error';

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { [lng]: { translation: lng === 'en' ? en : zhCN } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

/** What saving a record throws when the schema refuses it. */
function refusalOf(record: unknown): unknown {
  try {
    CaseRecord.parse(record);
  } catch (error) {
    return error;
  }
  throw new Error('the record parsed');
}

const db = {} as KuaichuDb;

describe('describeSaveError for a record the schema refuses', () => {
  const c = aCase().withVehicles(1).build();
  const tooLong = refusalOf({ ...c, notes: 'x'.repeat(TEXT_LIMITS.notes + 1) });
  const control = refusalOf({ ...c, vehicles: [{ ...c.vehicles[0], plate: '川A\u000012345' }] });

  it('names the field and its limit, in Chinese', async () => {
    const t = await translator('zh-CN');
    expect(await describeSaveError(tooLong, db, t)).toBe(
      `保存失败：情况说明：最多 ${TEXT_LIMITS.notes} 个字符。已保存的内容没有丢失。`,
    );
    expect(await describeSaveError(control, db, t)).toBe(
      '保存失败：号牌号码：含有不能保存的控制字符。已保存的内容没有丢失。',
    );
  });

  it('names the field and its limit, in English', async () => {
    const t = await translator('en');
    expect(await describeSaveError(tooLong, db, t)).toBe(
      `Saving failed: Notes: at most ${TEXT_LIMITS.notes} characters. Nothing already saved was lost.`,
    );
    expect(await describeSaveError(control, db, t)).toBe(
      'Saving failed: Plate number: contains a control character that cannot be saved. Nothing already saved was lost.',
    );
  });
});

describe('describeSaveError on a phone that seals with no key open', () => {
  it('says to sign in or unlock, in words, not the store’s message', async () => {
    const locked = new VaultLockedError('cases');
    expect(await describeSaveError(locked, db, await translator('zh-CN'))).toBe(
      '本机案件加密保存，需要民警的密钥才能写入：请先登录（需联网一次）或解锁，再新建或修改案件。已保存的案件不受影响。',
    );
    expect(await describeSaveError(locked, db, await translator('en'))).toContain(
      'sign in (the network is needed once) or unlock first',
    );
  });
});
