/** Test data for case routes: a two-vehicle case whose drivers are insured by X and Y. Test-only. */
import type { CaseRecord } from '../src/domain/case/case.schema';
import type { PhotoMeta } from '../src/domain/case/photo.schema';
import { randomUUID } from 'node:crypto';
import { openCase, transitionCase } from '../src/domain/case/case';
import { determinationBytes, openAmendment } from '../src/domain/case/determination';
import {
  emptyDraft,
  factsFromDraft,
  overrideLiability,
  proposeLiability,
  recordRefusal,
  recordSignature,
} from '../src/domain/case/liability-step';
import { markNoticesRead } from '../src/domain/case/courtesy';
import { loadLiabilityCatalog } from '../src/domain/liability/catalog';
import { makePhoto, sha256OfBytes } from './test-device';

export interface CaseFixture {
  record: CaseRecord;
  photos: { bytes: Buffer; meta: PhotoMeta }[];
}

/** Vehicle A's driver insured (compulsory) by Insurer X, vehicle B's (commercial) by code INSY. */
export function insuredCase(seed = 'case', photoCount = 2): CaseFixture {
  const id = randomUUID();
  const [a, b] = [randomUUID(), randomUUID()];
  const record: CaseRecord = {
    ...openCase({
      id,
      arrivedAt: '2026-11-27T02:00:00.000Z',
      caseNumber: `KC20261127-${id.slice(-6).toUpperCase()}`,
      location: { address: 'G318 国道 K123+400' },
    }),
    vehicles: [
      { id: a, label: 'A', plate: '川A12340', damagedParts: ['front-bumper'] },
      { id: b, label: 'B', plate: '川A12341', damagedParts: [] },
    ],
    parties: [
      {
        id: randomUUID(),
        kind: 'driver',
        vehicleId: a,
        name: '张三',
        compulsoryInsurance: { insurer: ' insurer x ' },
      },
      {
        id: randomUUID(),
        kind: 'driver',
        vehicleId: b,
        name: '李四',
        commercialInsurance: { insurer: 'INSY' },
      },
    ],
  };
  const photos = Array.from({ length: photoCount }, (_, i) =>
    makePhoto(record.id, `${seed}-${record.id}-${i}`, i === 0 ? 'overview' : `extra-${i}`),
  );
  return { record, photos };
}

const must = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

/** Every value in {@link fullyPopulatedCase} that insurer X must never receive. */
export interface PopulatedCase extends CaseFixture {
  ids: { vehicleA: string; vehicleB: string; partyA: string; partyB: string; object: string };
  secrets: string[];
}

const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const SIGNATURE_PNG_2 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * The notices read at `at.read`; the first driver signs at `at.signed` (with
 * an objection, when given), the second refuses at `at.refused`: the case is
 * `signed`, every entry naming the hash of the content shown.
 */
export function signAndRefuse(
  c: CaseRecord,
  at: { read: string; signed: string; refused: string },
  image: string = SIGNATURE_PNG,
  words: { objection?: string; refusal: string } = { refusal: '不同意' },
): CaseRecord {
  const [first, second] = c.parties.filter((p) => p.kind === 'driver');
  if (!first || !second) throw new Error('two drivers are needed');
  let next = must(markNoticesRead(c, at.read));
  const contentSha256 = sha256OfBytes(determinationBytes(next));
  next = must(
    recordSignature(
      next,
      {
        partyId: first.id,
        contentSha256,
        image,
        ...(words.objection && { objection: words.objection }),
      },
      at.signed,
    ),
  );
  return must(
    recordRefusal(next, { partyId: second.id, contentSha256, reason: words.refusal }, at.refused),
  );
}

/**
 * {@link insuredCase} with its liability determined and signed: B, going
 * straight, ran into the back of A (B full, A none); A's driver signed, B's
 * refused. The case is `signed`, as a phone sends it.
 */
