/**
 * What the determination shows, built once for the page and the PDF so the
 * two never differ. Printed in the reader's language (the app's), or in both
 * when the officer asks: every translated text is a `Words`, one entry per
 * language of `langs`, the reader's first. The officer's document is made from
 * the whole case (`documentModel`); an insurer's from its redacted view
 * (`insurer-model.ts`).
 */
import {
  effectiveLiability,
  enteredAt,
  requiredShots,
  sketchOf,
  type CaseRecord,
  type LiabilityByVehicle,
  type Party,
  type PhotoMeta,
} from '../domain';
import { sketchModel, type DocumentSketch } from './sketch-pdf';
import { documentWords, levelWords, type DocLang, type LabelKey } from './words';

export type { DocLang } from './words';
/** One text per language of the document, in `DocumentModel.langs` order. */
export type Words = readonly string[];

/** 《law》article, as cited on the screens and the document. */
export function citeBasis(b: { law: string; article: string }): string {
  return `《${b.law.replace(/^《|》$/g, '')}》${b.article}`;
}

export interface DocumentParty {
  label: string;
  plate: string;
  /** Absent: withheld from this reader (an insurer does not see another insurer's driver). */
  name?: string;
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
  /** The collision sketch, when the officer drew one. */
  sketch?: DocumentSketch;
  catalogVersion?: string;
  /** An insurer's copy: the insurer it was made for (its redacted view). */
  copyFor?: string;
  /** Said without its reason (an insurer's copy): the officer changed the liability. */
  overridden?: boolean;
  /** Said without its details (an insurer's copy): the determination was corrected. */
  amended?: boolean;
}

/** The labels of the document (`document.*` messages), in its languages. */
export type DocLabels = Record<string, Words>;

export interface DocOptions {
  /** The reader's language first; a second one when printed bilingual. */
  langs: readonly DocLang[];
  /** The officer's unit, when the phone knows it. */
  officerUnit?: string;
  /** The zone times are printed in, minutes east of UTC; default: the device's. */
  utcOffsetMinutes?: number;
}

/**
 * An instant as people read it, with its zone: 2026-11-27 10:30 (UTC+08:00).
 * In the device's zone unless `utcOffsetMinutes` is given (the server prints
 * China time whatever its own zone, so its bytes do not depend on the host).
 */
export function when(iso: string, utcOffsetMinutes?: number): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = utcOffsetMinutes ?? -d.getTimezoneOffset();
  const l = new Date(d.getTime() + off * 60_000);
  const sign = off >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())} (${zone})`;
}

/** A printed label in each of `langs`. */
export const labelWords = (langs: readonly DocLang[], key: LabelKey): Words =>
  langs.map((l) => documentWords[l][key]);

/** The place once: a road or kilometre post already in the address is not repeated. */
export function placeText(
  location: Pick<CaseRecord['location'], 'address' | 'road' | 'kmPost'>,
): string {
  let text = '';
  for (const part of [location.address, location.road, location.kmPost]) {
    const p = part?.trim() ?? '';
    if (p !== '' && !text.includes(p)) text = text === '' ? p : `${text} ${p}`;
  }
  return text;
}

/** A liability level in each of `langs`. */
export const levelIn = (langs: readonly DocLang[], level: keyof (typeof levelWords)['zh']): Words =>
  langs.map((l) => levelWords[l][level]);

function levels(m: LiabilityByVehicle, lang: DocLang): string {
  return Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, level]) => `${label} ${levelWords[lang][level]}`)
    .join(', ');
}

/** Every label the page and the PDF print, in the document's languages. */
export function documentLabels(o: Pick<DocOptions, 'langs'>): DocLabels {
  const labels: DocLabels = {};
  for (const k of Object.keys(documentWords.zh) as LabelKey[]) labels[k] = labelWords(o.langs, k);
  return labels;
}

function partyOf(o: DocOptions, label: string, plate: string, p?: Party) {
  const insurance = [
    p?.compulsoryInsurance && {
      kind: labelWords(o.langs, 'compulsory'),
      ...p.compulsoryInsurance,
    },
    p?.commercialInsurance && {
      kind: labelWords(o.langs, 'commercial'),
      ...p.commercialInsurance,
    },
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
        title: o.langs.map((l) => shot?.title[l] ?? documentWords[l].extraPhoto),
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
  const inLangs = (f: (l: DocLang) => string) => o.langs.map((l) => f(l));
  const at = (iso: string) => when(iso, o.utcOffsetMinutes);
  return {
    langs: o.langs,
    caseNumber: c.caseNumber,
    place: placeText(c.location),
    ...(c.occurredAt && { occurredAt: at(c.occurredAt) }),
    arrivedAt: at(c.arrivedAt),
    ...(signedAt && { signedAt: at(signedAt) }),
    // A station's case: the officer who determined it remotely signs it off, not the station.
    ...(record?.remote
      ? { officer: { name: record.remote.by.name } }
      : c.officer && {
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
      .map(([label, level]) => ({ label, level: levelIn(o.langs, level) })),
    ...(record?.proposal &&
      record.override && { proposal: inLangs((l) => levels(record.proposal ?? {}, l)) }),
    ...(record?.override && {
      override: {
        levels: inLangs((l) => levels(record.override?.liability ?? {}, l)),
        reason: record.override.reason,
      },
    }),
    findings: [
      ...(record?.decision?.findings ?? []).map((f) => ({
        explanation: o.langs.map((l) => f.explanation[l]),
        basis: f.basis.map(citeBasis),
      })),
      // The officer's remote determination: his reason, in the words he wrote.
      ...(record?.remote
        ? [{ explanation: [record.remote.reason], basis: record.remote.basis.map(citeBasis) }]
        : []),
    ],
    signatures: c.parties
      .filter((p) => p.kind === 'driver')
      .map((p) => {
        const s = record?.signatures.find((x) => x.partyId === p.id);
        return {
          label: vehicleOfParty(p.vehicleId),
          name: p.name,
          kind: s?.kind ?? 'missing',
          ...(s && { at: at(s.at) }),
          ...(s?.image && { image: s.image }),
          ...(s?.reason && { reason: s.reason }),
        };
      }),
    ...(record?.flaggedForReview && { flagged: record.flaggedForReview.reason }),
    superseded: (record?.amendments ?? []).map((a) => ({
      at: at(a.at),
      reason: a.reason,
      sha256: a.supersededSha256,
      signatures: a.signatures.length,
    })),
    photos: photoLines(c, photos, o),
    ...(c.sketch && { sketch: sketchModel(sketchOf(c), c.vehicles, o.langs) }),
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
