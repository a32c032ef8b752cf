/**
 * What the determination shows, built once for the page and the PDF so the
 * two never differ. Printed in the reader's language (the app's), or in both
 * when the officer asks: every translated text is a `Words`, one entry per
 * language of `langs`, the reader's first.
 */
import type { TFunction } from 'i18next';
import {
  effectiveLiability,
  enteredAt,
  requiredShots,
  type CaseRecord,
  type LiabilityByVehicle,
  type Party,
  type PhotoMeta,
} from '../../domain';
import { citeBasis } from './shared';

export type DocLang = 'zh' | 'en';
/** One text per language of the document, in `DocumentModel.langs` order. */
export type Words = readonly string[];

export interface DocumentParty {
  label: string;
  plate: string;
  name: string;
  idNumber?: string;
  licenceNumber?: string;
  phone?: string;
  insurance: { kind: Words; insurer: string; policyNumber?: string }[];
}

export interface DocumentModel {
  langs: readonly DocLang[];
  caseNumber: string;
  place: string;
  /** Absent: the time of the accident was not recorded on the case. */
  occurredAt?: string;
  arrivedAt: string;
  signedAt?: string;
  officer?: { name: string; unit?: string };
  parties: DocumentParty[];
  liability: { label: string; level: Words }[];
  proposal?: Words;
  override?: { levels: Words; reason: string };
  findings: { explanation: Words; basis: string[] }[];
  signatures: {
    label: string;
    name: string;
    kind: 'signed' | 'refused' | 'missing';
    at?: string;
    image?: string;
    reason?: string;
  }[];
  flagged?: string;
  /** Determinations this one corrects, oldest first: each superseded with its signatures. */
  superseded: { at: string; reason: string; sha256: string; signatures: number }[];
  photos: { title: Words; sha256: string }[];
  catalogVersion?: string;
}

/** The labels of the document (`document.*` messages), in its languages. */
export type DocLabels = Record<string, Words>;

export interface DocOptions {
  /** The reader's language first; a second one when printed bilingual. */
  langs: readonly DocLang[];
  /** A fixed-language translator per language. */
  t: Record<DocLang, TFunction>;
  /** The officer's unit, when the phone knows it. */
  officerUnit?: string;
}

