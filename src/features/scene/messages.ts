/**
 * Words of the scene screens that came after the foundation (the vehicles
 * and parties screen), under their own top-level keys. zh-CN is the source
 * of keys; English is typed against it.
 */
import type { MessageBundle } from '../../ui/i18n/setup';

const zhCN = {
  parties: {
    title: '车辆与当事人',
    caseNumber: '案件 {{number}}',
    backToCase: '返回案件',
    intro:
      '每辆车登记号牌和驾驶人；撞到护栏、路灯杆等固定物时，另行添加固定物。填错的项目会标出，但不影响保存。',
    empty: '还没有登记车辆。',
    vehicle: '车辆 {{label}}',
    driver: '驾驶人',
    fixedObject: '固定物 {{n}}',
    plate: '号牌号码',
    plateHint: '如 川A12345，新能源 川AD12345',
    plateType: '号牌种类',
    vehicleType: '车辆类型',
    notChosen: '请选择',
    owner: '所有人',
    vin: '车辆识别代号（VIN，选填）',
    vinHint: '行驶证上的 17 位代号',
    damagedParts: '碰撞部位',
    moreParts: '更多部位…',
    name: '姓名',
    idNumber: '身份证号码',
    licenceNumber: '驾驶证号',
    licenceSameAsId: '驾驶证号与身份证号码相同',
    phone: '手机号码',
    compulsoryInsurer: '交强险保险公司',
    compulsoryPolicy: '交强险保单号',
    commercialInsurer: '商业险保险公司（如有）',
    commercialPolicy: '商业险保单号',
    insurerHint: '可输入或从列表中选择',
    objectDescription: '固定物名称',
    objectHint: '如 护栏、路灯杆、隔离墩',
    keeper: '管理单位或联系人（选填）',
    keeperPhone: '联系电话（选填）',
    addVehicle: '添加车辆',
    addFixedObject: '添加固定物（护栏、杆柱等）',
    removeVehicle: '删除车辆 {{label}}',
    removeFixedObject: '删除固定物 {{n}}',
    confirmRemoveVehicle: '删除车辆 {{label}} 及其驾驶人的全部信息？此操作不能撤销。',
    confirmRemoveFixedObject: '删除固定物 {{n}} 的全部信息？此操作不能撤销。',
    confirmRemove: '确认删除',
    cancel: '取消',
    saving: '正在保存…',
    saved: '已保存在本机',
    notEditable: '案件已离开现场处理阶段，车辆和当事人不能再修改。',
    refused: {
      'not-editable': '案件已离开现场处理阶段，不能修改。',
      'not-found': '该车辆或当事人已被删除。',
      'duplicate-id': '编号冲突，请再试一次。',
    },
    vehicleTypes: {
      car: '小型轿车',
      suv: 'SUV / 越野车',
      van: '面包车 / 厢式车',
      bus: '客车',
      truck: '货车',
      motorcycle: '摩托车',
      'electric-bike': '电动自行车',
      tricycle: '三轮车',
      other: '其他',
    },
  },
  seal: {
    notice:
      '当事人已签名，认定内容已封存：时间、地点、车辆、当事人和责任不能直接修改。如需更正，请发起更正，写明原因后重新告知并重新签名。',
    amend: '去更正认定',
    amending: '正在更正已签名的认定（原因：{{reason}}）。改完后需重新告知并由各方重新签名。',
  },
  returned: {
    title: '事故中队退回补充',
    reason: '需要补充：{{reason}}',
    noReason: '未写明原因，请联系事故中队。',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const en: Widen<typeof zhCN> = {
  parties: {
    title: 'Vehicles and parties',
    caseNumber: 'Case {{number}}',
    backToCase: 'Back to the case',
    intro:
      'Record each vehicle with its plate and driver; add a fixed object when a guardrail, pole or the like was hit. Wrong entries are marked but never stop saving.',
    empty: 'No vehicles recorded yet.',
    vehicle: 'Vehicle {{label}}',
    driver: 'Driver',
    fixedObject: 'Fixed object {{n}}',
    plate: 'Plate number',
    plateHint: 'e.g. 川A12345, new energy 川AD12345',
    plateType: 'Plate type',
    vehicleType: 'Vehicle type',
    notChosen: 'Choose…',
    owner: 'Owner',
    vin: 'VIN (optional)',
    vinHint: 'the 17 characters on the vehicle licence',
    damagedParts: 'Points of collision',
    moreParts: 'More parts…',
    name: 'Name',
    idNumber: 'ID number',
    licenceNumber: 'Driving licence number',
    licenceSameAsId: 'Licence number is the ID number',
    phone: 'Mobile number',
    compulsoryInsurer: 'Compulsory insurance (交强险) insurer',
    compulsoryPolicy: 'Compulsory insurance policy number',
    commercialInsurer: 'Commercial insurer (if any)',
    commercialPolicy: 'Commercial policy number',
    insurerHint: 'type or pick from the list',
    objectDescription: 'Fixed object',
    objectHint: 'e.g. guardrail, lamp post, barrier',
    keeper: 'Keeper or contact (optional)',
    keeperPhone: 'Contact phone (optional)',
    addVehicle: 'Add vehicle',
    addFixedObject: 'Add fixed object (guardrail, pole…)',
    removeVehicle: 'Remove vehicle {{label}}',
    removeFixedObject: 'Remove fixed object {{n}}',
    confirmRemoveVehicle:
      'Remove vehicle {{label}} and everything about its driver? This cannot be undone.',
    confirmRemoveFixedObject: 'Remove fixed object {{n}}? This cannot be undone.',
    confirmRemove: 'Remove',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'Saved on this phone',
    notEditable: 'The case has left the scene: vehicles and parties can no longer be changed.',
    refused: {
      'not-editable': 'The case has left the scene and can no longer be changed.',
      'not-found': 'That vehicle or party has been removed.',
      'duplicate-id': 'An id clashed; please try again.',
    },
    vehicleTypes: {
      car: 'Car',
      suv: 'SUV / off-road',
      van: 'Van',
      bus: 'Bus or coach',
      truck: 'Truck',
      motorcycle: 'Motorcycle',
      'electric-bike': 'Electric bicycle',
      tricycle: 'Tricycle',
      other: 'Other',
    },
  },
  seal: {
    notice:
      'The parties have signed: the determination is sealed. Time, place, vehicles, parties and liability cannot be changed directly. To correct them, open an amendment with a reason, then read the notices again and collect new signatures.',
    amend: 'Correct the determination',
    amending:
      'Correcting the signed determination (reason: {{reason}}). Afterwards read the notices again and collect new signatures from every party.',
  },
  returned: {
    title: 'Returned by the accident squad',
    reason: 'To add: {{reason}}',
    noReason: 'No reason was given; contact the accident squad.',
  },
};

/** The scene feature's bundle, registered in `src/app/messages.ts`. */
export const sceneMessages: MessageBundle<Widen<typeof zhCN>> = { 'zh-CN': zhCN, en };
