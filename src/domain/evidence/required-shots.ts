/**
 * The evidence checklist: which photos a case needs, derived from what the
 * officer recorded, and which of them are still missing. Completeness is
 * computed from the photos' slots, never ticked by hand.
 *
 * Slot ids are stable strings a photo stores (`PhotoMeta.slot`):
 * `scene-behind`, `scene-front`, `collision-point`, `vehicle:<vehicleId>:plate`,
 * `damage:<vehicleId>:<part>`, `party:<partyId>:driving-licence`,
 * `party:<partyId>:vehicle-licence`, `party:<partyId>:insurance`,
 * `object:<partyId>:damage`. A part that is not a {@link DamagedPart} id is
 * URI-encoded so the slot stays one token per colon.
 */
import type { CaseRecord } from '../case/case.schema';
import type { Party } from '../case/party.schema';
import type { Vehicle } from '../case/vehicle.schema';
import type { BilingualText } from '../identity/check-result';
import { damagedPartLabel, isDamagedPart } from './damaged-part';

/** What the UI draws beside a shot to show how to take it. */
export type ShotHintKind =
  | 'overview-behind'
  | 'overview-front'
  | 'collision-point'
  | 'plate'
  | 'damage'
  | 'document'
  | 'object-damage';

/** The documents photographed for each driver. */
export type DocumentKind = 'driving-licence' | 'vehicle-licence' | 'insurance';

export interface RequiredShot {
  readonly slot: string;
  readonly hintKind: ShotHintKind;
  readonly title: BilingualText;
  readonly hint: BilingualText;
  readonly vehicleId?: string;
  readonly partyId?: string;
  /** For a damage shot: the part as stored on the vehicle. */
  readonly part?: string;
  readonly document?: DocumentKind;
}

export const SCENE_BEHIND_SLOT = 'scene-behind';
export const SCENE_FRONT_SLOT = 'scene-front';
export const COLLISION_POINT_SLOT = 'collision-point';

/** Slot of the photo showing a vehicle with its plate readable. */
export const plateSlot = (vehicleId: string): string => `vehicle:${vehicleId}:plate`;

/** Slot of the photo of one damaged part of a vehicle. */
export const damageSlot = (vehicleId: string, part: string): string =>
  `damage:${vehicleId}:${isDamagedPart(part) ? part : encodeURIComponent(part)}`;

/** Slot of the photo of one of a driver's documents. */
export const documentSlot = (partyId: string, document: DocumentKind): string =>
  `party:${partyId}:${document}`;

/** Slot of the photo of a damaged fixed object (guardrail, pole …). */
export const objectSlot = (partyId: string): string => `object:${partyId}:damage`;

const SCENE_SHOTS: readonly RequiredShot[] = [
  {
    slot: SCENE_BEHIND_SLOT,
    hintKind: 'overview-behind',
    title: { zh: '现场全景（后方）', en: 'Scene overview from behind' },
    hint: {
      zh: '站在最后一辆车后方 3–5 米处，拍下所有车辆、车道线和路面痕迹',
      en: 'Stand 3–5 m behind the last vehicle; show every vehicle, the lane markings and any marks on the road',
    },
  },
  {
    slot: SCENE_FRONT_SLOT,
    hintKind: 'overview-front',
    title: { zh: '现场全景（前方）', en: 'Scene overview from in front' },
    hint: {
      zh: '站在第一辆车前方 3–5 米处，拍下所有车辆和车道线',
      en: 'Stand 3–5 m in front of the first vehicle; show every vehicle and the lane markings',
    },
  },
  {
    slot: COLLISION_POINT_SLOT,
    hintKind: 'collision-point',
    title: { zh: '碰撞部位', en: 'Point of collision' },
    hint: {
      zh: '近距离拍摄接触部位，旁边放一支笔或手机作比例参照',
      en: 'Close up where they touched, with a pen or phone beside it for scale',
    },
  },
];

const DOCUMENTS: readonly { kind: DocumentKind; name: BilingualText; hint: BilingualText }[] = [
  {
    kind: 'driving-licence',
    name: { zh: '驾驶证', en: 'driving licence' },
    hint: {
      zh: '拍下驾驶证正页和副页，文字清晰',
      en: 'Both pages of the driving licence, text readable',
    },
  },
  {
    kind: 'vehicle-licence',
    name: { zh: '行驶证', en: 'vehicle licence' },
    hint: {
      zh: '拍下行驶证正页和副页，文字清晰',
      en: 'Both pages of the vehicle licence (行驶证), text readable',
    },
  },
  {
    kind: 'insurance',
    name: { zh: '交强险保险凭证', en: 'insurance certificate' },
    hint: {
      zh: '拍下交强险保单或电子保单，保险公司和保险期间清晰',
      en: 'The compulsory insurance (交强险) policy or e-policy, insurer and period readable',
    },
  },
];

