/** The words of the admin's warning-list screen (首违警告清单) in zh-CN (English in lenient-messages-en.ts). */
import type { MessageBundle } from '../../ui/i18n/setup';
import { lenientAdminEn } from './lenient-messages-en';

const zh = {
  lenientAdmin: {
    title: '首违警告清单',
    link: '{{name}}的首违警告清单',
    intro:
      '对号牌或驾驶证不属本辖区的驾驶人，清单内的轻微违法行为可予警告教育、不予罚款。民警在告知违法行为时看到建议，确认或说明不适用的理由。保存后，民警手机下次联网时取得新版本，离线时使用已取得的版本。',
    starter: '现用：快处自带的清单（尚未修改，未设本辖区）。',
    version: '现用：第 {{version}} 版。',
    region: '本辖区',
    platePrefixes: '本辖区号牌前缀',
    platePrefixesHint: '省份简称加发牌机关代号，用空格或逗号分隔，如：川A 川G',
    licenceAreaCodes: '本辖区驾驶证地区代码',
    licenceAreaCodesHint: '驾驶证号（即身份证号）开头的行政区划代码，2、4 或 6 位，如：5101',
    item: '第 {{n}} 项',
    field: {
      id: '编号',
      zh: '违法行为（中文）',
      en: '违法行为（英文）',
      basis: '法律依据',
    },
    idHint: '小写字母、数字和连字符，如 seat-belt',
    basisHint: '每行一条：法律名称 条款，如：中华人民共和国道路交通安全法 第51条',
    remove: '删除第 {{n}} 项',
    add: '添加一项',
    problem: {
      required: '请填写“{{field}}”。',
      invalid: '“{{field}}”的格式不对。',
      tooLong: '“{{field}}”太长。',
    },
    duplicate: '每一项的编号不能相同。',
    tooMany: '清单最多 100 项。',
    save: '保存清单',
    saved: '已保存为第 {{version}} 版。',
  },
};

export type LenientAdminMessages = typeof zh;

export const lenientAdminMessages: MessageBundle<LenientAdminMessages> = {
  'zh-CN': zh,
  en: lenientAdminEn,
};
