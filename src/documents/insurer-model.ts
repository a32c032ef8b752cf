/**
 * An insurer's copy of the determination, made only from what that insurer
 * may read (its `InsurerCaseView`, the one redaction policy of
 * server/cases/insurer-view.ts): its own drivers with their covers, the other
 * vehicles' plates and shares with their drivers withheld, the liability with
 * law and article, whether the officer changed it or it was corrected (never
 * why), signed or refused and when (never the signature or a reason), the
 * photos the packet lists, the collision sketch. Sealed with the packet's manifest hash.
 *
 * Times in China time whatever the host's zone, so the same packet always
 * prints the same bytes.
 */
import type { InsurerCaseView } from '../contracts/claims';
import { requiredShots, type CaseRecord } from '../domain';
import {
  citeBasis,
  labelWords,
  levelIn,
  placeText,
  when,
  type DocLang,
  type DocumentModel,
  type DocumentParty,
} from './document-model';
import { sketchModel } from './sketch-pdf';
import { documentWords } from './words';

/** China Standard Time, minutes east of UTC. */
export const CHINA_TIME = 480;

export interface InsurerCopyOptions {
  langs: readonly DocLang[];
  /** The insurer the copy is for (its covers are printed under its name). */
  insurerName: string;
}

type View = InsurerCaseView;
const at = (iso: string) => when(iso, CHINA_TIME);

function partyOf(view: View, v: View['vehicles'][number], o: InsurerCopyOptions): DocumentParty {
  const driver = v.insured ? view.parties.find((p) => p.vehicleId === v.id) : undefined;
  if (!driver) return { label: v.label, plate: v.plate, insurance: [] };
  return {
    label: v.label,
    plate: v.plate,
    name: driver.name,
    ...(driver.idNumber && { idNumber: driver.idNumber }),
    ...(driver.licenceNumber && { licenceNumber: driver.licenceNumber }),
    ...(driver.phone && { phone: driver.phone }),
    insurance: driver.covers.map((c) => ({
      kind: labelWords(o.langs, c.kind),
      insurer: o.insurerName,
      ...(c.policyNumber && { policyNumber: c.policyNumber }),
    })),
  };
}

/**
 * The photos the view lists, titled as the officer's shot list titles them.
 * The shot list needs only vehicles and parties, which the view has for every
 * photo it lists (other drivers' documents are not among them).
 */
function photoLines(view: View, langs: readonly DocLang[]): DocumentModel['photos'] {
  const shaped = {
    vehicles: view.vehicles,
    parties: [
      ...view.parties.map((p) => ({
        id: p.id,
        kind: 'driver',
        vehicleId: p.vehicleId,
        name: p.name,
      })),
      ...view.objects.map((x) => ({
        id: x.id,
        kind: 'fixed-object',
        name: '',
        ...(x.description !== undefined && { objectDescription: x.description }),
      })),
    ],
  } as unknown as CaseRecord;
  const shots = requiredShots(shaped);
  const order = new Map(shots.map((s, i) => [s.slot, i]));
  return [...view.photos]
    .sort((a, b) => (order.get(a.slot) ?? shots.length) - (order.get(b.slot) ?? shots.length))
    .map((p) => {
      const shot = shots.find((s) => s.slot === p.slot);
      return {
        title: langs.map((l) => shot?.title[l] ?? documentWords[l].extraPhoto),
        sha256: p.sha256,
      };
    });
}

/** The determination as `view`'s insurer may read it. */
export function insurerDocumentModel(view: View, o: InsurerCopyOptions): DocumentModel {
  const label = (vehicleId: string) => view.vehicles.find((v) => v.id === vehicleId)?.label ?? '—';
  const d = view.determination;
  return {
    langs: o.langs,
    copyFor: o.insurerName,
    caseNumber: view.caseNumber,
    place: placeText(view.location),
    ...(view.occurredAt && { occurredAt: at(view.occurredAt) }),
    arrivedAt: at(view.arrivedAt),
    parties: view.vehicles.map((v) => partyOf(view, v, o)),
    liability: view.vehicles
      .flatMap((v) =>
        v.liability ? [{ label: v.label, level: levelIn(o.langs, v.liability) }] : [],
      )
      .sort((a, b) => a.label.localeCompare(b.label)),
    findings: d && d.basis.length > 0 ? [{ explanation: [], basis: d.basis.map(citeBasis) }] : [],
    ...(d?.overridden && { overridden: true }),
    ...(d?.amended && { amended: true }),
    signatures: view.parties.map((p) => ({
      label: label(p.vehicleId),
      name: p.name,
      kind: p.signature?.kind ?? 'missing',
      ...(p.signature && { at: at(p.signature.at) }),
    })),
    superseded: [],
    photos: photoLines(view, o.langs),
    ...(view.sketch && { sketch: sketchModel(view.sketch, view.vehicles, o.langs) }),
    ...(d?.catalogVersion && { catalogVersion: d.catalogVersion }),
  };
}

/** What the QR code of an insurer's copy carries: the case and the packet's manifest hash. */
export function insurerQrText(view: Pick<View, 'id' | 'caseNumber'>, manifestSha256: string) {
  return `kuaichu:packet?case=${view.caseNumber}&id=${view.id}&manifest=${manifestSha256}`;
}