function vehicleName(v: Vehicle): BilingualText {
  return { zh: `车辆 ${v.label}`, en: `Vehicle ${v.label}` };
}

function vehicleShots(v: Vehicle): RequiredShot[] {
  const name = vehicleName(v);
  const plate = v.plate.trim() === '' ? '' : `（${v.plate.trim()}）`;
  const shots: RequiredShot[] = [
    {
      slot: plateSlot(v.id),
      hintKind: 'plate',
      title: { zh: `${name.zh} 号牌`, en: `${name.en}: plate` },
      hint: {
        zh: `拍下整车，号牌须清晰可读${plate}`,
        en: `The whole vehicle with its plate readable${plate === '' ? '' : ` (${v.plate.trim()})`}`,
      },
      vehicleId: v.id,
    },
  ];
  const parts = [...new Set(v.damagedParts.map((p) => p.trim()).filter((p) => p !== ''))];
  for (const part of parts) {
    const label = damagedPartLabel(part);
    shots.push({
      slot: damageSlot(v.id, part),
      hintKind: 'damage',
      title: { zh: `${name.zh} 受损部位：${label.zh}`, en: `${name.en} damage: ${label.en}` },
      hint: { zh: '拍下受损处全貌和细节', en: 'The whole damaged area, then its detail' },
      vehicleId: v.id,
      part,
    });
  }
  return shots;
}

function partyName(p: Party, vehicles: readonly Vehicle[]): BilingualText {
  const label = vehicles.find((v) => v.id === p.vehicleId)?.label;
  const name = p.name.trim();
  const zh = [label === undefined ? '当事人' : `车辆 ${label} 驾驶人`, name]
    .filter(Boolean)
    .join(' ');
  const en = [label === undefined ? 'Party' : `Driver of vehicle ${label}`, name]
    .filter(Boolean)
    .join(' ');
  return { zh, en };
}

function partyShots(p: Party, vehicles: readonly Vehicle[]): RequiredShot[] {
  if (p.kind === 'fixed-object') {
    const what = p.objectDescription?.trim() ?? '';
    return [
      {
        slot: objectSlot(p.id),
        hintKind: 'object-damage',
        title:
          what === ''
            ? { zh: '受损物体', en: 'Damaged object' }
            : { zh: `受损物体：${what}`, en: `Damaged object: ${what}` },
        hint: { zh: '拍下受损物体及其所在位置', en: 'The damaged object and where it stands' },
        partyId: p.id,
      },
    ];
  }
  const who = partyName(p, vehicles);
  return DOCUMENTS.map((d) => ({
    slot: documentSlot(p.id, d.kind),
    hintKind: 'document',
    title: { zh: `${who.zh}：${d.name.zh}`, en: `${who.en}: ${d.name.en}` },
    hint: d.hint,
    partyId: p.id,
    document: d.kind,
  }));
}

/**
 * Every shot the case needs, in the order the officer takes them: the scene
 * (behind, in front, collision point), then each vehicle (plate, each damaged
 * part), then each party (a driver's three documents, or the damaged object).
 */
export function requiredShots(c: CaseRecord): RequiredShot[] {
  return [
    ...SCENE_SHOTS,
    ...c.vehicles.flatMap(vehicleShots),
    ...c.parties.flatMap((p) => partyShots(p, c.vehicles)),
  ];
}

export interface EvidenceStatus<P extends { readonly slot: string }> {
  readonly required: readonly RequiredShot[];
  /** Required shots no photo fills yet. */
  readonly missing: readonly RequiredShot[];
  /** Photos whose slot no required shot has (slot `extra`, or a removed vehicle's). */
  readonly extra: readonly P[];
  /** True when nothing is missing. */
  readonly complete: boolean;
}

/** Compares the photos taken with the shots required. One photo fills a slot. */
export function evidenceStatus<P extends { readonly slot: string }>(
  c: CaseRecord,
  photos: readonly P[],
): EvidenceStatus<P> {
  const required = requiredShots(c);
  const taken = new Set(photos.map((p) => p.slot));
  const wanted = new Set(required.map((s) => s.slot));
  const missing = required.filter((s) => !taken.has(s.slot));
  const extra = photos.filter((p) => !wanted.has(p.slot));
  return { required, missing, extra, complete: missing.length === 0 };
}