export function signedInsuredCase(seed = 'signed', photoCount = 1): CaseFixture {
  const fixture = insuredCase(seed, photoCount);
  const at = (m: number) => `2026-11-27T02:${String(m).padStart(2, '0')}:00.000Z`;
  let record: CaseRecord = fixture.record;
  for (const to of ['triaged', 'evidence-complete', 'scene-cleared'] as const) {
    record = must(transitionCase(record, to, at(5)));
  }
  const draft = {
    ...emptyDraft(record),
    placeKind: 'road-section' as const,
    vehicles: [
      { id: 'A', action: 'slowing' as const },
      { id: 'B', action: 'going-straight' as const },
    ],
    impacts: [{ striking: 'B', struck: 'A', relation: 'same-lane' as const }],
  };
  const facts = must(factsFromDraft(draft, true));
  record = must(proposeLiability(record, loadLiabilityCatalog(), facts, at(10))).case;
  record = signAndRefuse(record, { read: at(11), signed: at(12), refused: at(13) });
  return { record, photos: fixture.photos };
}

/**
 * A case with every optional field filled, signed, amended and signed again:
 * vehicle A's driver is insured by X (compulsory) and Y (commercial), vehicle
 * B's by Y and "Other Mutual"; a guardrail was damaged. One photo per kind of
 * shot, each party's documents, and an extra photo.
 */
