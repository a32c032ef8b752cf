/** The words of the supervisor's recovery code on the admin's phones screen (issue 18). */
import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  recoveryReveal: {
    open: '读出恢复码',
    openFor: '读出恢复码：{{label}}（{{owner}}）',
    intro:
      '民警忘记 PIN 码或输错十次、又没有信号时，用这部手机的恢复码离线解锁。恢复码只能用一次，每次查看都记入审计记录。',
    reason: '查看原因',
    reasonHint: '例如：张伟在 G318 无信号，忘记 PIN 码（至少 4 个字，记入审计记录）',
    reasonShort: '请写明原因，至少 4 个字。',
    show: '显示恢复码',
    cancel: '取消',
    codeTitle: '{{owner}}的恢复码',
    codeSay:
      '请通过电话逐组读给民警，每组四位。民警输入后设置新 PIN 码；这个码随即作废，手机下次联网时取得新的。',
    noCode:
      '这部手机目前没有可用的恢复码：民警还没有设置 PIN 码，或恢复码已用过、手机还没有联网取得新的。',
    revoked: '这部手机的登记已吊销，不能再解锁。',
  },
};

export const recoveryRevealMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    recoveryReveal: {
      open: 'Read out the recovery code',
      openFor: 'Read out the recovery code: {{label}} ({{owner}})',
      intro:
        'When an officer has forgotten his PIN, or typed ten wrong ones, and has no signal, this phone’s recovery code unlocks it offline. The code works once; every look at it is in the audit trail.',
      reason: 'Reason',
      reasonHint:
        'E.g. Zhang Wei has no signal on the G318 and forgot his PIN (4 characters or more, kept in the audit trail)',
      reasonShort: 'Say why, in 4 characters or more.',
      show: 'Show the code',
      cancel: 'Cancel',
      codeTitle: 'Recovery code of {{owner}}',
      codeSay:
        'Read it to the officer over the phone, group by group, four digits each. He types it and sets a new PIN; the code is then spent, and the phone gets a new one when it is next online.',
      noCode:
        'This phone has no recovery code in force: the officer has not set a PIN yet, or the code was used and the phone has not been online since.',
      revoked: 'This phone’s enrolment is revoked: it cannot be unlocked any more.',
    },
  },
};
