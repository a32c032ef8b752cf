/**
 * Words of the brigade's five-fast targets on its settings screen
 * (`targetsAdmin.*`), zh-CN and English.
 */
import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  targetsAdmin: {
    title: '{{name}}的“五快”时限目标',
    intro:
      '每项用时的目标（分钟）。“五快”数据看板在每项用时旁列出目标，中位数超过目标时用文字注明，并统计超过目标的案件数。保险受理的目标即上面的回访时限。',
    field: {
      evidence: '取证快目标（分钟）',
      clearance: '撤离快目标（分钟）',
      liability: '定责快目标（分钟）',
      assessment: '定损快目标（分钟）',
      payout: '理赔快目标（分钟）',
    },
    hint: {
      evidence: '到场 → 取证完成；1 至 1440 分钟（一天），初始 15。',
      clearance: '到场 → 现场撤离；1 至 1440 分钟（一天），初始 30。',
      liability: '到场 → 责任认定；1 至 1440 分钟（一天），初始 60。',
      assessment: '资料送达 → 定损；1 至 43200 分钟（30 天），初始 1440（一天）。',
      payout: '定损 → 赔付；1 至 129600 分钟（90 天），初始 10080（7 天）。',
    },
    save: '保存时限目标',
    saveFor: '（{{name}}）',
    saving: '正在保存…',
    saved: '已保存{{name}}的“五快”时限目标。',
    error: {
      minutesRequired: '请填写“{{field}}”。',
      minutesWhole: '“{{field}}”须是整数分钟，例如 30。',
      minutesRange: '“{{field}}”须在 1 至 {{max}} 分钟之间。',
    },
  },
};

export const targetsAdminMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    targetsAdmin: {
      title: 'Five-fast targets of {{name}}',
      intro:
        'A target in minutes for each interval. The five-fast dashboard shows the target beside each interval, says in words when the median is over it, and counts the cases over it. The insurer call-back’s target is the call-back target above.',
      field: {
        evidence: 'Evidence target (minutes)',
        clearance: 'Clearance target (minutes)',
        liability: 'Liability target (minutes)',
        assessment: 'Assessment target (minutes)',
        payout: 'Payout target (minutes)',
      },
      hint: {
        evidence: 'Arrival → evidence complete; 1 to 1440 minutes (a day), 15 to start.',
        clearance: 'Arrival → scene cleared; 1 to 1440 minutes (a day), 30 to start.',
        liability: 'Arrival → liability determined; 1 to 1440 minutes (a day), 60 to start.',
        assessment:
          'Packet delivered → assessed; 1 to 43200 minutes (30 days), 1440 (a day) to start.',
        payout: 'Assessed → paid; 1 to 129600 minutes (90 days), 10080 (7 days) to start.',
      },
      save: 'Save targets',
      saveFor: ' ({{name}})',
      saving: 'Saving…',
      saved: 'Five-fast targets of {{name}} saved.',
      error: {
        minutesRequired: 'Fill in “{{field}}”.',
        minutesWhole: '“{{field}}” must be whole minutes, e.g. 30.',
        minutesRange: '“{{field}}” must be from 1 to {{max}} minutes.',
      },
    },
  },
};