export function fullyPopulatedCase(officerId: string = randomUUID()): PopulatedCase {
  const id = randomUUID();
  const [vehicleA, vehicleB, partyA, partyB, object] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];
  const at = (m: number) => `2026-11-27T02:${String(m).padStart(2, '0')}:00.000Z`;
  const sha = (bytes: Uint8Array) => sha256OfBytes(bytes);
  let record: CaseRecord = {
    ...openCase({
      id,
      arrivedAt: at(0),
      occurredAt: '2026-11-27T01:50:00.000Z',
      caseNumber: `KC20261127-${id.slice(-6).toUpperCase()}`,
      officer: { id: officerId, name: '民警周八' },
      location: {
        address: 'G318 国道 K123+400',
        road: 'G318',
        kmPost: 'K123+400',
        point: { latitude: 30.5, longitude: 104.1, accuracyM: 8, source: 'gps', at: at(1) },
      },
    }),
    notes: '内部备注：李四疑似酒后，待查',
    vehicles: [
      {
        id: vehicleA,
        label: 'A',
        plate: '川A12340',
        plateType: 'small-blue',
        vehicleType: 'car',
        vin: 'LSVAA2AA0000000A1',
        owner: '张三',
        damagedParts: ['front-bumper'],
      },
      {
        id: vehicleB,
        label: 'B',
        plate: '川A12341',
        plateType: 'new-energy-small',
        vehicleType: 'suv',
        vin: 'LSVBB2BB0000000B2',
        owner: '李四父',
        damagedParts: ['rear-bumper'],
      },
    ],
    parties: [
      {
        id: partyA,
        kind: 'driver',
        vehicleId: vehicleA,
        name: '张三',
        idNumber: '510104199001011234',
        licenceNumber: '510104199001011234',
        phone: '13800000001',
        compulsoryInsurance: { insurer: ' insurer x ', policyNumber: 'PX-0001' },
        commercialInsurance: { insurer: 'INSY', policyNumber: 'PY-0001-A' },
      },
      {
        id: partyB,
        kind: 'driver',
        vehicleId: vehicleB,
        name: '李四',
        idNumber: '510104198502025678',
        licenceNumber: 'LIC-B-5678',
        phone: '13900000002',
        compulsoryInsurance: { insurer: 'INSY', policyNumber: 'PY-0002-B' },
        commercialInsurance: { insurer: 'Other Mutual', policyNumber: 'PO-0003-B' },
      },
      {
        id: object,
        kind: 'fixed-object',
        name: '公路养护站赵六',
        phone: '13700000003',
        objectDescription: '护栏',
      },
    ],
    triage: {
      schemaVersion: 1,
      rulesVersion: 'test-rules',
      history: [{ ruleId: 'injury', answer: false, at: at(2) }],
    },
    state: 'scene-cleared',
    sketch: {
      schemaVersion: 1,
      template: 't-junction',
      lanes: 2,
      vehicles: [
        { vehicleId: vehicleA, x: 0.3, y: 0.55, angle: 90 },
        { vehicleId: vehicleB, x: 0.2, y: 0.55, angle: 90 },
      ],
      arrows: [
        {
          id: randomUUID(),
          vehicleId: vehicleB,
          from: { x: 0.05, y: 0.55 },
          to: { x: 0.14, y: 0.55 },
        },
      ],
      impact: { x: 0.25, y: 0.55 },
    },
  };
  const draft = {
    ...emptyDraft(record),
    placeKind: 'road-section' as const,
    vehicles: [
      { id: 'A', action: 'slowing' as const },
      { id: 'B', action: 'going-straight' as const },
    ],
    impacts: [{ striking: 'B', struck: 'A', relation: 'same-lane' as const }],
  };
  record = { ...record, liability: { schemaVersion: 1, draft, signatures: [] } };
  const facts = must(factsFromDraft(draft, true));
  record = must(proposeLiability(record, loadLiabilityCatalog(), facts, at(10))).case;
  record = must(
    overrideLiability(
      record,
      { A: 'secondary', B: 'primary' },
      '李四变道未打灯，张三车速过快',
      at(11),
    ),
  );
  const words = { objection: '张三保留意见', refusal: '李四拒签，王五可作证' };
  const signAll = (c: CaseRecord, m: number, image: string) =>
    signAndRefuse(c, { read: at(m), signed: at(m + 1), refused: at(m + 2) }, image, words);
  record = signAll(record, 12, SIGNATURE_PNG);
  record = must(
    openAmendment(
      record,
      { reason: '更正：李四驾驶证号录错', supersededSha256: sha(determinationBytes(record)) },
      at(20),
    ),
  );
  record = signAll(record, 21, SIGNATURE_PNG_2);
  record = {
    ...record,
    liability: { ...record.liability!, dispute: { reason: '双方对车速有争议', at: at(25) } },
  };

  const slots = [
    'scene-behind',
    'collision-point',
    `vehicle:${vehicleA}:plate`,
    `vehicle:${vehicleB}:plate`,
    `damage:${vehicleA}:front-bumper`,
    `damage:${vehicleB}:rear-bumper`,
    `party:${partyA}:driving-licence`,
    `party:${partyB}:driving-licence`,
    `party:${partyB}:insurance`,
    `object:${object}:damage`,
    'extra',
  ];
  const photos = slots.map((slot, i) => {
    const p = makePhoto(id, `populated-${id}-${i}`, slot, 64);
    return { bytes: p.bytes, meta: { ...p.meta, takenAt: `2026-11-27T02:3${i % 10}:17.000Z` } };
  });
  const signatureImages = [SIGNATURE_PNG, SIGNATURE_PNG_2].map((s) => s.slice(22));
  return {
    record,
    photos,
    ids: { vehicleA, vehicleB, partyA, partyB, object },
    secrets: [
      '内部备注',
      '民警周八',
      '李四变道未打灯',
      '张三保留意见',
      '李四拒签',
      '更正：李四驾驶证号录错',
      '双方对车速有争议',
      '李四',
      '510104198502025678',
      'LIC-B-5678',
      '13900000002',
      'LSVBB2BB0000000B2',
      '公路养护站赵六',
      '13700000003',
      'PY-0001-A',
      'PY-0002-B',
      'PO-0003-B',
      'Other Mutual',
      ...signatureImages,
      ...photos.map((p) => p.meta.originalSha256),
      ...photos.map((p) => p.meta.takenAt),
      `party:${partyB}`,
      'test-rules',
    ],
  };
}
