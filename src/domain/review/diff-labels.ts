/**
 * Words for the common paths of a case record (`vehicles.0.plate` → "车辆 A
 * 号牌" / "Vehicle A plate"), for the version differences and for the
 * fields a reviewer may ask the officer to correct. A path without words here
 * is shown as it is.
 */
import type { CaseRecord } from '../case/case.schema';
import type { BilingualText } from '../identity/check-result';

const t = (zh: string, en: string): BilingualText => ({ zh, en });

const CASE_FIELDS: Readonly<Record<string, BilingualText>> = {
  caseNumber: t('案件编号', 'Case number'),
  state: t('案件状态', 'Case state'),
  arrivedAt: t('到达现场时间', 'Arrived on scene'),
  occurredAt: t('事故发生时间', 'Accident time'),
  notes: t('备注', 'Notes'),
  'location.address': t('事故地点', 'Address'),
  'location.road': t('道路', 'Road'),
  'location.kmPost': t('公里桩', 'Kilometre post'),
  'location.point.latitude': t('纬度', 'Latitude'),
  'location.point.longitude': t('经度', 'Longitude'),
  'location.point.accuracyM': t('定位精度（米）', 'Position accuracy (m)'),
  'location.point.source': t('定位来源', 'Position source'),
  'officer.name': t('处理民警', 'Officer'),
  'liability.noticesReadAt': t('告知宣读时间', 'Notices read'),
  'liability.courtesy': t('三告知、两敬礼', 'Courteous script'),
  'liability.lenient': t('首违警告', 'Warning instead of a fine'),
  'liability.proposedAt': t('责任认定提出时间', 'Liability proposed'),
  'liability.override.reason': t('民警变更认定的理由', 'Officer’s reason for the override'),
  'liability.override.at': t('民警变更认定时间', 'Override made'),
  'liability.dispute.reason': t('对事实有争议：理由', 'Facts disputed: reason'),
  'liability.flaggedForReview.reason': t('提交审核的理由', 'Flagged for review: reason'),
  'triage.rulesVersion': t('分流规则版本', 'Triage rules version'),
};

const VEHICLE_FIELDS: Readonly<Record<string, BilingualText>> = {
  label: t('编号', 'label'),
  plate: t('号牌', 'plate'),
  plateType: t('号牌种类', 'plate type'),
  vehicleType: t('车辆类型', 'vehicle type'),
  vin: t('车辆识别代号', 'VIN'),
  owner: t('所有人', 'owner'),
  damagedParts: t('受损部位', 'damaged parts'),
};

const PARTY_FIELDS: Readonly<Record<string, BilingualText>> = {
  name: t('姓名', 'name'),
  idNumber: t('身份证号', 'ID number'),
  licenceNumber: t('驾驶证号', 'licence number'),
  phone: t('电话', 'phone'),
  objectDescription: t('受损物体', 'damaged object'),
  'compulsoryInsurance.insurer': t('交强险保险公司', 'compulsory insurer'),
  'compulsoryInsurance.policyNumber': t('交强险保单号', 'compulsory policy number'),
  'commercialInsurance.insurer': t('商业险保险公司', 'commercial insurer'),
  'commercialInsurance.policyNumber': t('商业险保单号', 'commercial policy number'),
  vehicleId: t('所驾车辆', 'vehicle driven'),
};

const SIGNATURE_FIELDS: Readonly<Record<string, BilingualText>> = {
  kind: t('签字或拒签', 'signed or refused'),
  at: t('时间', 'time'),
  image: t('签名', 'signature'),
  reason: t('理由', 'reason'),
  contentSha256: t('所签内容', 'content signed'),
};

function join(a: BilingualText, b: BilingualText): BilingualText {
  return { zh: `${a.zh} ${b.zh}`, en: `${a.en} ${b.en}` };
}

function vehicleName(i: number, ...records: (CaseRecord | undefined)[]): BilingualText {
  const label = records.map((r) => r?.vehicles[i]?.label).find((l) => l !== undefined);
  return label === undefined
    ? t(`车辆 ${i + 1}`, `Vehicle ${i + 1}`)
    : t(`车辆 ${label}`, `Vehicle ${label}`);
}

function partyName(i: number, ...records: (CaseRecord | undefined)[]): BilingualText {
  const name = records.map((r) => r?.parties[i]?.name).find((n) => n !== undefined && n !== '');
  return name === undefined
    ? t(`当事人 ${i + 1}`, `Party ${i + 1}`)
    : t(`当事人 ${name}`, `Party ${name}`);
}

/**
 * Words for `path` in this case (vehicles by their letter, parties by name,
 * looked up in `records` in order), or undefined when the path has none.
 */
export function pathLabel(
  path: string,
  ...records: (CaseRecord | undefined)[]
): BilingualText | undefined {
  const direct = CASE_FIELDS[path];
  if (direct) return direct;
  const [head, index, ...rest] = path.split('.');
  const i = Number(index);
  const field = rest.join('.');
  if (head === 'vehicles' && Number.isInteger(i)) {
    const name = vehicleName(i, ...records);
    if (field === '') return name;
    const fieldName = VEHICLE_FIELDS[field] ?? VEHICLE_FIELDS[rest[0] ?? ''];
    return fieldName && join(name, fieldName);
  }
  if (head === 'parties' && Number.isInteger(i)) {
    const name = partyName(i, ...records);
    if (field === '') return name;
    const fieldName = PARTY_FIELDS[field];
    return fieldName && join(name, fieldName);
  }
  return liabilityLabel(path);
}

function liabilityLabel(path: string): BilingualText | undefined {
  const proposal = /^liability\.(proposal|override\.liability)\.([^.]+)$/.exec(path);
  if (proposal) {
    const which =
      proposal[1] === 'proposal'
        ? t('拟定责任', 'Proposed liability')
        : t('变更后的责任', 'Overridden liability');
    return join(which, t(`车辆 ${proposal[2]}`, `vehicle ${proposal[2]}`));
  }
  const signature = /^liability\.signatures\.(\d+)\.(\w+)$/.exec(path);
  if (signature) {
    const field = SIGNATURE_FIELDS[signature[2] ?? ''];
    const n = Number(signature[1]) + 1;
    return field && join(t(`第 ${n} 个签字`, `Signature ${n}`), field);
  }
  if (/^triage\.history\.\d+\./.test(path)) return t('分流问答', 'Triage answer');
  if (/^transitions\.\d+\./.test(path)) return t('状态变化', 'State change');
  if (/^liability\.amendments\./.test(path)) return t('更正', 'Amendment');
  if (/^liability\.(facts|decision)\./.test(path))
    return t('责任认定事实或结论', 'Liability facts or decision');
  if (/^liability\.draft\./.test(path)) return t('责任认定草稿', 'Liability draft');
  if (/^sketch(\.|$)/.test(path)) return t('现场草图', 'Collision sketch');
  return undefined;
}
