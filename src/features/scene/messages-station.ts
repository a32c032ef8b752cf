/** Words of a rural station's last step on the case screen (merged into the scene bundle). */
export const stationStepsZh = {
  stationSteps: {
    handover: '5 移交民警',
    next: '下一步：移交民警',
    handedOver: '已移交，等待民警认定',
    determined: '民警已认定',
  },
  officerWord: {
    title: '民警已认定责任',
    by: '认定民警：{{name}}（{{time}}）',
    line: '{{label}} 车 {{plate}}：{{level}}',
    reason: '认定理由：{{reason}}',
    basis: '依据：{{basis}}',
    corrected: '民警更正了：{{note}}',
    readOnly: '这是民警的认定，劝导站不能更改：请向当事人宣读告知，并由当事人签字。',
    adopt: '向当事人宣读告知',
    toNotices: '告知与签字',
    signed: '当事人已签字，案件联网后发送，转由认定民警负责。',
  },
} as const;

export const stationStepsEn: {
  stationSteps: Record<keyof typeof stationStepsZh.stationSteps, string>;
  officerWord: Record<keyof typeof stationStepsZh.officerWord, string>;
} = {
  stationSteps: {
    handover: '5 Hand over to an officer',
    next: 'Next: hand over to an officer',
    handedOver: 'Handed over; waiting for an officer',
    determined: 'Determined by an officer',
  },
  officerWord: {
    title: 'An officer determined liability',
    by: 'Determined by officer {{name}} ({{time}})',
    line: 'Vehicle {{label}} {{plate}}: {{level}}',
    reason: 'Reason: {{reason}}',
    basis: 'Basis: {{basis}}',
    corrected: 'The officer corrected: {{note}}',
    readOnly:
      'This is the officer’s determination; the station cannot change it. Read the notices to the parties and have them sign.',
    adopt: 'Read the notices to the parties',
    toNotices: 'Notices and signatures',
    signed:
      'The parties signed. The case is sent once online and becomes the determining officer’s.',
  },
};
