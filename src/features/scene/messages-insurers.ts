/** Words of the insurers' progress and the last three fasts on the case screen (merged into the scene bundle). */
export const insurerStepsZh = {
  insurerSteps: {
    title: '保险公司理赔进度',
    insurer: '保险公司 {{n}}',
    delivered: '已推送',
    acknowledged: '已回访',
    assessed: '已定损',
    paid: '已赔付',
    at: '{{step}}（{{time}}）',
    liabilityFast: '定责用时',
    assessmentFast: '定损用时',
    payoutFast: '赔付用时',
  },
} as const;

export const insurerStepsEn: {
  insurerSteps: Record<keyof typeof insurerStepsZh.insurerSteps, string>;
} = {
  insurerSteps: {
    title: 'Insurers’ progress',
    insurer: 'Insurer {{n}}',
    delivered: 'packet sent',
    acknowledged: 'called back',
    assessed: 'damage assessed',
    paid: 'paid',
    at: '{{step}} ({{time}})',
    liabilityFast: 'Liability time',
    assessmentFast: 'Assessment time',
    payoutFast: 'Payout time',
  },
};
