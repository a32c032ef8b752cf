/**
 * The route x role matrix's fixtures for the insurers' side: the packets
 * (insurer X's packet of a fresh approved case) and the admin's webhook
 * endpoints and deliveries, the brigades' settings for insurers and the overdue list. Test-only; used by route-matrix.test.ts.
 */
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { sha256OfBytes } from './test-device';
import { jpegBytes, uploadAssessmentPhoto } from './test-photos';
import { createEndpoint } from './webhooks/endpoints';
import { enqueueEvent } from './webhooks/outbox';
import type { Actor, TestWorld } from './test-world';

export interface Fixture {
  /** Status of a successful call. */
  success: number;
  /** For scoped routes: who is inside tenant A's scope for the object. */
  home?: readonly Actor[];
  /** Callers in scope whom the route refuses by its own rule: status and error code. */
  refused?: Partial<Record<Actor, readonly [number, string]>>;
  /** A request touching a fresh object owned by tenant A. */
  prepare(actor: Actor | undefined): Promise<InjectOptions>;
}

export interface MatrixContext {
  world(): TestWorld;
  /** A case of officer A that only insurer X covers; `reviewed`: approved, so X holds a packet. */
  storedCase(reviewed?: boolean): Promise<{ id: string }>;
  /** A fresh number for names. */
  next(): number;
}

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A tus creation of an assessment photo for insurer X's packet of a fresh approved case. */
export async function assessmentUploadOfX({
  world,
  storedCase,
  next,
}: MatrixContext): Promise<InjectOptions> {
  const { id } = await storedCase(true);
  const claim = await world()
    .fx.db.selectFrom('claims')
    .select('id')
    .where('case_id', '=', id)
    .where('insurer_id', '=', world().insurers.x.id)
    .executeTakeFirstOrThrow();
  const sha = sha256OfBytes(`matrix-assessment-${next()}`);
  const meta = `sha256 ${b64(sha)},claimId ${b64(claim.id)},filetype ${b64('image/jpeg')}`;
  return {
    method: 'POST',
    url: '/api/uploads',
    headers: { ...TUS, 'upload-length': '16', 'upload-metadata': meta },
  };
}

