/**
 * The words the determination prints, in Chinese and English: one source for
 * the phone's page and PDF (the liability feature spreads them into its
 * `document.*` and `liability.level.*` messages) and for the server's PDF of
 * an insurer's packet. `{{reason}}`, `{{time}}`, `{{hash}}`, `{{n}}` and
 * `{{insurer}}` are filled where they are printed.
 */

const zhLabels = {
  title: '道路交通事故认定书（简易程序）',
  caseNumber: '案件编号',
  place: '事故地点',
  occurredAt: '事故时间',
  notRecorded: '未记录',
  arrivedAt: '到场时间',
  officer: '处理民警',
  vehicles: '车辆与当事人',
  vehicle: '车辆',
  driver: '驾驶人',
  idNumber: '身份证号',
  licenceNumber: '驾驶证号',
  phone: '联系电话',
  compulsory: '交强险',
  commercial: '商业险',
  policyNumber: '保单号',
  liability: '责任认定',
  basis: '依据',
  explanation: '理由',
  override: '民警改定',
  overrideReason: '改定理由',
  proposal: '系统建议',
  signatures: '当事人签字',
  refusedNote:
    '拒绝签字，理由：{{reason}}（依《道路交通事故处理程序规定》第二十四条第三款在认定书上注明）',
  objectionNote: '异议：{{reason}}',
  notSigned: '未签字',
  signed: '已签字',
  refused: '拒绝签字',
  flagged: '已标记事故中队复核',
  superseded: '本认定书更正并取代以下已签名的认定（原认定及签名留存备查）',
  supersededItem: '{{time}} 更正，原因：{{reason}}；原认定内容哈希 {{hash}}；原签名/拒签 {{n}} 人',
  photos: '证据照片（SHA-256）',
  noPhotos: '无',
  extraPhoto: '补充照片',
  manifest: '认定内容哈希（SHA-256，当事人签名所依据）',
  catalog: '规则库版本',
  noDetermination: '本案尚未拟定责任。',
  rights:
    '对本认定有异议的，可以自本认定书送达之日起三日内提出书面复核申请（《道路交通事故处理程序规定》第七十一条）；对损害赔偿有争议的，各方可以自送达之日起十日内一致书面申请公安机关交通管理部门调解（同规定第八十六条），或者直接向人民法院提起民事诉讼（《中华人民共和国道路交通安全法》第七十四条）。上述“三日”“十日”指工作日，不含节假日（《道路交通事故处理程序规定》第一百一十一条）。',
  insurerCopy: '保险公司用本（{{insurer}}）：按保险公司可见范围制作，他方当事人信息已隐去。',
  withheld: '（已隐去）',
  overridden: '本认定经民警改定（理由不向保险公司提供）。',
  amended: '本认定经更正，取代此前已签名的认定。',
  packetManifest: '案件清单哈希（SHA-256，民警设备签名所依据）',
};

export type LabelKey = keyof typeof zhLabels;
export type DocumentLabelWords = Record<LabelKey, string>;

const enLabels: DocumentLabelWords = {
  title: 'Road Traffic Accident Determination (Simplified Procedure)',
  caseNumber: 'Case number',
  place: 'Place',
  occurredAt: 'Time of the accident',
  notRecorded: 'Not recorded',
  arrivedAt: 'Officer arrived',
  officer: 'Officer',
  vehicles: 'Vehicles and parties',
  vehicle: 'Vehicle',
  driver: 'Driver',
  idNumber: 'ID number',
  licenceNumber: 'Driving licence number',
  phone: 'Phone',
  compulsory: 'Compulsory insurance',
  commercial: 'Commercial insurance',
  policyNumber: 'Policy number',
  liability: 'Liability',
  basis: 'Legal basis',
  explanation: 'Reasoning',
  override: 'Changed by the officer',
  overrideReason: 'Reason for the change',
  proposal: 'Proposed',
  signatures: 'Signatures',
  refusedNote:
    'Refused to sign, reason: {{reason}} (noted on the determination under Road Traffic Accident Handling Procedures, Article 24(3))',
  objectionNote: 'Objection: {{reason}}',
  notSigned: 'Not signed',
  signed: 'Signed',
  refused: 'Refused to sign',
  flagged: 'Flagged for the accident squad’s review',
  superseded:
    'This determination corrects and replaces the signed determinations below (kept with their signatures)',
  supersededItem:
    'Corrected {{time}}, reason: {{reason}}; superseded content hash {{hash}}; {{n}} signature(s) or refusal(s)',
  photos: 'Evidence photos (SHA-256)',
  noPhotos: 'None',
  extraPhoto: 'Additional photo',
  manifest: 'Determination hash (SHA-256, what the parties signed)',
  catalog: 'Rule catalogue version',
  noDetermination: 'Liability has not been proposed for this case.',
  rights:
    'If you disagree with this determination, you may apply in writing for review within three days of its service (Road Traffic Accident Handling Procedures, Article 71); if you disagree about compensation, all parties may jointly apply in writing to the traffic authority for mediation within ten days of its service (Article 86), or bring a civil suit in the People’s Court directly (Road Traffic Safety Law, Article 74). These days are working days, public holidays excluded (Road Traffic Accident Handling Procedures, Article 111).',
  insurerCopy:
    'Insurer’s copy ({{insurer}}): made from what the insurer may see; the other parties’ details are withheld.',
  withheld: '(withheld)',
  overridden: 'The officer changed this determination (the reason is not given to insurers).',
  amended: 'This determination was corrected and replaces an earlier signed one.',
  packetManifest: 'Case manifest hash (SHA-256, what the officer’s device signed)',
};

const zhLevels = {
  full: '全部责任',
  primary: '主要责任',
  equal: '同等责任',
  secondary: '次要责任',
  none: '无责任',
};
export type LevelWords = Record<keyof typeof zhLevels, string>;

const enLevels: LevelWords = {
  full: 'Full liability',
  primary: 'Primary liability',
  equal: 'Equal liability',
  secondary: 'Secondary liability',
  none: 'No liability',
};

export type DocLang = 'zh' | 'en';

/** The printed labels (`document.*`), by language. */
export const documentWords: Record<DocLang, DocumentLabelWords> = { zh: zhLabels, en: enLabels };

/** The liability levels (`liability.level.*`), by language. */
export const levelWords: Record<DocLang, LevelWords> = { zh: zhLevels, en: enLevels };
