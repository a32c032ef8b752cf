/**
 * What the determination shows, in both languages, built once for the page
 * and the PDF so the two never differ.
 */
import type { TFunction } from 'i18next';
import {
  effectiveLiability,
  enteredAt,
  type CaseRecord,
  type LiabilityByVehicle,
  type PhotoMeta,
} from '../../domain';
import { citeBasis } from './shared';

export interface Both {
  zh: string;
  en: string;
}

export interface DocumentModel {
  caseNumber: string;
  place: string;
  occurredAt?: string;
  arrivedAt: string;
  signedAt?: string;
  vehicles: { label: string; plate: string; driver: string; phone?: string; insurer?: string }[];
  liability: { label: string; level: Both }[];
  proposal?: string;
  override?: { levels: Both; reason: string };
  findings: { explanation: Both; basis: string[] }[];
  signatures: {
    label: string;
    name: string;
    kind: 'signed' | 'refused' | 'missing';
    at?: string;
    image?: string;
    reason?: string;
  }[];
  flagged?: string;
  photos: { slot: string; sha256: string }[];
  catalogVersion?: string;
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

function levels(m: LiabilityByVehicle, t: TFunction): string {
  return Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, level]) => `${label} ${t(`liability.level.${level}`)}`)
    .join(', ');
}

/** The determination of a case; `zh` and `en` are fixed-language translators. */
export function documentModel(
  c: CaseRecord,
  photos: readonly PhotoMeta[],
  zh: TFunction,
  en: TFunction,
): DocumentModel {
  const record = c.liability;
  const liability = effectiveLiability(c) ?? {};
  const vehicleOfParty = (vehicleId: string | undefined) =>
    c.vehicles.find((v) => v.id === vehicleId)?.label ?? '—';
  const signedAt = enteredAt(c, 'signed');
  return {
    caseNumber: c.caseNumber,
    place: [c.location.address, c.location.road, c.location.kmPost].filter(Boolean).join(' '),
    ...(c.occurredAt && { occurredAt: when(c.occurredAt) }),
    arrivedAt: when(c.arrivedAt),
    ...(signedAt && { signedAt: when(signedAt) }),
    vehicles: c.vehicles.map((v) => {
      const driver = c.parties.find((p) => p.kind === 'driver' && p.vehicleId === v.id);
      return {
        label: v.label,
        plate: v.plate,
        driver: driver?.name ?? '—',
        ...(driver?.phone && { phone: driver.phone }),
        ...(driver?.compulsoryInsurance && { insurer: driver.compulsoryInsurance.insurer }),
      };
    }),
    liability: Object.entries(liability)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, level]) => ({
        label,
        level: { zh: zh(`liability.level.${level}`), en: en(`liability.level.${level}`) },
      })),
    ...(record?.proposal &&
      record.override && {
        proposal: `${levels(record.proposal, zh)} / ${levels(record.proposal, en)}`,
      }),
    ...(record?.override && {
      override: {
        levels: {
          zh: levels(record.override.liability, zh),
          en: levels(record.override.liability, en),
        },
        reason: record.override.reason,
      },
    }),
    findings: (record?.decision?.findings ?? []).map((f) => ({
      explanation: f.explanation,
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
    photos: [...photos]
      .sort((a, b) => a.slot.localeCompare(b.slot))
      .map((p) => ({ slot: p.slot, sha256: p.sha256 })),
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
