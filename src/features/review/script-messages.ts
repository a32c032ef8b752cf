/** The reviewer's words for the courteous script as the officer marked it (CourtesyPart). */
import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  reviewScript: {
    title: '三告知、两敬礼',
    step: {
      'greeting-salute': '敬礼问候',
      'notice-violation': '告知违法行为',
      'notice-determination': '告知责任认定',
      'notice-rights': '告知权利',
      'farewell-salute': '敬礼道别',
    },
    unmarked: '未标记',
    atStarter: '{{time}}（项目默认讲话文本）',
    atVersion: '{{time}}（大队讲话文本第 {{version}} 版）',
  },
};

const en: typeof zh = {
  reviewScript: {
    title: 'Courteous script (three notices, two salutes)',
    step: {
      'greeting-salute': 'Saluted and greeted',
      'notice-violation': 'Violations told',
      'notice-determination': 'Determination told',
      'notice-rights': 'Rights told',
      'farewell-salute': 'Saluted on leaving',
    },
    unmarked: 'Not marked',
    atStarter: '{{time}} (the project’s starter script)',
    atVersion: '{{time}} (the brigade’s script, version {{version}})',
  },
};

export const scriptMessages: MessageBundle<typeof zh> = { 'zh-CN': zh, en };
