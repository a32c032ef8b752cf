import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  triage: {
    title: '分流：能否快速处理',
    intro: '请逐项询问并回答。任何一项触发，案件即移交事故中队按一般程序处理。',
    yes: '是',
    no: '否',
    progress: '已回答 {{answered}} / {{total}}',
    quick: '全部回答完毕，未触发移交条件：可以按简易程序快速处理。',
    continue: '开始快速处理',
    fired: '触发移交：{{condition}}',
    basis: '依据',
    instruction: '现场处置',
    outOfScope: '不适用快处：请按普通简易程序处理。',
    confirmEscalate: '确认移交事故中队',
    escalated: '案件已移交事故中队（一般程序）。已采集的信息会一并移交。',
    revised: '答案可以修改，每次修改都会记录时间。',
    notEditable: '案件已提交，不能再修改分流答案。',
  },
};

export const triageMessages: MessageBundle<typeof zh> = {
  'zh-CN': zh,
  en: {
    triage: {
      title: 'Triage: can this be handled quickly?',
      intro:
        'Ask and answer each question. If any one fires, the case goes to the accident squad under the general procedure.',
      yes: 'Yes',
      no: 'No',
      progress: '{{answered}} of {{total}} answered',
      quick:
        'All answered and nothing fired: the case can be handled quickly under the simplified procedure.',
      continue: 'Start quick handling',
      fired: 'Escalate: {{condition}}',
      basis: 'Legal basis',
      instruction: 'At the scene',
      outOfScope: 'Quick handling does not apply: use the ordinary simplified procedure.',
      confirmEscalate: 'Hand over to the accident squad',
      escalated:
        'The case has been handed to the accident squad (general procedure), with everything captured so far.',
      revised: 'Answers can be changed; every change is kept with its time.',
      notEditable: 'The case has been submitted; triage answers can no longer change.',
    },
  },
};
