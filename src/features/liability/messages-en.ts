/** The liability feature's words in English (zh-CN, the source of keys, is in messages.ts). */
import type { LiabilityMessages } from './messages';
import { documentWords, levelWords } from '../../documents/words';
import { factWordsOf } from '../../domain/liability/fact-words';

export const liabilityEn: LiabilityMessages = {
  liability: {
    title: 'Liability',
    intro:
      'Choose what happened, one item at a time. Only questions that decide liability are asked; more come only if needed.',
    notReady: 'Clear the scene first, then determine liability.',
    clearedAt: '✓ Scene cleared, confirmed at {{time}}; traffic restored. Now determine liability.',
    locked:
      'Parties have started signing: the determination is sealed. To correct it, open a correction and collect new signatures.',
    squadTitle: 'The accident squad’s determination',
    squadInForce:
      'The determination in force is the accident squad’s amendment (why: {{reason}}); it is not recomputed from the earlier answers. To correct it again, open an amendment once the parties have signed.',
    needVehicles:
      'Record at least two vehicles, or one vehicle and the fixed object it struck, under "Vehicles and parties" first.',
    place: 'Where did it happen?',
    vehicle: 'Vehicle {{label}} ({{plate}})',
    driver: 'Driver: {{name}}',
    action: 'What was vehicle {{label}} doing?',
    heading: 'Which way was vehicle {{label}} travelling?',
    signal: 'Signal or sign facing vehicle {{label}} (as it reached the stop line)',
    passedStopLine:
      'Did vehicle {{label}} move past the stop line into the junction on that signal?',
    stopLine: {
      yes: 'Passed the stop line into the junction',
      no: 'Stayed at or behind the stop line',
      unknown: 'Cannot tell',
    },
    passedGiveWayLine:
      'Did vehicle {{label}} move past the stop or give-way line into the junction?',
    giveWayLine: {
      yes: 'Passed the line into the junction',
      no: 'Stopped at or behind the line, did not enter',
      unknown: 'Cannot tell',
    },
    unknown: 'Cannot tell',
    conditions: 'Other violations by vehicle {{label}} (if any)',
    impacts: 'Which vehicle struck which?',
    impact: 'Impact {{n}}',
    strikes: '{{striking}} struck {{struck}}',
    addImpact: 'Add an impact (chain collision)',
    whoStruckUnknown: '{{a}} and {{b}}: not known who struck whom (e.g. a mutual scrape)',
    objectName: 'Fixed object {{n}}',
    objectKindQ: 'What kind of object is {{name}}?',
    impactAction: 'At impact {{n}}, what was vehicle {{label}} doing?',
    sameAction: 'As chosen above',
    removeImpact: 'Remove this impact',
    question: 'One more thing to establish',
    questionAbout: 'Asked about: {{vehicle}} as "{{role}}", {{other}} as "{{otherRole}}"',
    factError: {
      line: '{{field}}: {{problem}}',
      vehicle: 'Vehicle {{label}}',
      required: 'required',
      unknownKey: 'unknown field',
      notAllowed: 'not one of the allowed values',
      bound: 'outside the allowed range',
      invalid: 'not valid',
    },
    driverStatus: {
      title: 'Driver of vehicle {{label}} (licence, alcohol, injury)',
      licence: 'Does the driver of vehicle {{label}} hold a valid licence for this vehicle class?',
      alcoholOrDrugs: 'Is the driver of vehicle {{label}} suspected of alcohol or drug use?',
      injury: 'Is anyone in vehicle {{label}} hurt, in pain or asking for medical care?',
      values: {
        licence: {
          valid: 'Valid, for this class',
          'wrong-class': 'Wrong vehicle class',
          invalid: 'Revoked, suspended or expired',
          none: 'No licence',
          unknown: 'Cannot tell',
        },
        alcoholOrDrugs: { none: 'Not suspected', suspected: 'Suspected', unknown: 'Cannot tell' },
        injury: { none: 'No one hurt', injured: 'Someone hurt', unknown: 'Cannot tell' },
      },
    },
    missing: 'Still to answer: {{items}}',
    proposalTitle: 'Proposed liability',
    proposed: 'Liability proposed',
    propose: 'Propose this liability',
    repropose: 'Propose again from the new answers',
    mustConfirm:
      'Primary/secondary is proposed: the officer confirms or changes it under Article 60.',
    alternatives: 'Also acceptable:',
    escalateTitle: 'Hand over to the accident squad',
    escalate: 'Hand over to the accident squad',
    escalated: 'The case has been handed to the accident squad (general procedure).',
    basis: 'Legal basis',
    findings: 'Reasoning',
    overrideTitle: 'Change the liability',
    overrideIntro:
      'If you disagree with the proposal you may change it, with a written reason. The proposal and the change both go to the reviewer and the insurer.',
    overrideReason: 'Reason for the change (required)',
    overrideSave: 'Save the change',
    overrideNeedsReason: 'Write the reason for the change.',
    overridden: 'Changed to: {{liability}}. Reason: {{reason}}',
    proposalWas: 'Proposed: {{liability}}',
    toNotices: 'Next: notices and signatures',
    change: 'Change',
    vehicleLabel: 'Vehicle {{label}}',
    level: levelWords.en,
    ...factWordsOf('en'),
    dispute: {
      title: 'The facts are disputed',
      intro:
        'If the parties dispute the facts themselves and they cannot be settled on scene, the case goes to the accident squad under the general procedure.',
      reason: 'What is disputed (required)',
      submit: 'Facts disputed: hand over to the accident squad',
      needsReason: 'Write what is disputed.',
      recorded: 'Dispute recorded and case handed to the accident squad: {{reason}}',
    },
  },
  notices: {
    title: 'Notices and signatures',
    notReady: 'Propose liability first.',
    scriptTitle: 'The three notices (read out or hand over to the parties)',
    greeting:
      'Hello. I am an officer of the traffic police brigade. Please listen carefully to the following about this accident.',
    violationTitle: '1. The violations found',
    violationNone: 'No party committed a violation.',
    determinationTitle: '2. The determination and its basis',
    determinationLine: 'Vehicle {{label}} ({{plate}}, driver {{name}}): {{level}}',
    rightsTitle: '3. Your rights',
    rightReview:
      'If you disagree with the determination, you may apply in writing for review within three days of its service (Road Traffic Accident Handling Procedures, Article 71), through the traffic authority that made it or directly to the one a level up (Article 72).',
    rightMediation:
      'If you disagree about compensation, all parties may jointly apply in writing to the traffic authority for mediation within ten days of its service (Article 86), or ask the People’s Mediation Committee.',
    rightSuit:
      'You may also bring a civil suit in the People’s Court directly (Road Traffic Safety Law, Article 74).',
    daysNote:
      'These “three days” and “ten days” are working days, public holidays excluded (Road Traffic Accident Handling Procedures, Article 111).',
    signRequest:
      'Please confirm that you have heard the above and sign below. If you disagree, tell us why: if you refuse to sign, the officer notes it on the determination (Road Traffic Accident Handling Procedures, Article 24(3)), which is served all the same, and the accident squad will review the case.',
    thanks: 'Thank you for your cooperation.',
    readDone: 'Notices read: start signing',
    backToLiability: 'Back to liability (change it)',
    readAt: 'Notices read at {{time}}',
    party: 'Party {{name}} (vehicle {{label}})',
    signHere: 'Sign inside the box',
    clear: 'Clear',
    sign: 'Confirm signature',
    emptySignature: 'Sign inside the box first.',
    objection: 'Objection (optional, kept with the signature)',
    refuse: 'Refuses to sign',
    refuseReason: 'Reason for refusing (required)',
    refuseConfirm: 'Record the refusal',
    refuseNeedsReason: 'Write the reason for refusing.',
    signed: 'Signed ({{time}})',
    refused: 'Refused to sign ({{time}}): {{reason}}',
    objected: 'Objection: {{reason}}',
    reviewHow:
      'You may apply in writing for review within three working days (public holidays excluded) of the determination’s service (Road Traffic Accident Handling Procedures, Articles 71 and 111). This case is flagged for the accident squad’s review.',
    flagged: 'Flagged for the accident squad’s review: {{reason}}',
    allDone: 'Every party has signed or refused; the case is signed.',
    toDocument: 'Open the determination / download PDF',
    loadingPad: 'Loading the signature pad…',
    noParties: 'Record the drivers first.',
  },
  document: {
    ...documentWords.en,
    bilingual: 'Print in Chinese and English',
    print: 'Print',
    pdf: 'Download PDF',
    pdfWorking: 'Making the PDF…',
    pdfDone: 'PDF ready ({{size}})',
    pdfFailed: 'The PDF could not be made: {{reason}}',
    pdfMissingGlyphs: '{{count}} characters are not in the font; the PDF shows “□” instead.',
  },
  amendment: {
    title: 'Correct the signed determination',
    intro:
      'A signed determination cannot be edited. A correction keeps the old determination with every signature, marked superseded; the case goes back to the proposed liability, and after the changes the notices are read again and every party signs again. The server flags the correction for the accident squad.',
    reason: 'Reason for the correction (required)',
    needsReason: 'Write the reason for the correction.',
    submit: 'Open the correction',
    inProgress:
      'Correcting (reason: {{reason}}). The old determination is superseded: make the changes, read the notices again and collect new signatures.',
    toParties: 'Change vehicles and parties',
    toLiability: 'Change the liability',
  },
};
