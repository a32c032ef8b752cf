import type { MessageBundle } from '../../ui/i18n/setup';

const zh = {
  triage: {
    title: '分流：能否快速处理',
    intro:
      '请向双方逐项询问下列情形。如有某项情形，点该项作答（"是"即有此情形）；均无则点"均无以上情形"。任何一项为"是"，案件即移交事故中队按一般程序处理。',
    allNormalHint: '已询问以上各项，均无以上情形：每一项都会记为"否"并记录时间。',
    allNormal: '均无以上情形',
    next: '下一步：当事人与车辆',
    firedCount: '有 {{count}} 项情形需移交：',
    yes: '是',
    no: '否',
    progress: '已回答 {{answered}} / {{total}}',
    quick: '分流完毕，未触发移交条件：按简易程序快速处理。',
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
        'Ask both parties about each situation below. If one may apply, tap it and answer ("Yes" means it applies); if none does, tap "None of the above". Any "Yes" sends the case to the accident squad under the general procedure.',
      allNormalHint:
        'Asked about every item and none applies: each one is recorded as "No", with the time.',
      allNormal: 'None of the above',
      next: 'Next: vehicles and parties',
      firedCount: '{{count}} situation(s) require handing over:',
      yes: 'Yes',
      no: 'No',
      progress: '{{answered}} of {{total}} answered',
      quick: 'Triage done and nothing fired: quick handling under the simplified procedure.',
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
