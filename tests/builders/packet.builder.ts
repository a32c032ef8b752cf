/**
 * Test data for the insurer portal: a claim packet and a packet list in the
 * contracts' shapes (parsed with them, so a builder that drifts from the
 * contract fails here, not in a screen).
 */
import type { Claim } from '../../src/contracts/claims';
import {
  ClaimPacket,
  PacketList,
  type PacketStatus,
  type PacketSummary,
} from '../../src/contracts/packets';

export const PACKET_ID = '0190a000-0000-7000-8000-0000000000f1';
export const CASE_ID = '0190a000-0000-7000-8000-0000000000c1';
export const INSURED_VEHICLE = '0190a000-0000-7000-8000-0000000000a2';
export const OTHER_VEHICLE = '0190a000-0000-7000-8000-0000000000a3';
/** SHA-256 of the bytes 1 2 3 4. */
export const PHOTO_SHA = '9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a';
const HASH = 'a'.repeat(64);

export function aClaim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: PACKET_ID,
    caseId: CASE_ID,
    insurerId: '0190a000-0000-7000-8000-0000000000e1',
    state: 'delivered',
    packet: { manifestVersion: 2, manifestHash: HASH },
    deliveredAt: '2026-12-06T02:00:00.000Z',
    ...overrides,
  };
}

export function aPacket(claim: Partial<Claim> = {}): ClaimPacket {
  return ClaimPacket.parse({
    packetVersion: 1,
    id: PACKET_ID,
    issuedAt: '2026-12-06T02:00:00.000Z',
    insurer: { id: '0190a000-0000-7000-8000-0000000000e1', name: '人保财险', code: 'PICC' },
    case: {
      viewVersion: 1,
      id: CASE_ID,
      caseNumber: 'KC20261206-000001',
      arrivedAt: '2026-12-06T01:40:00.000Z',
      occurredAt: '2026-12-06T01:30:00.000Z',
      location: { address: 'G318 国道 K123+400', road: 'G318', kmPost: 'K123+400' },
      vehicles: [
        {
          id: INSURED_VEHICLE,
          label: 'A',
          plate: '川A12345',
          damagedParts: ['rear', '后杠划痕'],
          liability: 'full',
          insured: true,
          vin: 'LSVAU2180N2123456',
        },
        {
          id: OTHER_VEHICLE,
          label: 'B',
          plate: '川B67890',
          damagedParts: ['front'],
          liability: 'none',
          insured: false,
        },
      ],
      parties: [
        {
          id: '0190a000-0000-7000-8000-0000000000d2',
          vehicleId: INSURED_VEHICLE,
          name: '张三',
          phone: '13800000000',
          covers: [{ kind: 'compulsory', policyNumber: 'PICC-2026-1' }],
          signature: { kind: 'signed', at: '2026-12-06T01:55:00.000Z' },
        },
      ],
      objects: [],
      determination: {
        overridden: true,
        basis: [{ law: '道路交通安全法实施条例', article: '第四十三条' }],
        amended: false,
      },
      photos: [{ sha256: PHOTO_SHA, byteLength: 4, slot: 'scene-behind' }],
    },
    manifest: { version: 2, hash: HASH, chain: [] },
    photos: [
      {
        sha256: PHOTO_SHA,
        byteLength: 4,
        slot: 'scene-behind',
        download: {
          url: `/api/packets/${PACKET_ID}/photos/${PHOTO_SHA}?expires=1&sig=${'s'.repeat(43)}`,
          expiresAt: '2026-12-06T03:00:00.000Z',
        },
      },
    ],
    determinationPdf: {
      mediaType: 'application/pdf',
      download: {
        url: `/api/packets/${PACKET_ID}/determination.pdf?expires=1&sig=${'s'.repeat(43)}`,
        expiresAt: '2026-12-06T03:00:00.000Z',
      },
    },
    claim: aClaim(claim),
    callbackDueAt: '2026-12-06T02:10:00.000Z',
  });
}

export function aSummary(overrides: Partial<PacketSummary> = {}): PacketSummary {
  return {
    id: PACKET_ID,
    caseId: CASE_ID,
    caseNumber: 'KC20261206-000001',
    status: 'new',
    manifestVersion: 2,
    deliveredAt: '2026-12-06T02:00:00.000Z',
    callbackDueAt: '2026-12-06T02:10:00.000Z',
    overdue: false,
    insuredPlates: ['川A12345'],
    address: 'G318 国道 K123+400',
    ...overrides,
  };
}

export function aPacketList(packets: PacketSummary[] = [aSummary()]): PacketList {
  const counts: Record<PacketStatus, number> = {
    new: 0,
    acknowledged: 0,
    assessed: 0,
    paid: 0,
    withdrawn: 0,
  };
  for (const p of packets) counts[p.status]++;
  return PacketList.parse({
    packets,
    counts,
    overdue: packets.filter((p) => p.overdue).length,
    callbackMinutes: 10,
  });
}