/** An instant as people read it, in the device's zone with its offset: 2026-11-27 10:30 (UTC+08:00). */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} (${zone})`;
}

/** The place once: a road or kilometre post already in the address is not repeated. */
export function placeText(location: CaseRecord['location']): string {
  let text = '';
  for (const part of [location.address, location.road, location.kmPost]) {
    const p = part?.trim() ?? '';
    if (p !== '' && !text.includes(p)) text = text === '' ? p : `${text} ${p}`;
  }
  return text;
}

function levels(m: LiabilityByVehicle, t: TFunction): string {
  return Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, level]) => `${label} ${t(`liability.level.${level}`)}`)
    .join(', ');
}

/** Every `document.*` label the page and the PDF print, in the document's languages. */
export function documentLabels(o: DocOptions): DocLabels {
  const labels: DocLabels = {};
  const keys = Object.keys(o.t.zh('document', { returnObjects: true }) as object);
  for (const k of keys) labels[k] = o.langs.map((l) => o.t[l](`document.${k}`));
  const keep = { reason: '{{reason}}' };
  labels['refusedNote'] = o.langs.map((l) => o.t[l]('document.refusedNote', keep));
  labels['objectionNote'] = o.langs.map((l) => o.t[l]('document.objectionNote', keep));
  const item = { time: '{{time}}', reason: '{{reason}}', hash: '{{hash}}', n: '{{n}}' };
  labels['supersededItem'] = o.langs.map((l) => o.t[l]('document.supersededItem', item));
  return labels;
}

function partyOf(o: DocOptions, label: string, plate: string, p?: Party) {
  const words = (key: string) => o.langs.map((l) => o.t[l](key));
  const insurance = [
    p?.compulsoryInsurance && { kind: words('document.compulsory'), ...p.compulsoryInsurance },
    p?.commercialInsurance && { kind: words('document.commercial'), ...p.commercialInsurance },
  ].flatMap((x) => (x ? [x] : []));
  return {
    label,
    plate,
    name: p?.name ?? '—',
    ...(p?.idNumber && { idNumber: p.idNumber }),
    ...(p?.licenceNumber && { licenceNumber: p.licenceNumber }),
    ...(p?.phone && { phone: p.phone }),
    insurance,
  };
}

/** One superseded determination in the document's languages. */
export function supersededText(labels: DocLabels, a: DocumentModel['superseded'][number]): Words {
  return (labels['supersededItem'] ?? []).map((x) =>
    x
      .replace('{{time}}', a.at)
      .replace('{{reason}}', a.reason)
      .replace('{{hash}}', a.sha256)
      .replace('{{n}}', String(a.signatures)),
  );
}

/** The evidence photos by what they show (the shot list's titles), with their hashes. */
function photoLines(c: CaseRecord, photos: readonly PhotoMeta[], o: DocOptions) {
  const shots = requiredShots(c);
  const order = new Map(shots.map((s, i) => [s.slot, i]));
  return [...photos]
    .sort(
      (a, b) =>
        (order.get(a.slot) ?? shots.length) - (order.get(b.slot) ?? shots.length) ||
        a.takenAt.localeCompare(b.takenAt),
    )
    .map((p) => {
      const shot = shots.find((s) => s.slot === p.slot);
      return {
        title: o.langs.map((l) => shot?.title[l] ?? o.t[l]('document.extraPhoto')),
        sha256: p.sha256,
      };
    });
}

/** The determination of a case in the document's languages. */
export function documentModel(
  c: CaseRecord,
  photos: readonly PhotoMeta[],
  o: DocOptions,
): DocumentModel {
  const record = c.liability;
  const liability = effectiveLiability(c) ?? {};
  const vehicleOfParty = (vehicleId: string | undefined) =>
    c.vehicles.find((v) => v.id === vehicleId)?.label ?? '—';
  const signedAt = enteredAt(c, 'signed');
  const inLangs = (f: (t: TFunction, l: DocLang) => string) => o.langs.map((l) => f(o.t[l], l));
  return {
    langs: o.langs,
    caseNumber: c.caseNumber,
    place: placeText(c.location),
    ...(c.occurredAt && { occurredAt: when(c.occurredAt) }),
    arrivedAt: when(c.arrivedAt),
    ...(signedAt && { signedAt: when(signedAt) }),
    ...(c.officer && {
      officer: { name: c.officer.name, ...(o.officerUnit && { unit: o.officerUnit }) },
    }),
    parties: c.vehicles.map((v) =>
      partyOf(
        o,
        v.label,
        v.plate,
        c.parties.find((p) => p.kind === 'driver' && p.vehicleId === v.id),
      ),
    ),
    liability: Object.entries(liability)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, level]) => ({ label, level: inLangs((t) => t(`liability.level.${level}`)) })),
    ...(record?.proposal &&
      record.override && { proposal: inLangs((t) => levels(record.proposal ?? {}, t)) }),
    ...(record?.override && {
      override: {
        levels: inLangs((t) => levels(record.override?.liability ?? {}, t)),
        reason: record.override.reason,
      },
    }),
    findings: (record?.decision?.findings ?? []).map((f) => ({
      explanation: o.langs.map((l) => f.explanation[l]),
      basis: f.basis.map(citeBasis),
    })),
    signatures: c.parties
      .filter((p) => p.kind === 'driver')
      .map((p) => {
        const s = record?.signatures.find((x) => x.partyId === p.id);
        return {
          label: vehicleOfParty(p.vehicleId),
          name: p.name,
          kind: s?.kind ?? 'missing',
          ...(s && { at: when(s.at) }),
          ...(s?.image && { image: s.image }),
          ...(s?.reason && { reason: s.reason }),
        };
      }),
    ...(record?.flaggedForReview && { flagged: record.flaggedForReview.reason }),
    superseded: (record?.amendments ?? []).map((a) => ({
      at: when(a.at),
      reason: a.reason,
      sha256: a.supersededSha256,
      signatures: a.signatures.length,
    })),
    photos: photoLines(c, photos, o),
    ...(record?.decision && { catalogVersion: record.decision.catalogVersion }),
  };
}

/**
 * The text the QR code carries: the case and the SHA-256 of its determination
 * content — the bytes every party's signature or refusal is bound to, which
 * anyone holding the case record can recompute (`determinationBytes`).
 */
export function determinationQrText(
  c: { id: string; caseNumber: string },
  determinationSha256: string,
): string {
  return `kuaichu:determination?case=${c.caseNumber}&id=${c.id}&sha256=${determinationSha256}`;
}
