/**
 * Words of the brigade's five-fast targets on its settings screen
 * (`targetsAdmin.*`) and of its phones' lock (`phoneLockAdmin.*`), zh-CN and
 * English.
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
  phoneLockAdmin: {
    title: '{{name}}的手机锁定',
    intro:
      '本大队民警手机上的案件保护。更改在民警手机下次联网同步或登录时生效。要求设置 PIN 码时，民警登录后须先设置 PIN 码，手机保存的案件、照片都加密存放。',
    field: {
      idleMinutes: '闲置锁定（分钟）',
      offlineLimitHours: '离线期限（小时）',
    },
    hint: {
      idleMinutes: '手机无操作多久后锁定（切换应用时立即锁定）；1 至 60 分钟，初始 5。',
      offlineLimitHours:
        '多久未连接服务器后不能新建案件（已有案件仍可办理、保存）；8 至 720 小时（30 天），初始 72。',
    },
    pinRequired: '民警须在手机上设置 PIN 码（加密保存案件）',
    save: '保存手机锁定',
    saveFor: '（{{name}}）',
    saving: '正在保存…',
    saved: '已保存{{name}}的手机锁定，民警手机下次联网同步时生效。',
    error: {
      minutesRequired: '请填写“{{field}}”。',
      minutesWhole: '“{{field}}”须是整数，例如 {{min}}。',
      minutesRange: '“{{field}}”须在 {{min}} 至 {{max}} 之间。',
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
    phoneLockAdmin: {
      title: 'Phone lock of {{name}}',
      intro:
        'How the cases on the brigade’s officers’ phones are protected. A change reaches each officer’s phone at its next sync while online, or its next sign-in. With a PIN required, an officer sets his PIN right after signing in, and the phone stores its cases and photos encrypted.',
      field: {
        idleMinutes: 'Idle lock (minutes)',
        offlineLimitHours: 'Offline limit (hours)',
      },
      hint: {
        idleMinutes:
          'How long without a touch before the app locks (it locks at once on switching apps); 1 to 60 minutes, 5 to start.',
        offlineLimitHours:
          'How long without reaching the server before no new case can be opened (open cases can still be finished and saved); 8 to 720 hours (30 days), 72 to start.',
      },
      pinRequired: 'Officers must set a PIN on the phone (cases stored encrypted)',
      save: 'Save phone lock',
      saveFor: ' ({{name}})',
      saving: 'Saving…',
      saved:
        'Phone lock of {{name}} saved: it takes effect on each officer’s phone at its next sync while online.',
      error: {
        minutesRequired: 'Fill in “{{field}}”.',
        minutesWhole: '“{{field}}” must be a whole number, e.g. {{min}}.',
        minutesRange: '“{{field}}” must be from {{min}} to {{max}}.',
      },
    },
  },
};