export function insurerFixtures({
  world,
  storedCase,
  next,
}: MatrixContext): Record<string, Fixture> {
  /** Insurer X's packet of a fresh approved case: its id and the vehicle it covers. */
  async function packetOfX(): Promise<{ id: string; vehicleId: string }> {
    const { id: caseId } = await storedCase(true);
    const packet = await world()
      .fx.db.selectFrom('claims')
      .innerJoin('case_vehicles_insurers as v', (j) =>
        j.onRef('v.case_id', '=', 'claims.case_id').onRef('v.insurer_id', '=', 'claims.insurer_id'),
      )
      .select(['claims.id', 'v.vehicle_id'])
      .where('claims.case_id', '=', caseId)
      .where('claims.insurer_id', '=', world().insurers.x.id)
      .executeTakeFirstOrThrow();
    return { id: packet.id, vehicleId: packet.vehicle_id };
  }

  const PACKET_HOME = ['insurerX'] as const;
  const packetPost = async (path: string, payload: (p: { vehicleId: string }) => object) => {
    const packet = await packetOfX();
    return {
      method: 'POST' as const,
      url: `/api/packets/${packet.id}/${path}`,
      payload: payload(packet),
    };
  };

  let pdfLink: { world: TestWorld; url: string } | undefined;
  async function pdfLinkOfX(): Promise<string> {
    const packet = await world().call('insurerX', {
      url: `/api/packets/${(await packetOfX()).id}`,
    });
    expect(packet.statusCode).toBe(200);
    const body = packet.json() as { determinationPdf: { download: { url: string } } };
    return body.determinationPdf.download.url;
  }

  async function endpointOfX(): Promise<string> {
    const { endpoint } = await createEndpoint(
      world().fx.db,
      world().insurers.x.id,
      { url: `http://127.0.0.1:9/matrix-${next()}`, allowPrivate: true },
      { actor: 'test', now: world().clock.now },
    );
    return endpoint.id;
  }

  /** A delivery of a `case.returned` event to a fresh endpoint of insurer X. */
  async function deliveryToX(): Promise<number> {
    const endpointId = await endpointOfX();
    const { id: caseId } = await storedCase();
    await world()
      .fx.db.transaction()
      .execute((trx) =>
        enqueueEvent(trx, {
          insurerId: world().insurers.x.id,
          type: 'case.returned',
          caseId,
          claimId: null,
          body: { type: 'case.returned', timestamp: world().clock.now.toISOString(), data: {} },
          at: world().clock.now,
        }),
      );
    const row = await world()
      .fx.db.selectFrom('webhook_deliveries')
      .select('id')
      .where('endpoint_id', '=', endpointId)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  return {
    'admin.brigades.list': {
      success: 200,
      prepare: async () => ({ url: '/api/admin/brigades' }),
    },
    'admin.brigades.settings': {
      success: 200,
      home: ['admin'],
      prepare: async () => {
        const { id } = await world()
          .fx.db.selectFrom('brigades')
          .select('id')
          .where('name', '=', 'Brigade B')
          .executeTakeFirstOrThrow();
        return {
          method: 'PATCH',
          url: `/api/admin/brigades/${id}`,
          payload: { callbackMinutes: 15 },
        };
      },
    },
    'packets.list': { success: 200, prepare: async () => ({ url: '/api/packets' }) },
    // Reviewers (their brigade) and admins (every brigade); officers and insurers 403.
    'claims.overdue': { success: 200, prepare: async () => ({ url: '/api/claims/overdue' }) },
    'packets.get': {
      success: 200,
      home: PACKET_HOME,
      prepare: async () => ({ url: `/api/packets/${(await packetOfX()).id}` }),
    },
    'packets.acknowledge': {
      success: 200,
      home: PACKET_HOME,
      prepare: () => packetPost('acknowledge', () => ({})),
    },
    'packets.assessment': {
      success: 200,
      home: PACKET_HOME,
      prepare: () =>
        packetPost('assessment', ({ vehicleId }) => ({
          vehicles: [{ vehicleId, amountYuan: 1200 }],
          assessor: 'Matrix',
        })),
    },
    'packets.payout': {
      success: 200,
      home: PACKET_HOME,
      prepare: async () => {
        const { id, vehicleId } = await packetOfX();
        const assessed = await world().call('insurerX', {
          method: 'POST',
          url: `/api/packets/${id}/assessment`,
          payload: { vehicles: [{ vehicleId, amountYuan: 900 }], assessor: 'Matrix' },
        });
        expect(assessed.statusCode).toBe(200);
        return {
          method: 'POST',
          url: `/api/packets/${id}/payout`,
          payload: { amountYuan: 900, paidOn: '2026-12-06', reference: 'M-1' },
        };
      },
    },
    'packets.photo': {
      success: 200,
      // Public: the signed link is the key, whoever follows it.
      prepare: async () => {
        const packet = await world().call('insurerX', {
          url: `/api/packets/${(await packetOfX()).id}`,
        });
        expect(packet.statusCode).toBe(200);
        return {
          url: (packet.json() as { photos: { download: { url: string } }[] }).photos[0]!.download
            .url,
        };
      },
    },
    'claims.assessmentPhoto': {
      success: 200,
      // The insurer that assessed, the brigade's reviewer and the case's officer.
      home: ['insurerX', 'reviewerA', 'officerA'],
      prepare: async () => {
        const { id, vehicleId } = await packetOfX();
        const bytes = jpegBytes(`matrix-${next()}`);
        expect((await uploadAssessmentPhoto(world(), 'insurerX', id, bytes)).statusCode).toBe(200);
        const sha = sha256OfBytes(bytes);
        const assessed = await world().call('insurerX', {
          method: 'POST',
          url: `/api/packets/${id}/assessment`,
          payload: {
            vehicles: [{ vehicleId, amountYuan: 600 }],
            assessor: 'Matrix',
            photos: [sha],
          },
        });
        expect(assessed.statusCode).toBe(200);
        return { url: `/api/claims/${id}/assessment-photos/${sha}` };
      },
    },
    'packets.determinationPdf': {
      success: 200,
      // Public like the photos: the signed link is the key, whoever follows it.
      // One packet for every caller: a GET changes nothing, and each new
      // packet's PDF would be rendered afresh (about a second each).
      prepare: async () => {
        if (pdfLink?.world !== world()) pdfLink = { world: world(), url: await pdfLinkOfX() };
        return { url: pdfLink.url };
      },
    },
    'webhooks.endpoints.list': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({ url: `/api/admin/insurers/${world().insurers.x.id}/endpoints` }),
    },
    'webhooks.endpoints.create': {
      success: 201,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/insurers/${world().insurers.x.id}/endpoints`,
        payload: { url: `http://127.0.0.1:9/made-${next()}`, allowPrivate: true },
      }),
    },
    'webhooks.endpoints.rotate': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/endpoints/${await endpointOfX()}/rotate`,
        payload: { overlapHours: 1 },
      }),
    },
    'webhooks.endpoints.enabled': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/endpoints/${await endpointOfX()}/enabled`,
        payload: { enabled: false },
      }),
    },
    'webhooks.deliveries.list': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({ url: `/api/admin/endpoints/${await endpointOfX()}/deliveries` }),
    },
    'webhooks.deliveries.replay': {
      success: 200,
      home: ['admin'],
      prepare: async () => ({
        method: 'POST',
        url: `/api/admin/deliveries/${await deliveryToX()}/replay`,
      }),
    },
  };
}
